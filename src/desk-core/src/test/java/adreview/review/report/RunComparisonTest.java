package adreview.review.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import adreview.llava.generate.TokenConstraint;
import adreview.review.ReviewModel;
import adreview.review.ReviewService;
import adreview.review.RunListener;
import adreview.review.RunOutcome;
import adreview.review.prompt.Prompt;
import adreview.review.prompt.PromptLibrary;
import adreview.review.report.ReportFixture.Run;
import adreview.review.structured.TokenVocabulary;
import adreview.store.AdCopyResolver;
import adreview.store.AssetResolver;
import adreview.store.RenderResolver;
import adreview.store.TestDatabase;
import adreview.store.TraceRepository;
import adreview.store.VariantRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Comparing two prompt versions or two models: on stored traces, and by re-judging through the review
 * service with a scripted model (its answer depends on the prompt and the ad copy, so every expected
 * table is known in advance).
 */
class RunComparisonTest {

    static TestDatabase db;
    static AgreementReports reports;
    static ReportFixture f;
    static TokenVocabulary vocabulary;

    @BeforeAll
    static void start() throws Exception {
        db = TestDatabase.start();
        reports = new AgreementReports(db.database(), ZoneOffset.UTC);
        f = new ReportFixture(db);
        Path images = db.dir().resolve("assets/t");
        Files.createDirectories(images);
        Path shared = adreview.llava.Fixtures.fixtures();
        Files.copy(shared.resolve("images/ad_landscape.png"), images.resolve("shared.png"));
        vocabulary = TokenVocabulary.load(shared.resolve("llava-tiny"));
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    /**
     * Stored traces: prompt v1 and v2 on four variants (v2 re-judges), decisions as below.
     * <pre>
     * variant  v1       v2       decision
     * c1       valid    valid    accept
     * c2       valid    invalid  reject
     * c3       invalid  invalid  accept
     * c4       valid    (none)   fix
     * </pre>
     * v1 vs reviewers: valid/accept 1, valid/fix 1, valid/reject 1, invalid/accept 1: 4 pairs, 1 agree.
     * v2 vs reviewers: valid/accept 1, invalid/accept 1, invalid/reject 1: 3 pairs, 2 agree.
     * v1 vs v2 (yes = valid): yes/yes 1 (c1), yes/no 1 (c2), no/no 1 (c3): 3 pairs, 2 agree.
     */
    @Test
    void storedTracesOfTwoPromptVersions() {
        UUID job = f.job("stored");
        Run v1 = Run.pipeline("stage1-v1", "llava-1.5-7b-hf", "int8");
        Run v2 = Run.pipeline("stage1-v2", "llava-1.5-7b-hf", "int8").rejudged();
        boolean[][] verdicts = {{true, true}, {true, false}, {false, false}, {true, false}};
        String[] decisions = {"accept", "reject", "accept", "fix"};
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            UUID v = f.variant(job, "c" + (i + 1));
            ids.add(v);
            f.analyze(job, v, "2025-04-01 08:00:0" + i, v1, verdicts[i][0], null);
            if (i < 3) {
                f.analyze(job, v, "2025-04-02 08:00:0" + i, v2, verdicts[i][1], null);
            }
            f.decide(v, decisions[i], "mina", null, "2025-04-03 08:00:0" + i);
        }
        ComparisonRequest request = new ComparisonRequest(ReportFilter.of(Prompt.Stage.STAGE1).withTenant("stored"),
                new RunSide("stage1-v1", null), new RunSide("stage1-v2", null), List.of(), 10);
        RunComparison c = reports.compare(request);
        assertThat(c.variants()).extracting(ComparedVariant::variantId).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(counts(c.aVsReviewers())).containsExactly(1L, 1L, 1L, 1L, 0L, 0L);
        assertThat(c.aVsReviewers().agree()).isEqualTo(1);
        assertThat(counts(c.bVsReviewers())).containsExactly(1L, 0L, 0L, 1L, 0L, 1L);
        assertThat(c.bVsReviewers().agree()).isEqualTo(2);
        assertThat(c.aVsB().matrix()).extracting(m -> m.model() + "/" + m.reviewer() + "=" + m.count())
                .containsExactly("yes/yes=1", "yes/no=1", "no/yes=0", "no/no=1");
        // c1 is the only one where both sides agree with each other and with the reviewer.
        assertThat(c.worthALook()).extracting(ComparedVariant::variantId)
                .containsExactlyInAnyOrder(ids.get(1), ids.get(2), ids.get(3));
        assertThat(c.variants().get(3).variantId()).isEqualTo(ids.get(0)); // listed last
        // Explicit variants: just those.
        RunComparison two = reports.compare(new ComparisonRequest(request.filter(), request.a(), request.b(),
                List.of(ids.get(0), ids.get(1)), 10));
        assertThat(two.aVsB().total()).isEqualTo(2);
        assertThatThrownBy(() -> new ComparisonRequest(request.filter(), request.a(), request.a(), List.of(), 10))
                .hasMessageContaining("pick two");
    }

    static List<Long> counts(Agreement a) {
        return a.matrix().stream().map(MatrixCell::count).toList();
    }

    /**
     * Re-judging now: four decided variants, re-judged with stage1-v1 and stage1-v2 by a scripted model
     * that calls every image valid under v1 and, under v2 ("Judge strictly"), invalid when the ad copy
     * sells coffee. Then two scripted models against each other with the default prompt.
     * <pre>
     * variant  copy     decision   v1     v2
     * r1       shoes    accept     valid  valid
     * r2       coffee   reject     valid  invalid
     * r3       coffee   accept     valid  invalid
     * r4       shoes    fix        valid  valid
     * </pre>
     */
    @Test
    void rejudgesEachSideThroughTheReviewServiceAndCompares() {
        String[] copies = {"Running shoes", "Fresh coffee", "Fresh coffee", "Running shoes"};
        String[] decisions = {"accept", "reject", "accept", "fix"};
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            UUID job = f.job("rejudged");
            db.sql("INSERT INTO job_inputs (job_id, desc_eng) VALUES ('" + job + "', '" + copies[i] + "')");
            UUID v = f.variant(job, "shared");
            ids.add(v);
            f.decide(v, decisions[i], "mina", null, "2025-05-01 08:00:0" + i);
        }
        Map<String, ScriptedModel> models = Map.of("scripted-a", new ScriptedModel("scripted-a", false),
                "scripted-b", new ScriptedModel("scripted-b", true));
        ComparisonRejudge rejudge = new ComparisonRejudge(reports,
                side -> service(models.get(side.modelFolder() == null ? "scripted-a" : side.modelFolder())));
        ReportFilter filter = ReportFilter.of(Prompt.Stage.STAGE1).withTenant("rejudged");
        List<String> heard = new ArrayList<>();
        RunComparison prompts = rejudge.run(new ComparisonRequest(filter, new RunSide("stage1-v1", null),
                new RunSide("stage1-v2", null), List.of(), 10), "qa-lead",
                (side, variant, outcome, refusal, done, total) -> heard.add(side.label() + " " + done + "/" + total
                        + " " + (outcome instanceof RunOutcome.Done ? "done" : refusal)), null);

        assertThat(heard).hasSize(8).startsWith("stage1-v1 1/8 done").endsWith("stage1-v2 8/8 done");
        assertThat(prompts.aVsReviewers().agree()).isEqualTo(2);   // r1, r3 (valid/accept)
        assertThat(counts(prompts.aVsReviewers())).containsExactly(2L, 1L, 1L, 0L, 0L, 0L);
        assertThat(prompts.bVsReviewers().agree()).isEqualTo(2);   // r1 valid/accept, r2 invalid/reject
        assertThat(counts(prompts.bVsReviewers())).containsExactly(1L, 1L, 0L, 1L, 0L, 1L);
        assertThat(counts(prompts.aVsB())).containsExactly(2L, 2L, 0L, 0L);
        assertThat(prompts.worthALook()).extracting(ComparedVariant::variantId)
                .containsExactlyInAnyOrder(ids.get(1), ids.get(2), ids.get(3));

        // The runs are re-judges: traces with who and why, variants untouched, the pipeline report unchanged.
        TraceRepository traces = new TraceRepository(db.database());
        var latest = traces.forVariant(ids.get(1)).get(0);
        assertThat(latest.request().get("rejudge").asBoolean()).isTrue();
        assertThat(latest.request().get("reviewer").asText()).isEqualTo("qa-lead");
        assertThat(latest.request().get("reason").asText()).isEqualTo("compare stage1-v1 with stage1-v2");
        assertThat(latest.request().get("prompt_version").asText()).isEqualTo("stage1-v2");
        assertThat(db.count("SELECT count(*) FROM jobs_variants v JOIN jobs j USING (job_id) "
                + "WHERE j.tenant_id = 'rejudged' AND v.status = 'done' AND v.current_step = 'ocr_eval'")).isEqualTo(4);
        assertThat(reports.report(filter, GroupBy.NONE).overall().total()).isZero();
        assertThat(reports.report(filter.withRejudges(true), GroupBy.PROMPT).groups()).extracting(GroupAgreement::group)
                .containsExactly("stage1-v1", "stage1-v2");

        // Two models with the default prompt: scripted-b is the strict one.
        RunComparison modelsCompared = rejudge.run(new ComparisonRequest(filter, new RunSide(null, "scripted-a"),
                new RunSide(null, "scripted-b"), ids, 10), "qa-lead", null, null);
        assertThat(counts(modelsCompared.aVsB())).containsExactly(2L, 2L, 0L, 0L);
        assertThat(models.get("scripted-a").calls.get()).isEqualTo(12); // both prompt sides, then model side A
        assertThat(models.get("scripted-b").calls.get()).isEqualTo(4);
    }

    @Test
    void cancellingStopsBeforeTheNextRun() {
        UUID job = f.job("cancelled");
        db.sql("INSERT INTO job_inputs (job_id, desc_eng) VALUES ('" + job + "', 'Running shoes')");
        UUID v = f.variant(job, "shared");
        f.decide(v, "accept", "mina", null, "2025-05-02 08:00:00");
        ScriptedModel model = new ScriptedModel("scripted-a", false);
        AtomicInteger runs = new AtomicInteger();
        RunComparison c = new ComparisonRejudge(reports, side -> service(model)).run(
                new ComparisonRequest(ReportFilter.of(Prompt.Stage.STAGE1).withTenant("cancelled"),
                        new RunSide("stage1-v1", null), new RunSide("stage1-v2", null), List.of(), 5),
                "qa", (side, variant, outcome, refusal, done, total) -> runs.incrementAndGet(), () -> runs.get() >= 1);
        assertThat(runs.get()).isEqualTo(1);
        assertThat(c.aVsReviewers().total()).isEqualTo(1);
        assertThat(c.bVsReviewers().total()).isZero();
    }

    static ReviewService service(ReviewModel model) {
        return new ReviewService(db.database(), new VariantRepository(db.database()), new TraceRepository(db.database()),
                new AdCopyResolver(db.database()), new RenderResolver(db.database()),
                new AssetResolver(db.dir().resolve("assets")), new PromptLibrary(), model);
    }

    /** Answers Stage 1 in JSON: valid, unless strict (the model, or prompt v2) and the copy sells coffee. */
    static final class ScriptedModel implements ReviewModel {
        final String folder;
        final boolean strict;
        final AtomicInteger calls = new AtomicInteger();

        ScriptedModel(String folder, boolean strict) {
            this.folder = folder;
            this.strict = strict;
        }

        @Override
        public ModelInfo info() {
            return new ModelInfo(folder, "fp32", "cpu", "pad");
        }

        @Override
        public TokenVocabulary vocabulary() {
            return vocabulary;
        }

        @Override
        public Generation generate(Path image, String prompt, TokenConstraint constraint, int maxNewTokens,
                                   RunListener listener, BooleanSupplier cancelled) {
            calls.incrementAndGet();
            boolean valid = !((strict || prompt.contains("Judge strictly")) && prompt.contains("coffee"));
            String json = "{\"is_valid\": " + valid + ", \"image_quality_ok\": true, \"relevance_score\": "
                    + (valid ? "0.9" : "0.2") + ", \"analysis\": \"scripted\", \"issues\": [], \"recommendations\": [], "
                    + "\"font_recommendation\": {\"style\": \"bold\", \"size\": \"large\", \"color\": \"light\"}}";
            return new Generation(json, 60, "eos");
        }
    }
}

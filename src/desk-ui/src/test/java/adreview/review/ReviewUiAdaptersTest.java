package adreview.review;

import adreview.review.decision.ReviewerDecisionRepository;
import adreview.review.decision.Verdict;
import adreview.review.prompt.PromptLibrary;
import adreview.review.structured.TokenVocabulary;
import adreview.store.AdCopyResolver;
import adreview.store.AssetResolver;
import adreview.store.RenderResolver;
import adreview.store.TraceRepository;
import adreview.store.VariantRepository;
import adreview.ui.review.AnswerJson;
import adreview.ui.review.ProgressSink;
import adreview.ui.review.RepositoryDecisionRecorder;
import adreview.ui.review.RepositoryTraceSource;
import adreview.ui.review.ReviewServiceStageRunner;
import adreview.ui.review.RunOptions;
import adreview.ui.review.RunOutcome;
import adreview.ui.review.RunRequest;
import adreview.ui.review.StageAnswer;
import adreview.ui.review.StageKind;
import adreview.ui.review.TraceEntry;
import adreview.ui.review.VariantRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The desk's adapters over the review service, trace and decision repositories, on a real embedded
 * PostgreSQL. It sits in this package to use the review tests' database helper and their stand-in model
 * (random logits over the real vocabulary) until the engine's generation is merged.
 */
class ReviewUiAdaptersTest {

    static ReviewTestDatabase db;
    static ReviewServiceStageRunner runner;
    static RepositoryTraceSource traceSource;

    @BeforeAll
    static void start() throws Exception {
        db = ReviewTestDatabase.start();
        Path shared = adreview.llava.Fixtures.fixtures();
        Path assets = db.dir().resolve("assets");
        Files.createDirectories(assets.resolve("t"));
        Files.copy(shared.resolve("images/ad_landscape.png"), assets.resolve("t/ad_landscape.png"));
        Files.copy(shared.resolve("images/ad_rgba.png"), assets.resolve("t/ad_rgba.png"));
        var model = new RandomLogitsModel(TokenVocabulary.load(shared.resolve("llava-tiny")), 11);
        TraceRepository traces = new TraceRepository(db.database());
        runner = new ReviewServiceStageRunner(new ReviewService(db.database(), new VariantRepository(db.database()), traces,
                new AdCopyResolver(db.database()), new RenderResolver(db.database()), new AssetResolver(assets),
                new PromptLibrary(), model));
        traceSource = new RepositoryTraceSource(traces);
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    /** Records what the queue would see. */
    static class RecordingSink implements ProgressSink {
        final List<String> phases = new ArrayList<>();
        final StringBuilder text = new StringBuilder();
        int lastCount;
        int max;

        @Override public void loadingModel(double fraction, String detail) { phases.add("loading"); }
        @Override public void preparingImage() { phases.add("image"); }
        @Override public void readingPrompt() { phases.add("prompt"); }
        @Override public void token(int count, int maxTokens, String piece) {
            if (lastCount == 0) {
                phases.add("writing");
            }
            lastCount = count;
            max = maxTokens;
            text.append(piece);
        }
    }

    static UUID variant(String step, String status) {
        UUID job = db.insertJob("Summer sale on running shoes");
        db.insertAdCopy(job, "여름 세일 최대 30% 할인", "done");
        UUID v = db.insertVariant(job, db.insertAsset("/assets/t/ad_landscape.png"), null, step, status);
        db.insertOverlay(v, "/assets/t/ad_rgba.png");
        return v;
    }

    @Test
    void aStage1RunStreamsItsTextAndItsStoredTraceReadsBackAsTheSameAnswer() {
        UUID v = variant("img_gen", "done");
        RecordingSink sink = new RecordingSink();

        RunOutcome o = runner.run(new RunRequest(StageKind.STAGE1, VariantRef.of(v, "v"), RunOptions.pipeline()), sink, () -> false);

        assertThat(o).isInstanceOf(RunOutcome.Done.class);
        RunOutcome.Done done = (RunOutcome.Done) o;
        assertThat(done.answer()).isInstanceOf(StageAnswer.Stage1Answer.class);
        assertThat(sink.phases).containsSubsequence("image", "prompt", "writing");
        assertThat(sink.max).isEqualTo(512);
        assertThat(db.state(v)).isEqualTo("done/vlm_analyze");

        List<TraceEntry> traces = traceSource.tracesOf(v);
        assertThat(traces).hasSize(1);
        assertThat(traces.get(0).id()).isEqualTo(done.traceId());
        // The streamed pieces add up to the stored raw answer, which parses to the same result the view showed.
        assertThat(AnswerJson.fromTrace(traces.get(0))).contains(done.answer());
        assertThat(sink.text.toString().strip()).startsWith("{").endsWith("}");
    }

    @Test
    void aRejudgeCarriesOverridesReviewerAndReasonAndLeavesTheStateAlone() {
        UUID v = variant("overlay", "done");
        RunOptions options = new RunOptions(true, "Typed copy", null, "kim", "copy changed");

        RunOutcome o = runner.run(new RunRequest(StageKind.STAGE1, VariantRef.of(v, "v"), options), new RecordingSink(), () -> false);

        assertThat(o).isInstanceOf(RunOutcome.Done.class);
        assertThat(db.state(v)).isEqualTo("done/overlay");
        TraceEntry t = traceSource.tracesOf(v).get(0);
        assertThat(t.rejudge()).isTrue();
        assertThat(t.request().path("reviewer").asText()).isEqualTo("kim");
        assertThat(t.request().path("reason").asText()).isEqualTo("copy changed");
        assertThat(t.request().path("ad_copy_text").asText()).isEqualTo("Typed copy");
    }

    @Test
    void stage2OnAVariantNotAtOverlayIsRefusedWithTheReasonAndOffersTheRejudge() {
        UUID v = variant("img_gen", "done");
        RunOutcome o = runner.run(new RunRequest(StageKind.STAGE2, VariantRef.of(v, "v"), RunOptions.pipeline()), new RecordingSink(), () -> false);
        assertThat(o).isInstanceOf(RunOutcome.Refused.class);
        RunOutcome.Refused r = (RunOutcome.Refused) o;
        assertThat(r.reason()).contains("it is at img_gen/done").contains("overlay/done");
        assertThat(r.state()).isEqualTo("img_gen/done");
        assertThat(r.rejudgeInstead()).isTrue();
        assertThat(traceSource.tracesOf(v)).isEmpty();
        assertThat(db.state(v)).isEqualTo("done/img_gen");
    }

    @Test
    void aCancelledRunIsCancelledLeavesTheVariantAsItWasAndKeepsItsTrace() {
        UUID v = variant("overlay", "done");
        AtomicInteger tokens = new AtomicInteger();
        RecordingSink sink = new RecordingSink() {
            @Override public void token(int count, int maxTokens, String piece) {
                super.token(count, maxTokens, piece);
                tokens.set(count);
            }
        };
        RunOutcome o = runner.run(new RunRequest(StageKind.STAGE2, VariantRef.of(v, "v"), RunOptions.pipeline()), sink,
                () -> tokens.get() >= 5);
        assertThat(o).isInstanceOf(RunOutcome.Cancelled.class);
        assertThat(tokens.get()).isEqualTo(5);
        assertThat(db.state(v)).isEqualTo("done/overlay");
        assertThat(traceSource.tracesOf(v)).singleElement()
                .satisfies(t -> assertThat(t.response().path("cancelled").asBoolean()).isTrue());
    }

    @Test
    void decisionsGoToTheDecisionsTable() {
        UUID v = variant("overlay", "done");
        var repo = new ReviewerDecisionRepository(db.database());
        var d = new RepositoryDecisionRecorder(repo).record(v, Verdict.FIX, "logo cut off", "kim");
        assertThat(d.verdict()).isEqualTo(Verdict.FIX);
        assertThat(repo.history(v)).singleElement().satisfies(x -> {
            assertThat(x.comment()).isEqualTo("logo cut off");
            assertThat(x.reviewer()).isEqualTo("kim");
        });
        assertThat(traceSource.tracesOf(v)).isEmpty();
    }
}

package adreview.review;

import adreview.review.prompt.Prompt;
import adreview.review.prompt.PromptLibrary;
import adreview.review.result.Results;
import adreview.review.result.Stage1Result;
import adreview.review.result.Stage2Result;
import adreview.review.structured.TokenVocabulary;
import adreview.store.AdCopyResolver;
import adreview.store.AssetResolver;
import adreview.store.RenderResolver;
import adreview.store.Trace;
import adreview.store.TraceRepository;
import adreview.store.VariantRepository;
import com.fasterxml.jackson.databind.JsonNode;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SPEC §2–§5 against a real embedded PostgreSQL: states, trace rows, refusals, failures, re-judges, cancel. */
class ReviewServiceTest {

    static ReviewTestDatabase db;
    static ReviewService service;
    static TraceRepository traces;
    static Path assetRoot;
    static RandomLogitsModel model;

    @BeforeAll
    static void start() throws Exception {
        db = ReviewTestDatabase.start();
        Path shared = adreview.llava.Fixtures.fixtures();
        assetRoot = db.dir().resolve("assets");
        Files.createDirectories(assetRoot.resolve("t"));
        for (String name : new String[] {"ad_landscape.png", "ad_portrait.png", "ad_rgba.png", "ad_gray.png"}) {
            Files.copy(shared.resolve("images").resolve(name), assetRoot.resolve("t").resolve(name));
        }
        Files.writeString(assetRoot.resolve("t/corrupt.png"), "not a png at all");
        model = new RandomLogitsModel(TokenVocabulary.load(shared.resolve("llava-tiny")), 7);
        traces = new TraceRepository(db.database());
        service = new ReviewService(db.database(), new VariantRepository(db.database()), traces,
                new AdCopyResolver(db.database()), new RenderResolver(db.database()), new AssetResolver(assetRoot),
                new PromptLibrary(), model);
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    static UUID stage1Variant(String imageFile, String step, String status) {
        UUID job = db.insertJob("A cosy cafe breakfast");
        db.insertAdCopy(job, "Old draft copy", "done");
        db.insertAdCopy(job, "Start your morning right", "done");
        db.insertAdCopy(job, "Not finished yet", "running");
        return db.insertVariant(job, db.insertAsset("/assets/t/" + imageFile), null, step, status);
    }

    static UUID stage2Variant(String step, String status) {
        UUID job = db.insertJob("Summer sale");
        UUID v = db.insertVariant(job, db.insertAsset("/assets/t/ad_landscape.png"),
                db.insertAsset("/assets/t/ad_portrait.png"), step, status);
        db.insertOverlay(v, "/assets/t/ad_rgba.png");
        return v;
    }

    static String updatedAt(UUID v) {
        return db.query("SELECT updated_at::text FROM jobs_variants WHERE job_variants_id = ?", v);
    }

    @Test
    void stage1PipelineRunSetsRunningThenDoneAndStoresTheTrace() throws Exception {
        UUID v = stage1Variant("ad_landscape.png", "img_gen", "done");
        List<String> seenDuringRun = new ArrayList<>();
        RunListener watcher = new RunListener() {
            @Override
            public void token(int n, int max, String text) {
                if (n == 1) {
                    seenDuringRun.add(db.state(v));
                }
            }
        };
        RunOutcome outcome = service.run(RunRequest.pipeline(Prompt.Stage.STAGE1, v), watcher, null);

        assertThat(seenDuringRun).containsExactly("running/vlm_analyze");
        assertThat(outcome).isInstanceOf(RunOutcome.Done.class);
        assertThat(db.state(v)).isEqualTo("done/vlm_analyze");
        List<Trace> stored = traces.forVariant(v);
        assertThat(stored).hasSize(1);
        Trace t = stored.get(0);
        assertThat(t.provider()).isEqualTo("llava");
        assertThat(t.operationType()).isEqualTo("analyze");
        assertThat(t.variantId()).isEqualTo(v);
        assertThat(t.latencyMs()).isNotNull().isGreaterThanOrEqualTo(0);
        JsonNode req = t.request();
        assertThat(req.get("asset_url").asText()).isEqualTo("/assets/t/ad_landscape.png");
        assertThat(req.get("ad_copy_text").asText()).isEqualTo("Start your morning right");
        assertThat(req.get("ad_copy_source").asText()).isEqualTo("generated_copy");
        assertThat(req.get("prompt").asText()).contains("\"Start your morning right\"");
        assertThat(req.get("prompt_version").asText()).isEqualTo("stage1-v1");
        assertThat(req.get("schema_version").asText()).isEqualTo("stage1-schema-v1");
        assertThat(req.get("image_sha256").asText()).isEqualTo(ReviewService.sha256(assetRoot.resolve("t/ad_landscape.png")))
                .hasSize(64);
        assertThat(req.get("model").get("folder").asText()).isEqualTo("random-logits");
        assertThat(req.get("model").has("precision")).isTrue();
        assertThat(req.get("model").has("device")).isTrue();
        assertThat(req.get("image_mode").asText()).isEqualTo("clip_slow");
        assertThat(req.get("rejudge").asBoolean()).isFalse();
        Stage1Result r = Results.stage1(t.response(), true);
        assertThat(r).isEqualTo(((RunOutcome.Done) outcome).result());
        assertThat(r.font()).isNotNull();
    }

    @Test
    void typedAdCopyWinsAndNoAdCopyUsesTheImageOnlyPrompt() {
        UUID v = stage1Variant("ad_gray.png", "img_gen", "done");
        service.run(RunRequest.pipeline(Prompt.Stage.STAGE1, v).withAdCopy("  Typed by the reviewer "), null, null);
        JsonNode req = traces.forVariant(v).get(0).request();
        assertThat(req.get("ad_copy_text").asText()).isEqualTo("Typed by the reviewer");
        assertThat(req.get("ad_copy_source").asText()).isEqualTo("typed");

        UUID job = db.insertJob(null);
        UUID bare = db.insertVariant(job, db.insertAsset("/assets/t/ad_gray.png"), null, "img_gen", "done");
        RunOutcome o = service.run(RunRequest.pipeline(Prompt.Stage.STAGE1, bare), null, null);
        JsonNode bareReq = traces.forVariant(bare).get(0).request();
        assertThat(bareReq.get("ad_copy_text").isNull()).isTrue();
        assertThat(bareReq.get("prompt_version").asText()).isEqualTo("stage1-noadcopy-v1");
        assertThat(bareReq.get("schema_version").asText()).isEqualTo("stage1-noadcopy-schema-v1");
        assertThat(((Stage1Result) ((RunOutcome.Done) o).result()).font()).isNull();

        UUID briefOnly = db.insertVariant(db.insertJob("The brief text"), db.insertAsset("/assets/t/ad_gray.png"), null, "img_gen", "done");
        service.run(RunRequest.pipeline(Prompt.Stage.STAGE1, briefOnly), null, null);
        assertThat(traces.forVariant(briefOnly).get(0).request().get("ad_copy_source").asText()).isEqualTo("job_brief");
    }

    @Test
    void stage2PipelineRunJudgesTheOverlaidRender() {
        UUID v = stage2Variant("overlay", "done");
        RunOutcome o = service.run(RunRequest.pipeline(Prompt.Stage.STAGE2, v), null, null);
        assertThat(o).isInstanceOf(RunOutcome.Done.class);
        assertThat(db.state(v)).isEqualTo("done/vlm_judge");
        Trace t = traces.forVariant(v).get(0);
        assertThat(t.operationType()).isEqualTo("judge");
        assertThat(t.request().get("render_asset_url").asText()).isEqualTo("/assets/t/ad_portrait.png");
        assertThat(t.request().get("overlay_id").asText()).isEqualTo(
                db.query("SELECT overlay_id::text FROM overlay_layouts WHERE job_variants_id = ?", v));
        assertThat(t.request().get("prompt_version").asText()).isEqualTo("stage2-v1");
        assertThat(t.request().get("image_sha256").asText()).isEqualTo(ReviewService.sha256(assetRoot.resolve("t/ad_portrait.png")));
        Stage2Result r = Results.stage2(t.response());
        assertThat(r).isEqualTo(((RunOutcome.Done) o).result());
    }

    @Test
    void stage2OnAVariantNotAtOverlayDoneIsRefusedAndChangesNothing() {
        for (String[] state : new String[][] {{"vlm_analyze", "done"}, {"overlay", "running"}, {"overlay", "failed"}}) {
            UUID v = stage2Variant(state[0], state[1]);
            String before = updatedAt(v);
            assertThatThrownBy(() -> service.run(RunRequest.pipeline(Prompt.Stage.STAGE2, v), null, null))
                    .isInstanceOf(StageRefusedException.class)
                    .hasMessageContaining(v.toString()).hasMessageContaining("overlay/done");
            assertThat(db.state(v)).isEqualTo(state[1] + "/" + state[0]);
            assertThat(updatedAt(v)).isEqualTo(before);
            assertThat(db.count("vlm_traces", "job_variants_id = ?", v)).isZero();
        }
        assertThatThrownBy(() -> service.run(RunRequest.pipeline(Prompt.Stage.STAGE1, UUID.randomUUID()), null, null))
                .isInstanceOf(StageRefusedException.class).hasMessageContaining("not found");
    }

    @Test
    void aMissingImageFileIsRefusedAndLeavesTheVariantUntouched() {
        // A file missing under the asset root is this machine's problem (an unmounted share), not the variant's.
        UUID v = stage1Variant("does_not_exist.png", "img_gen", "done");
        String before = updatedAt(v);
        assertThatThrownBy(() -> service.run(RunRequest.pipeline(Prompt.Stage.STAGE1, v), null, null))
                .isInstanceOf(StageRefusedException.class)
                .hasMessageContaining("does_not_exist.png").hasMessageContaining("--asset-root");
        assertThat(db.state(v)).isEqualTo("done/img_gen");
        assertThat(updatedAt(v)).isEqualTo(before);
        assertThat(db.count("vlm_traces", "job_variants_id = ?", v)).isZero();
        assertThat(db.count("desk_runs", "job_variants_id = ?", v)).isZero();
    }

    @Test
    void corruptImageEndsFailed() {
        UUID v = stage1Variant("corrupt.png", "img_gen", "done");
        RunOutcome o = service.run(RunRequest.pipeline(Prompt.Stage.STAGE1, v), null, null);
        assertThat(((RunOutcome.Failed) o).error()).contains("corrupt.png");
        assertThat(db.state(v)).isEqualTo("failed/vlm_analyze");
        assertThat(traces.forVariant(v).get(0).response().get("error").asText()).contains("Cannot decode image");
    }

    @Test
    void unparsableFreeTextFailsAndKeepsTheRawText() {
        UUID v = stage1Variant("ad_landscape.png", "img_gen", "done");
        RunOutcome o = service.run(RunRequest.pipeline(Prompt.Stage.STAGE1, v).withConstrained(false), null, null);
        assertThat(o).isInstanceOf(RunOutcome.Failed.class);
        String raw = ((RunOutcome.Failed) o).rawText();
        assertThat(raw).isNotBlank();
        assertThat(db.state(v)).isEqualTo("failed/vlm_analyze");
        Trace t = traces.forVariant(v).get(0);
        assertThat(t.response().get("raw_text").asText()).isEqualTo(raw);
        assertThat(t.response().get("error").asText()).contains("could not read the answer");
        assertThat(t.request().get("constrained").asBoolean()).isFalse();
    }

    @Test
    void rejudgeAddsATraceAndLeavesStateAlone() {
        UUID v = stage2Variant("ocr_eval", "done");
        String before = updatedAt(v);
        RunOutcome o = service.run(RunRequest.rejudge(Prompt.Stage.STAGE2, v, "mina", "text looks too small")
                .withPrompt("Judge this finished ad. Answer in JSON."), null, null);
        assertThat(o).isInstanceOf(RunOutcome.Done.class);
        assertThat(db.state(v)).isEqualTo("done/ocr_eval");
        assertThat(updatedAt(v)).isEqualTo(before);
        JsonNode req = traces.forVariant(v).get(0).request();
        assertThat(req.get("rejudge").asBoolean()).isTrue();
        assertThat(req.get("reviewer").asText()).isEqualTo("mina");
        assertThat(req.get("reason").asText()).isEqualTo("text looks too small");
        assertThat(req.get("prompt_version").asText()).isEqualTo("custom");

        // A failing re-judge stores its error trace but still leaves the state alone.
        UUID broken = stage1Variant("corrupt.png", "ocr_eval", "done");
        RunOutcome f = service.run(RunRequest.rejudge(Prompt.Stage.STAGE1, broken, null, null), null, null);
        assertThat(f).isInstanceOf(RunOutcome.Failed.class);
        assertThat(db.state(broken)).isEqualTo("done/ocr_eval");
        assertThat(traces.forVariant(broken)).hasSize(1);
    }

    @Test
    void aRejudgeRunsWithTheChosenPromptVersionAndAnUnknownVersionIsRefused() {
        UUID v = stage1Variant("ad_landscape.png", "ocr_eval", "done");
        RunOutcome o = service.run(RunRequest.rejudge(Prompt.Stage.STAGE1, v, "mina", "prompt v2")
                .withPromptVersion("stage1-v2"), null, null);
        assertThat(o).isInstanceOf(RunOutcome.Done.class);
        JsonNode req = traces.forVariant(v).get(0).request();
        assertThat(req.get("prompt_version").asText()).isEqualTo("stage1-v2");
        assertThat(req.get("prompt").asText()).contains("Judge strictly").contains("\"Start your morning right\"");
        UUID s2 = stage2Variant("ocr_eval", "done");
        service.run(RunRequest.rejudge(Prompt.Stage.STAGE2, s2, null, null).withPromptVersion("stage2-v2"), null, null);
        assertThat(traces.forVariant(s2).get(0).request().get("prompt_version").asText()).isEqualTo("stage2-v2");
        assertThatThrownBy(() -> service.run(RunRequest.rejudge(Prompt.Stage.STAGE2, s2, null, null)
                .withPromptVersion("stage1-v2"), null, null))
                .isInstanceOf(StageRefusedException.class).hasMessageContaining("known: stage2-v1, stage2-v2");
        assertThat(traces.forVariant(s2)).hasSize(1);
    }

    @Test
    void cancelledRunLeavesTheVariantAsItWasAndKeepsTheCallsTrace() {
        UUID v = stage1Variant("ad_landscape.png", "vlm_analyze", "failed");
        String before = updatedAt(v);
        AtomicInteger tokens = new AtomicInteger();
        RunListener counter = new RunListener() {
            @Override
            public void token(int n, int max, String text) {
                tokens.set(n);
            }
        };
        RunOutcome o = service.run(RunRequest.pipeline(Prompt.Stage.STAGE1, v), counter, () -> tokens.get() >= 5);
        assertThat(o).isInstanceOf(RunOutcome.Cancelled.class);
        assertThat(tokens.get()).isEqualTo(5);
        assertThat(db.state(v)).isEqualTo("failed/vlm_analyze");
        assertThat(updatedAt(v)).isEqualTo(before);
        // Never lose a trace: the cancelled call is stored with its partial answer, marked as put back.
        Trace t = traces.forVariant(v).get(0);
        assertThat(((RunOutcome.Cancelled) o).trace().traceId()).isEqualTo(t.traceId());
        assertThat(t.response().get("cancelled").asBoolean()).isTrue();
        assertThat(t.response().get("raw_text").asText()).isNotEmpty();
        assertThat(t.response().at("/restored/status").asText()).isEqualTo("failed");
        assertThat(db.query("SELECT outcome FROM desk_runs WHERE job_variants_id = ?", v)).isEqualTo("restored");
    }

    @Test
    void twoRunsAtTheSameMomentBothStoreTheirTraces() throws Exception {
        UUID a = stage1Variant("ad_landscape.png", "img_gen", "done");
        UUID b = stage2Variant("overlay", "done");
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.Future<RunOutcome> fa = pool.submit(() -> {
                go.await();
                return service.run(RunRequest.pipeline(Prompt.Stage.STAGE1, a), null, null);
            });
            java.util.concurrent.Future<RunOutcome> fb = pool.submit(() -> {
                go.await();
                return service.run(RunRequest.pipeline(Prompt.Stage.STAGE2, b), null, null);
            });
            go.countDown();
            assertThat(fa.get()).isInstanceOf(RunOutcome.Done.class);
            assertThat(fb.get()).isInstanceOf(RunOutcome.Done.class);
        } finally {
            pool.shutdownNow();
        }
        assertThat(db.state(a)).isEqualTo("done/vlm_analyze");
        assertThat(db.state(b)).isEqualTo("done/vlm_judge");
        assertThat(traces.forVariant(a)).hasSize(1);
        assertThat(traces.forVariant(b)).hasSize(1);
    }

    @Test
    void aSecondPipelineRunWhileTheFirstIsRunningIsRefused() {
        UUID v = stage1Variant("ad_landscape.png", "img_gen", "done");
        List<Throwable> refused = new ArrayList<>();
        RunListener second = new RunListener() {
            @Override
            public void token(int n, int max, String text) {
                if (n == 1) {
                    try {
                        service.run(RunRequest.pipeline(Prompt.Stage.STAGE1, v), null, null);
                    } catch (StageRefusedException e) {
                        refused.add(e);
                    }
                }
            }
        };
        assertThat(service.run(RunRequest.pipeline(Prompt.Stage.STAGE1, v), second, null)).isInstanceOf(RunOutcome.Done.class);
        assertThat(refused).singleElement().extracting(Throwable::getMessage).asString()
                .contains("vlm_analyze/running").contains("--rejudge");
        assertThat(traces.forVariant(v)).hasSize(1);
    }
}

package adreview.review;

import adreview.llava.Device;
import adreview.llava.LoadOptions;
import adreview.llava.ModelService;
import adreview.llava.Precision;
import adreview.llava.image.ImageMode;
import adreview.review.prompt.Prompt;
import adreview.review.prompt.PromptLibrary;
import adreview.review.result.Results;
import adreview.store.AdCopyResolver;
import adreview.store.AssetResolver;
import adreview.store.RenderResolver;
import adreview.store.Trace;
import adreview.store.TraceRepository;
import adreview.store.VariantRepository;
import adreview.store.demo.DemoData;
import adreview.store.demo.DemoVariants;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Stage runs with the real tiny LLaVA on the demo data in a real PostgreSQL. */
class ReviewServiceTinyModelTest {

    // 40 tokens above the shortest Stage 1 answer (177 tokens); the properties here (one model load, both traces
    // stored, state changes) do not depend on the answer's length, and each token costs time.
    static final int BUDGET = 216;
    static ReviewTestDatabase db;
    static ModelService models;
    static ReviewService service;
    static TraceRepository traces;

    @BeforeAll
    static void start() {
        db = ReviewTestDatabase.start();
        Path assets = db.dir().resolve("assets");
        DemoData.seedIfFirstStart(db.database(), assets);
        Path shared = adreview.llava.Fixtures.fixtures();
        models = new ModelService();
        traces = new TraceRepository(db.database());
        service = new ReviewService(db.database(), new VariantRepository(db.database()), traces,
                new AdCopyResolver(db.database()), new RenderResolver(db.database()), new AssetResolver(assets),
                new PromptLibrary(), new LlavaReviewModel(models, shared.resolve("llava-tiny"),
                new LoadOptions(Device.CPU, Precision.FP32), ImageMode.PAD));
    }

    @AfterAll
    static void stop() {
        models.close();
        db.close();
    }

    /** Two runs at the same moment on a model not loaded yet: one load, both traces stored, SPEC states. */
    @Test
    void twoRunsAtOnceLoadTheModelOnceAndBothStoreTheirTraces() throws Exception {
        UUID s1 = DemoVariants.IMAGE_CONTRADICTS_COPY;
        UUID s2 = DemoVariants.PHONE_READY_FOR_JUDGE;
        assertThat(models.current()).isEmpty();
        AtomicInteger loadsFinished = new AtomicInteger();
        RunListener listener = new RunListener() {
            @Override
            public void phase(RunPhase phase, double fraction, String detail) {
                if (phase == RunPhase.LOADING_MODEL && fraction == 1.0) {
                    loadsFinished.incrementAndGet();
                }
            }
        };
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<RunOutcome> a = pool.submit(() -> {
                go.await();
                return service.run(RunRequest.pipeline(Prompt.Stage.STAGE1, s1).withMaxNewTokens(BUDGET), listener, null);
            });
            Future<RunOutcome> b = pool.submit(() -> {
                go.await();
                return service.run(RunRequest.pipeline(Prompt.Stage.STAGE2, s2).withMaxNewTokens(BUDGET), listener, null);
            });
            go.countDown();
            assertThat(a.get()).isInstanceOf(RunOutcome.Done.class);
            assertThat(b.get()).isInstanceOf(RunOutcome.Done.class);
        } finally {
            pool.shutdownNow();
        }
        assertThat(loadsFinished.get()).isEqualTo(1);

        assertThat(db.state(s1)).isEqualTo("done/vlm_analyze");
        Trace t1 = traces.forVariant(s1).get(0);
        assertThat(t1.operationType()).isEqualTo("analyze");
        assertThat(t1.provider()).isEqualTo("llava");
        JsonNode m = t1.request().get("model");
        assertThat(m.get("folder").asText()).isEqualTo("llava-tiny");
        assertThat(m.get("precision").asText()).isEqualTo("fp32");
        assertThat(m.get("device").asText()).isEqualTo("cpu");
        assertThat(t1.request().get("image_mode").asText()).isEqualTo("pad");
        assertThat(t1.request().get("stop_reason").asText()).isEqualTo("constraint_complete");
        assertThat(Results.stage1(t1.response(), true).relevanceScore()).isBetween(0.0, 1.0);

        assertThat(db.state(s2)).isEqualTo("done/vlm_judge");
        Trace t2 = traces.forVariant(s2).get(0);
        assertThat(t2.operationType()).isEqualTo("judge");
        assertThat(t2.request().get("render_asset_url").asText()).isNotBlank();
        Results.stage2(t2.response());
    }

    @Test
    void aRunCancelledMidwayLeavesTheVariantAsItWas() {
        UUID v = DemoVariants.KOREAN_COPY;
        String before = db.query("SELECT status || '/' || current_step || '/' || updated_at::text FROM jobs_variants WHERE job_variants_id = ?", v);
        int traceCount = db.count("vlm_traces", "job_variants_id = ?", v);
        AtomicInteger tokens = new AtomicInteger();
        RunListener counter = new RunListener() {
            @Override
            public void token(int n, int max, String text) {
                tokens.set(n);
            }
        };
        RunOutcome o = service.run(RunRequest.pipeline(Prompt.Stage.STAGE1, v), counter, () -> tokens.get() >= 3);
        assertThat(o).isInstanceOf(RunOutcome.Cancelled.class);
        assertThat(tokens.get()).isEqualTo(3);
        assertThat(db.query("SELECT status || '/' || current_step || '/' || updated_at::text FROM jobs_variants WHERE job_variants_id = ?", v))
                .isEqualTo(before);
        // The cancelled call is still a trace: its response holds the three tokens the real model wrote.
        assertThat(db.count("vlm_traces", "job_variants_id = ?", v)).isEqualTo(traceCount + 1);
        Trace cancelled = ((RunOutcome.Cancelled) o).trace();
        assertThat(cancelled.response().get("cancelled").asBoolean()).isTrue();
        assertThat(cancelled.response().get("raw_text").asText()).isNotEmpty();
        assertThat(cancelled.response().at("/restored/step").asText()).isEqualTo("vlm_analyze");
    }
}

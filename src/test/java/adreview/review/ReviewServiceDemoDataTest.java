package adreview.review;

import adreview.review.prompt.Prompt;
import adreview.review.prompt.PromptLibrary;
import adreview.review.result.Results;
import adreview.review.structured.TokenVocabulary;
import adreview.store.AdCopyResolver;
import adreview.store.AssetResolver;
import adreview.store.RenderResolver;
import adreview.store.Trace;
import adreview.store.TraceRepository;
import adreview.store.VariantRepository;
import adreview.store.demo.DemoData;
import adreview.store.demo.DemoVariants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Stage runs on the desk's demo variants (its planted faults), SPEC §2–§5. */
class ReviewServiceDemoDataTest {

    static ReviewTestDatabase db;
    static ReviewService service;
    static TraceRepository traces;

    @BeforeAll
    static void start() {
        db = ReviewTestDatabase.start();
        Path assets = db.dir().resolve("assets");
        DemoData.seedIfFirstStart(db.database(), assets);
        Path shared = Path.of(System.getProperty("adreview.shared", "../shared"));
        traces = new TraceRepository(db.database());
        service = new ReviewService(db.database(), new VariantRepository(db.database()), traces,
                new AdCopyResolver(db.database()), new RenderResolver(db.database()), new AssetResolver(assets),
                new PromptLibrary(), new RandomLogitsModel(TokenVocabulary.load(shared.resolve("fixtures/llava-tiny")), 11));
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    static int traceCount(UUID v) {
        return db.count("vlm_traces", "job_variants_id = ?", v);
    }

    @Test
    void stage1OnTheImageThatContradictsItsCopy() {
        UUID v = DemoVariants.IMAGE_CONTRADICTS_COPY;
        int before = traceCount(v);
        RunOutcome o = service.run(RunRequest.pipeline(Prompt.Stage.STAGE1, v), null, null);
        assertThat(o).isInstanceOf(RunOutcome.Done.class);
        assertThat(db.state(v)).isEqualTo("done/vlm_analyze");
        assertThat(traceCount(v)).isEqualTo(before + 1);
        Trace t = traces.forVariant(v).get(0);
        assertThat(t.request().get("ad_copy_text").asText()).isEqualTo(DemoData.STRIDE_COPY.strip());
        assertThat(Results.stage1(t.response(), true).relevanceScore()).isBetween(0.0, 1.0);
    }

    @Test
    void stage1WithKoreanAdCopy() {
        UUID v = DemoVariants.KOREAN_COPY;
        RunOutcome o = service.run(RunRequest.pipeline(Prompt.Stage.STAGE1, v), null, null);
        assertThat(o).isInstanceOf(RunOutcome.Done.class);
        assertThat(traces.forVariant(v).get(0).request().get("prompt").asText()).contains(DemoVariants.KOREAN_AD_COPY);
    }

    @Test
    void stage2OnTheVariantReadyForJudgeUsesTheLayoutsRender() {
        UUID v = DemoVariants.PHONE_READY_FOR_JUDGE;
        assertThat(db.state(v)).isEqualTo("done/overlay");
        RunOutcome o = service.run(RunRequest.pipeline(Prompt.Stage.STAGE2, v), null, null);
        assertThat(o).isInstanceOf(RunOutcome.Done.class);
        assertThat(db.state(v)).isEqualTo("done/vlm_judge");
        Trace t = traces.forVariant(v).get(0);
        assertThat(t.operationType()).isEqualTo("judge");
        assertThat(t.request().get("render_source").asText()).isEqualTo("overlay_layout");
        assertThat(t.request().get("overlay_id").isTextual()).isTrue();
    }

    @Test
    void stage2IsRefusedWhereTheOverlayIsNotDone() {
        for (UUID v : List.of(DemoVariants.COFFEE_GOOD, DemoVariants.BOTTLE_OVERLAY_QUEUED, DemoVariants.PHONE_OVERLAY_FAILED)) {
            String state = db.state(v);
            int before = traceCount(v);
            assertThatThrownBy(() -> service.run(RunRequest.pipeline(Prompt.Stage.STAGE2, v), null, null))
                    .isInstanceOf(StageRefusedException.class);
            assertThat(db.state(v)).isEqualTo(state);
            assertThat(traceCount(v)).isEqualTo(before);
        }
    }

    @Test
    void missingAndCorruptImagesFailWithTheirErrorsStored() {
        for (UUID v : List.of(DemoVariants.MISSING_IMAGE, DemoVariants.CORRUPT_IMAGE)) {
            int before = traceCount(v);
            RunOutcome o = service.run(RunRequest.pipeline(Prompt.Stage.STAGE1, v), null, null);
            assertThat(o).isInstanceOf(RunOutcome.Failed.class);
            assertThat(db.state(v)).isEqualTo("failed/vlm_analyze");
            assertThat(traceCount(v)).isEqualTo(before + 1);
            assertThat(traces.forVariant(v).get(0).response().get("error").asText()).isNotBlank();
        }
    }

    @Test
    void rejudgeOfAJudgedVariantLeavesItsState() {
        UUID v = DemoVariants.SHOE_GOOD;
        String state = db.state(v);
        String updated = db.query("SELECT updated_at::text FROM jobs_variants WHERE job_variants_id = ?", v);
        int before = traceCount(v);
        RunOutcome o = service.run(RunRequest.rejudge(Prompt.Stage.STAGE2, v, "qa", "recheck contrast"), null, null);
        assertThat(o).isInstanceOf(RunOutcome.Done.class);
        assertThat(db.state(v)).isEqualTo(state);
        assertThat(db.query("SELECT updated_at::text FROM jobs_variants WHERE job_variants_id = ?", v)).isEqualTo(updated);
        assertThat(traceCount(v)).isEqualTo(before + 1);
    }
}

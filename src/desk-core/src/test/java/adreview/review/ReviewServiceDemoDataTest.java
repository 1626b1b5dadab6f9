package adreview.review;

import adreview.checks.MeasuredChecks;
import adreview.review.measured.VariantMeasurement;
import adreview.review.prompt.Prompt;
import adreview.review.prompt.PromptLibrary;
import adreview.review.result.Results;
import adreview.review.result.Stage2Result;
import adreview.review.structured.TokenVocabulary;
import adreview.store.AdCopyResolver;
import adreview.store.AssetResolver;
import adreview.store.OverlayLayoutRepository;
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
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Stage runs on the desk's demo variants (its planted faults), SPEC §2–§5. */
class ReviewServiceDemoDataTest {

    static ReviewTestDatabase db;
    static ReviewService service;
    static TraceRepository traces;
    static Path assets;

    @BeforeAll
    static void start() {
        db = ReviewTestDatabase.start();
        assets = db.dir().resolve("assets");
        DemoData.seedIfFirstStart(db.database(), assets);
        traces = new TraceRepository(db.database());
        service = new ReviewService(db.database(), new VariantRepository(db.database()), traces,
                new AdCopyResolver(db.database()), new RenderResolver(db.database()), new AssetResolver(assets),
                new PromptLibrary(), model(),
                new VariantMeasurement(new VariantRepository(db.database()), new RenderResolver(db.database()),
                        new OverlayLayoutRepository(db.database()), new AssetResolver(assets), new MeasuredChecks()));
    }

    static RandomLogitsModel model() {
        Path shared = adreview.llava.Fixtures.fixtures();
        return new RandomLogitsModel(TokenVocabulary.load(shared.resolve("llava-tiny")), 11);
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
    void aMissingImageIsRefusedAndACorruptOneFailsWithItsErrorStored() {
        // Missing under the asset root: this machine's problem, the variant is not touched.
        UUID missing = DemoVariants.MISSING_IMAGE;
        String state = db.state(missing);
        int tracesOfMissing = traceCount(missing);
        assertThatThrownBy(() -> service.run(RunRequest.pipeline(Prompt.Stage.STAGE1, missing), null, null))
                .isInstanceOf(StageRefusedException.class).hasMessageContaining("aqua-bottle-missing.png");
        assertThat(db.state(missing)).isEqualTo(state);
        assertThat(traceCount(missing)).isEqualTo(tracesOfMissing);

        // Bytes that do not decode: the run's problem, failed with the error stored.
        UUID corrupt = DemoVariants.CORRUPT_IMAGE;
        int before = traceCount(corrupt);
        RunOutcome o = service.run(RunRequest.pipeline(Prompt.Stage.STAGE1, corrupt), null, null);
        assertThat(o).isInstanceOf(RunOutcome.Failed.class);
        assertThat(db.state(corrupt)).isEqualTo("failed/vlm_analyze");
        assertThat(traceCount(corrupt)).isEqualTo(before + 1);
        assertThat(traces.forVariant(corrupt).get(0).response().get("error").asText()).isNotBlank();
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

    @Test
    void stage2StoresTheMeasuredChecksAndWhereTheModelContradictsThem() {
        UUID v = DemoVariants.LOW_CONTRAST;
        RunOutcome o = service.run(RunRequest.pipeline(Prompt.Stage.STAGE2, v), null, null);
        assertThat(o).isInstanceOf(RunOutcome.Done.class);
        JsonNode response = traces.forVariant(v).get(0).response();

        JsonNode measured = response.get("measured");
        assertThat(measured.get("contrastAa").asText()).isEqualTo("FAIL");
        assertThat(measured.get("contrast").get(0).get("textColour").asText()).isEqualTo("#9A9A9A");
        assertThat(measured.get("contrast").get(0).get("aa").asText()).isEqualTo("FAIL");
        assertThat(measured.has("cta")).isTrue();
        assertThat(measured.has("occlusion")).isTrue();

        // Whatever the (random) model answered: a contrast_ok=true answer is a stored disagreement.
        Stage2Result answer = Results.stage2(response);
        JsonNode disagreements = response.get("disagreements");
        assertThat(disagreements.isArray()).isTrue();
        List<String> fields = disagreements.findValuesAsText("field");
        if (answer.contrastOk()) {
            assertThat(fields).contains("contrast_ok");
            JsonNode d = disagreements.get(fields.indexOf("contrast_ok"));
            assertThat(d.get("model").asBoolean()).isTrue();
            assertThat(d.get("measured").asBoolean()).isFalse();
            assertThat(d.get("detail").asText()).contains("WCAG AA needs");
        } else {
            assertThat(fields).doesNotContain("contrast_ok");
        }
    }

    @Test
    void stage1StoresTheGeneratedImagesQualityOnly() {
        UUID v = DemoVariants.COFFEE_GOOD;
        RunOutcome o = service.run(RunRequest.rejudge(Prompt.Stage.STAGE1, v, "qa", "measure"), null, null);
        assertThat(o).isInstanceOf(RunOutcome.Done.class);
        JsonNode response = traces.forVariant(v).get(0).response();
        JsonNode measured = response.get("measured");
        assertThat(measured.get("quality").isObject()).isTrue();
        assertThat(measured.has("contrast")).isFalse();
        assertThat(response.has("disagreements")).isFalse();
    }

    @Test
    void anUndecodableImageStillStoresWhatTheMeasurementFound() {
        UUID v = DemoVariants.CORRUPT_IMAGE;
        RunOutcome o = service.run(RunRequest.rejudge(Prompt.Stage.STAGE1, v, "qa", "measure"), null, null);
        assertThat(o).isInstanceOf(RunOutcome.Failed.class);
        JsonNode measured = traces.forVariant(v).get(0).response().get("measured");
        assertThat(measured.get("quality").isNull()).isTrue();
        assertThat(measured.get("notes").get(0).asText()).startsWith("generated image: ");
    }

    @Test
    void aMeasurementThatFailsIsRecordedAndTheRunGoesOn() {
        // A measurement reading variants from a database that is not the run's: it cannot find the variant.
        ReviewTestDatabase other = ReviewTestDatabase.start();
        try {
            ReviewService broken = new ReviewService(db.database(), new VariantRepository(db.database()), traces,
                    new AdCopyResolver(db.database()), new RenderResolver(db.database()), new AssetResolver(assets),
                    new PromptLibrary(), model(),
                    new VariantMeasurement(new VariantRepository(other.database()), new RenderResolver(other.database()),
                            new OverlayLayoutRepository(other.database()), new AssetResolver(assets), new MeasuredChecks()));
            UUID v = DemoVariants.COFFEE_GOOD;
            RunOutcome o = broken.run(RunRequest.rejudge(Prompt.Stage.STAGE1, v, "qa", "measure"), null, null);
            assertThat(o).isInstanceOf(RunOutcome.Done.class);
            JsonNode measured = traces.forVariant(v).get(0).response().get("measured");
            assertThat(measured.get("error").asText()).startsWith("measured checks failed: ").contains(v.toString());
        } finally {
            other.close();
        }
    }
}

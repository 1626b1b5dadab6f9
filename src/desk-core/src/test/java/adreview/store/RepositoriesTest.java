package adreview.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import adreview.store.demo.DemoData;
import adreview.store.demo.DemoVariants;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Variant, trace, job and overlay repositories on the demo rows in a real PostgreSQL. */
class RepositoriesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestDatabase db;
    private static VariantRepository variants;
    private static TraceRepository traces;
    private static JobRepository jobs;
    private static OverlayLayoutRepository overlays;

    @BeforeAll
    static void start() {
        db = TestDatabase.start();
        assertThat(DemoData.seedRowsIfFirstStart(db.database())).isTrue();
        variants = new VariantRepository(db.database());
        traces = new TraceRepository(db.database());
        jobs = new JobRepository(db.database());
        overlays = new OverlayLayoutRepository(db.database());
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Test
    void listShowsEveryVariantNewestFirst() {
        List<VariantRow> rows = variants.list(VariantFilter.ALL);
        assertThat(rows).extracting(VariantRow::variantId).containsExactlyInAnyOrderElementsOf(DemoVariants.ALL);
        for (int i = 1; i < rows.size(); i++) {
            assertThat(rows.get(i - 1).updatedAt()).isAfterOrEqualTo(rows.get(i).updatedAt());
        }
    }

    @Test
    void aRowCarriesTenantImageRenderAndLatestStageResults() {
        VariantRow row = variants.findRow(DemoVariants.SHOE_GOOD).orElseThrow();
        assertThat(row.tenantId()).isEqualTo("stride-athletics");
        assertThat(row.jobId()).isEqualTo(DemoVariants.JOB_STRIDE);
        assertThat(row.currentStep()).isEqualTo("vlm_judge");
        assertThat(row.status()).isEqualTo("done");
        assertThat(row.imageUrl()).isEqualTo("/assets/demo/stride-shoe-good.png");
        assertThat(row.renderUrl()).isEqualTo("/assets/demo/stride-shoe-good-render.png");
        // The variant's own analyze trace (0.91) is newer than the job-level legacy one (0.84).
        assertThat(row.stage1Score()).isEqualTo(0.91);
        assertThat(row.stage1Valid()).isTrue();
        assertThat(row.stage2Verdict()).isEqualTo("pass");

        // Its only Stage 2 trace is a reviewer's re-judge: not a pipeline result, but marked.
        VariantRow missingCta = variants.findRow(DemoVariants.MISSING_CTA).orElseThrow();
        assertThat(missingCta.stage2Verdict()).isNull();
        assertThat(missingCta.rejudged()).isTrue();
        assertThat(row.rejudged()).isFalse();
        assertThat(missingCta.renderUrl()).isEqualTo("/assets/demo/brew-cup-missing-cta-render.png");

        VariantRow corrupt = variants.findRow(DemoVariants.CORRUPT_IMAGE).orElseThrow();
        assertThat(corrupt.stage1Score()).isNull();
        assertThat(corrupt.stage1At()).isNotNull();

        VariantRow generating = variants.findRow(DemoVariants.SHOE_GENERATING).orElseThrow();
        assertThat(generating.imageUrl()).isNull();
        assertThat(generating.renderUrl()).isNull();
        assertThat(generating.stage1Score()).isNull();
        assertThat(generating.stage2Verdict()).isNull();
    }

    @Test
    void filtersByStatusStepJobAndText() {
        assertThat(variants.list(VariantFilter.ALL.withStatus("failed")))
                .extracting(VariantRow::variantId)
                .containsExactlyInAnyOrder(DemoVariants.CORRUPT_IMAGE, DemoVariants.PHONE_OVERLAY_FAILED);
        assertThat(variants.list(VariantFilter.ALL.withStep("overlay").withStatus("done")))
                .extracting(VariantRow::variantId)
                .containsExactlyInAnyOrder(DemoVariants.LOW_CONTRAST, DemoVariants.TEXT_OVER_PRODUCT,
                        DemoVariants.MISSING_CTA, DemoVariants.KOREAN_RENDER, DemoVariants.PHONE_READY_FOR_JUDGE);
        assertThat(variants.list(VariantFilter.ALL.withJob(DemoVariants.JOB_AQUA)))
                .hasSize(4).allSatisfy(r -> assertThat(r.tenantId()).isEqualTo("aqua-pure"));
        // The tenant's current job and its earlier one (four reviewed variants).
        assertThat(variants.list(VariantFilter.ALL.withText("NOVA-mob")))
                .hasSize(8).allSatisfy(r -> assertThat(r.jobId()).isIn(DemoVariants.JOB_NOVA, DemoVariants.EARLIER_JOBS.get(3)));
        // Free text reaches the ad copy: the Korean copy finds the Hangang job's variants.
        assertThat(variants.list(VariantFilter.ALL.withText("러닝화")))
                .extracting(VariantRow::variantId)
                .containsExactlyInAnyOrder(DemoVariants.KOREAN_COPY, DemoVariants.KOREAN_RENDER);
        assertThat(variants.list(VariantFilter.ALL.withText(DemoVariants.MISSING_IMAGE.toString().substring(0, 8))))
                .extracting(VariantRow::variantId).contains(DemoVariants.MISSING_IMAGE);
        // LIKE wildcards are taken literally.
        assertThat(variants.list(VariantFilter.ALL.withText("%ff"))).isEmpty();
        assertThat(variants.list(VariantFilter.ALL.withStatus("done").withText("   ")))
                .hasSize(9 + DemoVariants.REVIEWED.size());
    }

    @Test
    void findReturnsTheVariantWithItsImageUrls() {
        Variant v = variants.find(DemoVariants.PHONE_GOOD).orElseThrow();
        assertThat(v.jobId()).isEqualTo(DemoVariants.JOB_NOVA);
        assertThat(v.imageUrl()).isEqualTo("/assets/demo/nova-phone-good.png");
        assertThat(v.overlaidImageUrl()).isEqualTo("/assets/demo/nova-phone-good-render.png");
        assertThat(v.knownStatus()).contains(VariantStatus.DONE);
        assertThat(v.knownStep()).contains(PipelineStep.VLM_JUDGE);
        assertThat(variants.find(UUID.randomUUID())).isEmpty();
    }

    @Test
    void statusUpdateAndTraceCommitTogetherOrNotAtAll() {
        UUID id = DemoVariants.BOTTLE_OVERLAY_QUEUED;
        int before = traces.forVariant(id).size();
        NewTrace trace = new NewTrace(DemoVariants.JOB_AQUA, id, "llava", "judge",
                JSON.createObjectNode().put("render_asset_url", "/assets/demo/x.png"),
                JSON.createObjectNode().put("error", "model failed"), 12);

        assertThatThrownBy(() -> db.database().runInTransaction(c -> {
            variants.updateStepAndStatus(c, id, PipelineStep.VLM_JUDGE, VariantStatus.RUNNING);
            traces.insert(c, trace);
            throw new IllegalStateException("crash before commit");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(variants.find(id).orElseThrow().currentStep()).isEqualTo("overlay");
        assertThat(traces.forVariant(id)).hasSize(before);

        Trace stored = db.database().inTransaction(c -> {
            variants.updateStepAndStatus(c, id, PipelineStep.VLM_JUDGE, VariantStatus.FAILED);
            return traces.insert(c, trace);
        });
        Variant after = variants.find(id).orElseThrow();
        assertThat(after.currentStep()).isEqualTo("vlm_judge");
        assertThat(after.status()).isEqualTo("failed");
        assertThat(stored.traceId()).isNotNull();
        assertThat(stored.createdAt()).isNotNull();
        assertThat(stored.failed()).isTrue();
        assertThat(traces.find(stored.traceId())).contains(stored);
        assertThat(traces.forVariant(id)).hasSize(before + 1);

        db.database().runInTransaction(c -> variants.updateStatus(c, id, VariantStatus.QUEUED));
        assertThat(variants.find(id).orElseThrow().status()).isEqualTo("queued");
        variants.updateStepAndStatus(id, PipelineStep.OVERLAY, VariantStatus.QUEUED);
        assertThat(variants.find(id).orElseThrow().currentStep()).isEqualTo("overlay");
    }

    @Test
    void updatingAMissingVariantNamesIt() {
        UUID ghost = UUID.fromString("00000000-0000-0000-0000-0000000000aa");
        assertThatThrownBy(() -> variants.updateStepAndStatus(ghost, PipelineStep.VLM_ANALYZE, VariantStatus.RUNNING))
                .isInstanceOf(StoreException.class).hasMessageContaining(ghost.toString());
    }

    @Test
    void findForUpdateReadsInsideTheCallersTransaction() {
        Variant locked = db.database().inTransaction(c -> variants.findForUpdate(c, DemoVariants.KOREAN_COPY))
                .orElseThrow();
        assertThat(locked.jobId()).isEqualTo(DemoVariants.JOB_HANGANG);
    }

    @Test
    void traceHistoryByVariantByJobAndWithJobLevelRows() {
        List<Trace> own = traces.forVariant(DemoVariants.SHOE_GOOD);
        assertThat(own).extracting(Trace::operationType).containsExactly("judge", "analyze");
        assertThat(own).allSatisfy(t -> assertThat(t.variantId()).isEqualTo(DemoVariants.SHOE_GOOD));

        List<Trace> history = traces.history(DemoVariants.SHOE_GOOD, DemoVariants.JOB_STRIDE);
        assertThat(history).hasSize(3);
        assertThat(history.get(2).variantId()).isNull(); // the legacy job-level trace, oldest
        assertThat(history.get(2).request().path("asset_url").asText())
                .isEqualTo("/assets/demo/stride-shoe-good.png");

        List<Trace> job = traces.forJob(DemoVariants.JOB_STRIDE);
        assertThat(job).hasSize(5);
        for (int i = 1; i < job.size(); i++) {
            assertThat(job.get(i - 1).createdAt()).isAfterOrEqualTo(job.get(i).createdAt());
        }

        Trace failed = traces.forVariant(DemoVariants.CORRUPT_IMAGE).get(0);
        assertThat(failed.failed()).isTrue();
        assertThat(failed.response().path("error").asText()).contains("aqua-bottle-corrupt.png");
        assertThat(failed.latencyMs()).isEqualTo(14);
    }

    @Test
    void insertedTraceKeepsRequestAndResponseJson() {
        ObjectNode request = JSON.createObjectNode().put("asset_url", "/assets/demo/hangang-shoe.png")
                .put("ad_copy_text", DemoVariants.KOREAN_AD_COPY).put("rejudge", true);
        ObjectNode response = JSON.createObjectNode().put("is_valid", true).put("relevance_score", 0.77);
        Trace t = traces.insert(new NewTrace(DemoVariants.JOB_HANGANG, DemoVariants.KOREAN_COPY, "llava", "analyze",
                request, response, 4321));
        Trace read = traces.find(t.traceId()).orElseThrow();
        assertThat(read.request()).isEqualTo(request);
        assertThat(read.response()).isEqualTo(response);
        assertThat(read.latencyMs()).isEqualTo(4321);
        assertThat(read.failed()).isFalse();
        // A re-judge is not the pipeline's result: the list keeps the pipeline's score and marks the re-judge.
        VariantRow row = variants.findRow(DemoVariants.KOREAN_COPY).orElseThrow();
        assertThat(row.stage1Score()).isNull();
        assertThat(row.rejudged()).isTrue();
    }

    @Test
    void jobsCarryTheirBrief() {
        Job hangang = jobs.find(DemoVariants.JOB_HANGANG).orElseThrow();
        assertThat(hangang.tenantId()).isEqualTo("hangang-run");
        assertThat(hangang.descKor()).contains("러닝화");
        assertThat(hangang.descEng()).contains("30%");
        assertThat(jobs.list()).extracting(Job::jobId).containsExactlyInAnyOrderElementsOf(DemoVariants.JOBS);
        assertThat(jobs.find(UUID.randomUUID())).isEmpty();
    }

    @Test
    void overlayLayoutOfAVariant() {
        OverlayLayout layout = overlays.forVariant(DemoVariants.LOW_CONTRAST).orElseThrow();
        assertThat(layout.renderUrl()).isEqualTo("/assets/demo/stride-shoe-low-contrast-render.png");
        assertThat(layout.layout().path("text_boxes")).hasSize(3);
        assertThat(overlays.forVariant(DemoVariants.COFFEE_GOOD)).isEmpty();
    }
}

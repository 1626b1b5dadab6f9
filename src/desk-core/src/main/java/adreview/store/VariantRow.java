package adreview.store;

import java.time.Instant;
import java.util.UUID;

/**
 * One line of the variant list: the variant, its job, its image and render, and the latest
 * Stage 1 / Stage 2 results found in its traces.
 *
 * @param renderUrl      overlaid image, else the newest overlay layout's {@code render.url}; null if none
 * @param stage1Score    {@code relevance_score} of the latest analyze trace; null if none or it failed
 * @param stage1Valid    {@code is_valid} of that trace; null if none
 * @param stage1At       when the latest analyze trace was stored; null if none
 * @param stage2Verdict  summary of the latest judge trace: "pass", "fail: contrast, cta", "error"; null if none
 * @param stage2At       when the latest judge trace was stored; null if none
 * @param rejudged       a re-judge (either stage) was stored after the pipeline result shown
 *
 * <p>"Latest" means the latest pipeline result that became the variant's state: re-judges, superseded
 * runs and runs cancelled with the variant put back are left out of the Stage 1 / Stage 2 columns.
 */
public record VariantRow(UUID variantId, UUID jobId, String tenantId, String currentStep, String status,
                         Instant updatedAt, String imageUrl, String renderUrl,
                         Double stage1Score, Boolean stage1Valid, Instant stage1At,
                         String stage2Verdict, Instant stage2At, boolean rejudged) {
}

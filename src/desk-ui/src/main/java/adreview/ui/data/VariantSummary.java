package adreview.ui.data;

import java.time.Instant;
import java.util.UUID;

/**
 * One row of the variant list.
 *
 * @param stage1Score   relevance score of the latest Stage 1 pipeline result, or {@code null} if none
 * @param stage2Verdict short verdict of the latest Stage 2 pipeline result ("pass", "issues: …", "error"), or {@code null}
 * @param image         where the generated image is (for the thumbnail)
 * @param decision      the reviewer's latest decision ("Accept", "Needs fix", "Reject"), or {@code null} if none
 * @param rejudged      a re-judge was stored after the pipeline results shown (score and verdict are the pipeline's)
 */
public record VariantSummary(UUID variantId, UUID jobId, String tenantId, String step, String status,
                             Double stage1Score, String stage2Verdict, Instant updatedAt, ImageLocation image,
                             String decision, boolean rejudged) {

    /** A row not re-judged since its pipeline results. */
    public VariantSummary(UUID variantId, UUID jobId, String tenantId, String step, String status,
                          Double stage1Score, String stage2Verdict, Instant updatedAt, ImageLocation image,
                          String decision) {
        this(variantId, jobId, tenantId, step, status, stage1Score, stage2Verdict, updatedAt, image, decision, false);
    }

    /** A row without a reviewer decision. */
    public VariantSummary(UUID variantId, UUID jobId, String tenantId, String step, String status,
                          Double stage1Score, String stage2Verdict, Instant updatedAt, ImageLocation image) {
        this(variantId, jobId, tenantId, step, status, stage1Score, stage2Verdict, updatedAt, image, null);
    }

    /** Text the free-text filter searches: ids, tenant, step, status, verdict. */
    public String searchableText() {
        return String.join(" ", variantId.toString(), jobId.toString(), nullToEmpty(tenantId), nullToEmpty(step),
                nullToEmpty(status), nullToEmpty(stage2Verdict), nullToEmpty(decision));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}

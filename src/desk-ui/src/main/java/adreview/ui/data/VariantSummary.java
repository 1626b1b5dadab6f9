package adreview.ui.data;

import java.time.Instant;
import java.util.UUID;

/**
 * One row of the variant list.
 *
 * @param stage1Score   relevance score of the latest Stage 1 trace, or {@code null} if none
 * @param stage2Verdict short verdict of the latest Stage 2 trace ("pass", "issues: …", "error"), or {@code null}
 * @param image         where the generated image is (for the thumbnail)
 * @param decision      the reviewer's current decision (newest not retracted: "Accept", "Needs fix", "Reject"), or {@code null} if none
 */
public record VariantSummary(UUID variantId, UUID jobId, String tenantId, String step, String status,
                             Double stage1Score, String stage2Verdict, Instant updatedAt, ImageLocation image,
                             String decision) {

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

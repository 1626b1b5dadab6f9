package adreview.review.report;

import java.time.Instant;
import java.util.UUID;

/**
 * A variant where the model's verdict and the reviewer's decision disagree: what the report lists so
 * that a reviewer can open it.
 *
 * @param modelVerdict    valid / invalid (Stage 1) or pass / fail (Stage 2)
 * @param reviewerVerdict accept, fix or reject
 * @param comment         the decision's comment, null when none
 */
public record DisagreeingVariant(UUID variantId, UUID jobId, String tenant, String modelVerdict, String reviewerVerdict,
                                 String reviewer, String comment, String promptVersion, String model, UUID traceId,
                                 Instant judgedAt, Instant decidedAt) {
}

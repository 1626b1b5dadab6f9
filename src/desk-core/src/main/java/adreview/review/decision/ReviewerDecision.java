package adreview.review.decision;

import java.time.Instant;
import java.util.UUID;

/**
 * One stored reviewer decision ({@code reviewer_decisions}).
 *
 * @param traceId the model trace the reviewer was looking at, null when none
 * @param comment null when the reviewer gave none
 */
public record ReviewerDecision(UUID decisionId, UUID variantId, Verdict verdict, String comment,
                               String reviewer, UUID traceId, Instant createdAt) {
}

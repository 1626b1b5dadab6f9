package adreview.review.decision;

import java.time.Instant;
import java.util.UUID;

/**
 * One stored row of {@code reviewer_decisions}: a decision, or a retraction of one.
 *
 * @param traceId     the model trace the reviewer was looking at, null when none
 * @param comment     null when the reviewer gave none
 * @param retracts    on a retraction ({@link Verdict#RETRACT}) the decision it takes back, else null
 * @param retractedBy on a decision that was taken back, the retraction's id, else null
 */
public record ReviewerDecision(UUID decisionId, UUID variantId, Verdict verdict, String comment,
                               String reviewer, UUID traceId, Instant createdAt, UUID retracts, UUID retractedBy) {

    /** A decision that is neither a retraction nor retracted. */
    public ReviewerDecision(UUID decisionId, UUID variantId, Verdict verdict, String comment,
                            String reviewer, UUID traceId, Instant createdAt) {
        this(decisionId, variantId, verdict, comment, reviewer, traceId, createdAt, null, null);
    }

    public boolean isRetraction() {
        return verdict == Verdict.RETRACT;
    }

    /** A decision (not a retraction) that has been taken back. */
    public boolean isRetracted() {
        return retractedBy != null;
    }

    /** A decision that still counts: not a retraction and not retracted. */
    public boolean inForce() {
        return !isRetraction() && !isRetracted();
    }
}

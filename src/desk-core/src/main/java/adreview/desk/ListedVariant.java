package adreview.desk;

import adreview.review.decision.ReviewerDecision;
import adreview.store.VariantRow;

/**
 * A row of the variant list: the variant with its latest pipeline results, and the reviewer's current decision
 * (null when there is none).
 */
public record ListedVariant(VariantRow row, ReviewerDecision decision) {

    /** Text the free-text filter searches: ids, tenant, step, status, verdict, decision. */
    public String searchableText() {
        VariantRow r = row;
        return String.join(" ", r.variantId().toString(), r.jobId().toString(), orEmpty(r.tenantId()),
                orEmpty(r.currentStep()), orEmpty(r.status()), orEmpty(r.stage2Verdict()),
                decision == null ? "" : decision.verdict().dbValue());
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}

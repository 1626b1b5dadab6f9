package adreview.review.decision;

import java.util.Arrays;
import java.util.Locale;

/**
 * A row's verdict in {@code reviewer_decisions.verdict}: a reviewer's decision on a variant (accept,
 * needs fix, reject) or {@link #RETRACT}, a row that takes an earlier decision back (migration V20).
 */
public enum Verdict {
    ACCEPT("accept", "Accept"),
    FIX("fix", "Needs fix"),
    REJECT("reject", "Reject"),
    /** Not a decision: names the decision it retracts ({@link ReviewerDecision#retracts()}). */
    RETRACT("retract", "Retracted");

    private final String dbValue;
    private final String title;

    Verdict(String dbValue, String title) {
        this.dbValue = dbValue;
        this.title = title;
    }

    public String dbValue() {
        return dbValue;
    }

    /** What the UI shows. */
    public String title() {
        return title;
    }

    /** True for accept, fix and reject: what a reviewer can decide (a retraction is recorded apart). */
    public boolean isDecision() {
        return this != RETRACT;
    }

    /**
     * Parses a reviewer's decision, {@code accept}, {@code fix}, {@code reject} (any case). A retraction
     * is not something to decide: it goes through {@link adreview.store.ReviewerDecisionRepository#retract}.
     */
    public static Verdict parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(v -> v.isDecision() && v.dbValue.equals(t)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown verdict '" + text + "': use accept, fix or reject"));
    }

    /** The stored value, retractions included. */
    public static Verdict fromDb(String value) {
        return Arrays.stream(values()).filter(v -> v.dbValue.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown verdict '" + value + "'"));
    }

    @Override
    public String toString() {
        return dbValue;
    }
}

package adreview.review.decision;

import java.util.Arrays;
import java.util.Locale;

/** A reviewer's verdict on a variant, as stored in {@code reviewer_decisions.verdict}. */
public enum Verdict {
    ACCEPT("accept", "Accept"),
    FIX("fix", "Needs fix"),
    REJECT("reject", "Reject");

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

    /** Parses {@code accept}, {@code fix}, {@code reject} (any case). */
    public static Verdict parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(v -> v.dbValue.equals(t)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown verdict '" + text + "': use accept, fix or reject"));
    }

    @Override
    public String toString() {
        return dbValue;
    }
}

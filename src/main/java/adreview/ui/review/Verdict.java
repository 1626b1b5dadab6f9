package adreview.ui.review;

/** A reviewer's decision on a variant; {@link #code()} is what the decisions table and the CLI use. */
public enum Verdict {
    ACCEPT("accept", "Accept"),
    NEEDS_FIX("fix", "Needs fix"),
    REJECT("reject", "Reject");

    private final String code;
    private final String label;

    Verdict(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static Verdict ofCode(String code) {
        for (Verdict v : values()) {
            if (v.code.equalsIgnoreCase(code)) {
                return v;
            }
        }
        throw new IllegalArgumentException("Unknown verdict '" + code + "': use accept, fix or reject");
    }
}

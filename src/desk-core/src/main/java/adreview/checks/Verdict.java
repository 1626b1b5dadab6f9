package adreview.checks;

/** Outcome of one measured check. */
public enum Verdict {
    PASS,
    FAIL,
    /** The pixels do not support a judgement, e.g. a busy background where no two colours dominate. */
    UNDETERMINED
}

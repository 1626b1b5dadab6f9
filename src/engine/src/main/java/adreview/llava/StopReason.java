package adreview.llava;

/** Why generation stopped. */
public enum StopReason {
    EOS,
    MAX_NEW_TOKENS,
    CANCELLED,
    CONSTRAINT_COMPLETE
}

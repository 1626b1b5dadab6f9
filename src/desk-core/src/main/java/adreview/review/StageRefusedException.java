package adreview.review;

/**
 * A run that may not start (SPEC §3 precondition, unknown variant, no render to judge). Nothing was
 * changed; the message says why and what to do.
 */
public class StageRefusedException extends RuntimeException {
    public StageRefusedException(String message) {
        super(message);
    }
}

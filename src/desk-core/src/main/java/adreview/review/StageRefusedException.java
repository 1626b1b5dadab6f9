package adreview.review;

/**
 * A run that may not start: the variant's state is not one the stage starts from ({@link RunEligibility}),
 * the variant is unknown, or a problem of this machine stands in the way (no image file under the asset
 * root, a render not available offline, no usable model). Nothing was changed; the message says why and
 * what to do.
 */
public class StageRefusedException extends RuntimeException {
    public StageRefusedException(String message) {
        super(message);
    }
}

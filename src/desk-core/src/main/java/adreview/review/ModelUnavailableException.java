package adreview.review;

/**
 * No usable model (none configured, folder incomplete, engine missing, the model did not load): the
 * message says what to do. A problem of this machine, not of the variant, so the run is refused and
 * nothing was changed.
 */
public class ModelUnavailableException extends StageRefusedException {
    public ModelUnavailableException(String message) {
        super(message);
    }
}

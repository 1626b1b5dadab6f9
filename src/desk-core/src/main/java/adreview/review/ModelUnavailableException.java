package adreview.review;

/** No usable model (none configured, folder incomplete, engine missing): the message says what to do. Nothing was changed. */
public class ModelUnavailableException extends RuntimeException {
    public ModelUnavailableException(String message) {
        super(message);
    }
}

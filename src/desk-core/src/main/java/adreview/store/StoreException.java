package adreview.store;

/** A database operation failed; the message says which operation and on what (variant id, table). */
public class StoreException extends RuntimeException {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}

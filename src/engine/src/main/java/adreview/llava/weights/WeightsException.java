package adreview.llava.weights;

/** A weights file is unreadable, incomplete or inconsistent; the message names the file and the tensor. */
public class WeightsException extends RuntimeException {
    public WeightsException(String message) {
        super(message);
    }

    public WeightsException(String message, Throwable cause) {
        super(message, cause);
    }
}

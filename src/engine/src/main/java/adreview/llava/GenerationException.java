package adreview.llava;

/** A generation failed; the message is one line fit for a UI. */
public class GenerationException extends Exception {
    public GenerationException(String message) {
        super(message);
    }

    public GenerationException(String message, Throwable cause) {
        super(message, cause);
    }
}

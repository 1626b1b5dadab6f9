package adreview.llava;

/** The model could not be loaded; the message is one line naming what (folder, file, tensor, device) and what to do. */
public class ModelLoadException extends Exception {
    public ModelLoadException(String message) {
        super(message);
    }

    public ModelLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}

package adreview.review;

/**
 * Progress of one run, for the UI's progress line and streaming answer. Called on the run's
 * thread; implementations hand over to the UI thread themselves.
 */
public interface RunListener {

    RunListener NONE = new RunListener() { };

    /** A phase: "loading the model" (with {@code fraction} 0–1, or -1 when unknown), "preparing the image", "reading the prompt". */
    default void phase(String phase, double fraction) {
    }

    /** Token {@code n} of at most {@code max} was written; {@code textSoFar} is the whole answer so far. */
    default void token(int n, int max, String textSoFar) {
    }
}

package adreview.review;

/**
 * Progress of one run, for the UI's progress line and streaming answer and the CLI's progress on stderr. Called
 * on the run's thread; implementations hand over to the UI thread themselves.
 */
public interface RunListener {

    RunListener NONE = new RunListener() { };

    /**
     * A step before the answer.
     *
     * @param fraction 0–1 where the step can measure itself (model loading), else -1
     * @param detail   what exactly is happening (e.g. the layer being loaded), or null
     */
    default void phase(RunPhase phase, double fraction, String detail) {
    }

    /** Token {@code n} of at most {@code max} was written; {@code textSoFar} is the whole answer so far. */
    default void token(int n, int max, String textSoFar) {
    }
}

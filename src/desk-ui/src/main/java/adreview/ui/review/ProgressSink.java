package adreview.ui.review;

/**
 * Where a {@link StageRunner} reports how far a run is. Called on the worker thread, as often as the
 * engine likes: the queue coalesces the calls into at most one UI update per pulse.
 */
public interface ProgressSink {

    /** The shared model is being loaded (first run only); {@code fraction} in [0, 1], or negative when unknown. */
    void loadingModel(double fraction, String detail);

    /** The image is being read and turned into pixel values. */
    void preparingImage();

    /** The prompt (and image features) are being read by the model: the prefill. */
    void readingPrompt();

    /**
     * One more token was written.
     *
     * @param count     tokens written so far, counting this one (1-based)
     * @param maxTokens the most this run will write (512 for both stages)
     * @param piece     the text this token added (may be empty for a partial UTF-8 sequence)
     */
    void token(int count, int maxTokens, String piece);

    /** A sink that ignores everything (for runners called outside the UI). */
    ProgressSink NONE = new ProgressSink() {
        @Override public void loadingModel(double fraction, String detail) { }
        @Override public void preparingImage() { }
        @Override public void readingPrompt() { }
        @Override public void token(int count, int maxTokens, String piece) { }
    };
}

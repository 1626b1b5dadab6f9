package adreview.review;

/**
 * The steps of a run before the model writes its answer, in the order they happen. Listeners get these as values
 * (never as text to be recognised), and the UI and CLI word them in the reviewer's language.
 */
public enum RunPhase {
    /** The shared model is being loaded (first run only); comes with a fraction and a detail such as a layer. */
    LOADING_MODEL,
    /** The measured checks look at the image (no model). */
    MEASURING,
    /** The image is read, checked and turned into the model's input. */
    PREPARING_IMAGE,
    /** A server backend is being asked (its model list, the connection); the detail names the host. */
    ASKING_SERVER,
    /** The model reads the prompt and image features (the prefill); the first token follows. */
    READING_PROMPT
}

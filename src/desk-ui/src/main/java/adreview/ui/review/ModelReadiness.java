package adreview.ui.review;

/**
 * Whether runs can start: a configured, complete model folder, or a configured server. When not ready,
 * {@code problem} says what is missing and {@code remedy} how to get it; the run buttons show both.
 * {@code modelFolder} is false for a server backend: then no download or Models window is offered.
 */
public record ModelReadiness(boolean ready, String modelName, String problem, String remedy, boolean modelFolder) {

    public static final String DOWNLOAD_COMMAND = "ad-review-desk models download llava-hf/llava-1.5-7b-hf";

    public ModelReadiness(boolean ready, String modelName, String problem, String remedy) {
        this(ready, modelName, problem, remedy, true);
    }

    /** A server backend that cannot run (no server URL): what to configure; no model folder is involved. */
    public static ModelReadiness serverMissing(String problem) {
        return new ModelReadiness(false, "", problem, "Settings shows the configuration and where each value comes from.",
                false);
    }

    public static ModelReadiness ready(String modelName) {
        return new ModelReadiness(true, modelName, "", "");
    }

    public static ModelReadiness missing(String problem, String remedy) {
        return new ModelReadiness(false, "", problem, remedy);
    }

    /** The text for a disabled run button's tooltip and the inline note. */
    public String explanation() {
        return ready ? "Model: " + modelName : problem + "\n" + remedy;
    }
}

package adreview.ui.review;

/**
 * Whether runs can start: a configured, complete model folder. When not ready, {@code problem} says what is
 * missing and {@code remedy} how to get it; the run buttons show both.
 */
public record ModelReadiness(boolean ready, String modelName, String problem, String remedy) {

    public static final String DOWNLOAD_COMMAND = "ad-review-desk models download llava-hf/llava-1.5-7b-hf";

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

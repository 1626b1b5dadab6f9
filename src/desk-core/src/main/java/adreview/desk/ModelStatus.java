package adreview.desk;

/**
 * Whether runs can start: a complete model folder (or a reachable inference server). When not, {@code problem}
 * says what is missing and {@code remedy} how to get it, both one sentence.
 *
 * @param modelName the folder's (or server model's) name, "" when not ready
 */
public record ModelStatus(boolean ready, String modelName, String problem, String remedy) {

    /** The command that fetches the default model, for the remedy's copy button. */
    public static final String DOWNLOAD_COMMAND = "ad-review-desk models download llava-hf/llava-1.5-7b-hf";

    public static ModelStatus ready(String modelName) {
        return new ModelStatus(true, modelName, "", "");
    }

    public static ModelStatus missing(String problem, String remedy) {
        return new ModelStatus(false, "", problem, remedy == null ? "" : remedy);
    }
}

package adreview.desk;

/**
 * Whether runs can start: a complete model folder, or a configured inference server. When not, {@code problem}
 * says what is missing and {@code remedy} how to get it, both one sentence.
 *
 * @param modelName   the folder's (or server model's) name, "" when not ready
 * @param answeredBy  who answers runs, e.g. "llava-1.5-7b-hf on cpu, int8" or "OpenAI-compatible server at gpu:8000";
 *                    "" when not known
 * @param modelFolder true for the local engine (a folder to download or pick in Models); false for a server backend,
 *                    where no download or Models window applies
 * @param parallelRuns runs that may go at once: 1 for the local model (one generation at a time), the configured
 *                    concurrency for a server
 */
public record ModelStatus(boolean ready, String modelName, String problem, String remedy, String answeredBy,
                          boolean modelFolder, int parallelRuns) {

    /** The command that fetches the default model, for the remedy's copy button. */
    public static final String DOWNLOAD_COMMAND = "ad-review-desk models download llava-hf/llava-1.5-7b-hf";

    public ModelStatus {
        parallelRuns = Math.max(1, parallelRuns);
        answeredBy = answeredBy == null ? "" : answeredBy;
    }

    public static ModelStatus ready(String modelName) {
        return new ModelStatus(true, modelName, "", "", "", true, 1);
    }

    public static ModelStatus missing(String problem, String remedy) {
        return new ModelStatus(false, "", problem, remedy == null ? "" : remedy, "", true, 1);
    }

    /** The same status with who answers and how many runs go at once. */
    public ModelStatus answeredBy(String who, boolean localFolder, int parallel) {
        return new ModelStatus(ready, modelName, problem, remedy, who, localFolder, parallel);
    }
}

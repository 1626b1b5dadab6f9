package adreview.review.report;

/**
 * One side of a comparison: the traces of a prompt version and/or a model folder. A null field does
 * not restrict: {@code (stage1-v2, null)} is "prompt v2 with any model".
 *
 * @param promptVersion {@code request.prompt_version}, e.g. {@code stage1-v2}
 * @param modelFolder   the model folder's name as traces record it ({@code request.model.folder})
 */
public record RunSide(String promptVersion, String modelFolder) {

    public RunSide {
        promptVersion = promptVersion == null || promptVersion.isBlank() ? null : promptVersion.strip();
        modelFolder = modelFolder == null || modelFolder.isBlank() ? null : modelFolder.strip();
        if (promptVersion == null && modelFolder == null) {
            throw new IllegalArgumentException("A side of a comparison names a prompt version, a model, or both");
        }
    }

    /** "stage1-v2", "llava-1.5-7b-hf", "stage1-v2 on llava-1.5-7b-hf". */
    public String label() {
        if (modelFolder == null) {
            return promptVersion;
        }
        return promptVersion == null ? modelFolder : promptVersion + " on " + modelFolder;
    }
}

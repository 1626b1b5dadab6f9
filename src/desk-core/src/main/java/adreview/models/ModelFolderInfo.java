package adreview.models;

import java.nio.file.Path;
import java.util.List;

/** One row of the model list: what a reviewer needs to choose a folder. */
public record ModelFolderInfo(String name, Path path, String architecture, long sizeBytes, String dtype,
                              List<String> problems, boolean inUse) {

    public ModelFolderInfo {
        problems = List.copyOf(problems);
    }

    public boolean complete() {
        return problems.isEmpty();
    }

    public ModelFolderInfo withInUse(boolean value) {
        return new ModelFolderInfo(name, path, architecture, sizeBytes, dtype, problems, value);
    }
}

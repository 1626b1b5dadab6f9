package adreview.llava;

import adreview.llava.config.LlavaConfig;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link ModelFolder#validate(Path)} found: the problems (each one line naming the file or tensor), the
 * config when it could be read, and the bytes of tensor data in the weights.
 */
public record ModelFolderReport(Path folder, List<String> problems, LlavaConfig config, long weightBytes) {

    public ModelFolderReport {
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return problems.isEmpty();
    }

    /** One line for a UI: "ok" or the first problem and how many more. */
    public String summary() {
        if (ok()) {
            return "ok";
        }
        return problems.get(0) + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more problems)" : "");
    }
}

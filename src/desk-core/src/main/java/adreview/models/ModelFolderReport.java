package adreview.models;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What {@link ModelVerifier} found in one model folder: the problems (empty when complete) and the
 * tensor bytes per dtype it read from the safetensors headers.
 */
public record ModelFolderReport(Path folder, List<String> problems, Map<String, Long> bytesByDtype) {

    public ModelFolderReport {
        problems = List.copyOf(problems);
        bytesByDtype = Map.copyOf(bytesByDtype);
    }

    public boolean complete() {
        return problems.isEmpty();
    }

    /** The dominant dtype by bytes ("F16"), with the others after a plus ("F16+F32"); "?" when unknown. */
    public String dtypeSummary() {
        if (bytesByDtype.isEmpty()) {
            return "?";
        }
        return bytesByDtype.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .reduce((a, b) -> a + "+" + b)
                .orElse("?");
    }
}

package adreview.models;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What {@link ModelVerifier} found in one model folder: the problems (empty when complete), the
 * tensor bytes per dtype it read from the safetensors headers, and the files the hub listed without
 * any hash (checked by size only when they were downloaded: unverified).
 */
public record ModelFolderReport(Path folder, List<String> problems, Map<String, Long> bytesByDtype,
                                List<String> unverified) {

    public ModelFolderReport {
        problems = List.copyOf(problems);
        bytesByDtype = Map.copyOf(bytesByDtype);
        unverified = List.copyOf(unverified);
    }

    public ModelFolderReport(Path folder, List<String> problems, Map<String, Long> bytesByDtype) {
        this(folder, problems, bytesByDtype, List.of());
    }

    /** At most {@code limit} problems, for a report a person reads: the first ones usually explain the rest. */
    public List<String> firstProblems(int limit) {
        return problems.subList(0, Math.min(limit, problems.size()));
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

package adreview.app.cli;

import adreview.models.ModelFolderInfo;
import adreview.models.download.Bytes;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code models list [--json]}: the model folders with architecture, size, dtype and completeness. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List model folders and whether each is complete.")
public final class ModelsListCommand implements Callable<Integer> {

    @ParentCommand
    ModelsCommand parent;
    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print a JSON array instead of a table.")
    boolean json;

    @Option(names = "--folder", paramLabel = "DIR", description = "Also list this model folder (repeatable).")
    List<Path> added = List.of();

    @Option(names = "--in-use", paramLabel = "DIR",
            description = "Mark this folder as the one in use (default: the configured model folder).")
    Path inUse;

    @Override
    public Integer call() throws Exception {
        List<ModelFolderInfo> rows = parent.catalog().list(added, inUse != null ? inUse : parent.modelDir());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(toJson(rows));
        } else if (rows.isEmpty()) {
            out.println("No model folders in " + parent.catalog().modelsDir()
                    + "; get one with: models download llava-hf/llava-1.5-7b-hf");
        } else {
            out.printf("%-3s %-28s %-44s %10s  %-8s %s%n", "", "NAME", "ARCHITECTURE", "SIZE", "DTYPE", "STATUS");
            for (ModelFolderInfo r : rows) {
                out.printf("%-3s %-28s %-44s %10s  %-8s %s%n", r.inUse() ? "*" : "", r.name(), r.architecture(),
                        Bytes.format(r.sizeBytes()), r.dtype(), r.complete() ? "complete" : "INCOMPLETE");
                r.problems().forEach(p -> out.println("      - " + p));
            }
        }
        out.flush();
        return 0;
    }

    static String toJson(List<ModelFolderInfo> rows) throws Exception {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ArrayNode arr = mapper.createArrayNode();
        for (ModelFolderInfo r : rows) {
            ObjectNode o = arr.addObject();
            o.put("name", r.name()).put("path", r.path().toString()).put("architecture", r.architecture())
                    .put("sizeBytes", r.sizeBytes()).put("dtype", r.dtype()).put("complete", r.complete())
                    .put("inUse", r.inUse());
            ArrayNode problems = o.putArray("problems");
            r.problems().forEach(problems::add);
        }
        return mapper.writeValueAsString(arr);
    }
}

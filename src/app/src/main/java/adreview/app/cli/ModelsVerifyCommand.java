package adreview.app.cli;

import adreview.models.ModelFolderReport;
import adreview.models.ModelVerifier;
import adreview.models.download.Bytes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code models verify DIR}: exit 0 when the folder is complete, 1 with its problems listed. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Check that a model folder is complete: required files, every shard of the index, every tensor, file lengths.")
public final class ModelsVerifyCommand implements Callable<Integer> {

    /** Problems printed at most; the count says how many there are. */
    static final int SHOWN = 20;

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.ParentCommand
    ModelsCommand parent;

    @Parameters(paramLabel = "DIR", arity = "0..1",
            description = "The model folder (default: the global --model-dir, ADREVIEW_MODEL_DIR or model.dir).")
    Path folder;

    @Override
    public Integer call() {
        Path dir = ModelsCommand.absolute(folder != null ? folder : parent.modelDir());
        ModelFolderReport report = new ModelVerifier().verify(dir);
        PrintWriter out = spec.commandLine().getOut();
        if (report.complete()) {
            out.println(dir + ": complete (" + report.dtypeSummary() + ", " + Bytes.format(ModelVerifier.sizeOnDisk(dir)) + ")");
            printUnverified(out, report);
            out.flush();
            return 0;
        }
        // Bounded: a config that claims a million layers must not print a million lines. The first problems
        // usually explain the rest (a missing shard, a wrong config).
        int total = report.problems().size();
        out.println(dir + ": incomplete, " + total + " problem" + (total == 1 ? "" : "s")
                + (total > SHOWN ? "; the first " + SHOWN + ":" : ":"));
        report.firstProblems(SHOWN).forEach(p -> out.println("  - " + Terminal.safe(p)));
        if (total > SHOWN) {
            out.println("  … and " + (total - SHOWN) + " more");
        }
        printUnverified(out, report);
        out.flush();
        PrintWriter err = spec.commandLine().getErr();
        err.println(dir + " is incomplete: " + total + " problem(s), listed above.");
        err.flush();
        return 1;
    }

    /** Files the hub listed without any hash: downloaded and size-checked, but not verified. */
    private static void printUnverified(PrintWriter out, ModelFolderReport report) {
        if (report.unverified().isEmpty()) {
            return;
        }
        out.println("unverified (the hub listed no checksum; checked by size only): "
                + Terminal.safe(String.join(", ", report.unverified())));
    }
}

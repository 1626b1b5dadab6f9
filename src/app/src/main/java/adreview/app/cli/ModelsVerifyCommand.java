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

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "The model folder.")
    Path folder;

    @Override
    public Integer call() {
        Path dir = ModelsCommand.absolute(folder);
        ModelFolderReport report = new ModelVerifier().verify(dir);
        PrintWriter out = spec.commandLine().getOut();
        if (report.complete()) {
            out.println(dir + ": complete (" + report.dtypeSummary() + ", " + Bytes.format(ModelVerifier.sizeOnDisk(dir)) + ")");
            out.flush();
            return 0;
        }
        out.println(dir + ": incomplete");
        report.problems().forEach(p -> out.println("  - " + p));
        out.flush();
        PrintWriter err = spec.commandLine().getErr();
        err.println(dir + " is incomplete: " + report.problems().size() + " problem(s), listed above.");
        err.flush();
        return 1;
    }
}

package adreview.app.cli;

import adreview.models.ModelCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.nio.file.Path;

/** {@code models list|download|verify}: the model manager on the command line. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "List, verify and download LLaVA model folders.",
        subcommands = {ModelsListCommand.class, ModelsDownloadCommand.class, ModelsVerifyCommand.class})
public final class ModelsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    /** The desk's global options: {@code --model-dir} (and its config file and environment) names the models. */
    @ParentCommand
    adreview.app.Main main;

    @Option(names = "--models-dir", paramLabel = "DIR",
            description = "Folder holding the model folders (default: the global --model-dir, ADREVIEW_MODEL_DIR or"
                    + " model.dir; a model folder is listed beside its siblings, as in the desk's Models view).")
    Path modelsDir;

    ModelCatalog catalog() {
        return modelsDir != null ? new ModelCatalog(modelsDir) : ModelCatalog.around(modelDir());
    }

    /** The configured model folder: the one in use, and what {@code verify} checks by default. */
    Path modelDir() {
        return main.config().modelDir();
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: list, download or verify");
    }

    static Path absolute(Path p) {
        return p.toAbsolutePath().normalize();
    }
}

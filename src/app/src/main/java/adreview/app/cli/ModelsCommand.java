package adreview.app.cli;

import adreview.models.ModelCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Path;

/** {@code models list|download|verify}: the model manager on the command line. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "List, verify and download LLaVA model folders.",
        subcommands = {ModelsListCommand.class, ModelsDownloadCommand.class, ModelsVerifyCommand.class})
public final class ModelsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Option(names = "--models-dir", paramLabel = "DIR",
            description = "Folder holding the model folders (default: $" + ModelCatalog.MODELS_DIR_ENV + " or ./models).")
    String modelsDir;

    ModelCatalog catalog() {
        return new ModelCatalog(ModelCatalog.defaultModelsDir(modelsDir));
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: list, download or verify");
    }

    static Path absolute(Path p) {
        return p.toAbsolutePath().normalize();
    }
}

package adreview.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The one program: with no command it opens the desk's window, otherwise it runs a CLI command.
 * Subcommands are registered here, in one place.
 */
@Command(name = "ad-review-desk", mixinStandardHelpOptions = true, version = "Ad Review Desk 0.1",
        description = "Review AI-generated ads with LLaVA-1.5 running locally.",
        subcommands = {
                adreview.app.cli.GenerateCommand.class,
                adreview.app.cli.BenchCommand.class,
                adreview.app.cli.ModelsCommand.class,
        })
public final class Main implements Runnable {

    public static void main(String[] args) {
        int code = new CommandLine(new Main()).execute(args);
        if (args.length > 0) {
            System.exit(code);
        }
    }

    @Override
    public void run() {
        // No subcommand: the window. Filled in by the UI work.
        System.out.println("Ad Review Desk: window not implemented yet");
    }
}

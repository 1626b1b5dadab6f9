package adreview.app.cli;

import adreview.models.download.Bytes;
import adreview.models.download.DownloadCancellation;
import adreview.models.download.DownloadException;
import adreview.models.download.DownloadProgress;
import adreview.models.download.DownloadRequest;
import adreview.models.download.DownloadResult;
import adreview.models.download.HubClient;
import adreview.models.download.ModelDownloader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code models download REPO [--revision R] [--dir D]}: fetches a model folder from the hub with a
 * progress line on stderr. Interrupting it (Ctrl-C) keeps the partial files; running it again resumes.
 */
@Command(name = "download", mixinStandardHelpOptions = true,
        description = {"Download a model from the Hugging Face hub (resumable; set HF_TOKEN for gated repositories).",
                "Offered: llava-hf/llava-1.5-7b-hf, llava-hf/llava-1.5-13b-hf; any repository id works."})
public final class ModelsDownloadCommand implements Callable<Integer> {

    @ParentCommand
    ModelsCommand parent;
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "REPO", description = "Repository id, e.g. llava-hf/llava-1.5-7b-hf.")
    String repo;

    @Option(names = "--revision", paramLabel = "R", defaultValue = DownloadRequest.DEFAULT_REVISION,
            description = "Branch, tag or commit to pin (default: ${DEFAULT-VALUE}).")
    String revision;

    @Option(names = "--dir", paramLabel = "D", description = "The model folder to fill (default: <models dir>/<repo name>).")
    Path dir;

    @Option(names = "--hub-url", paramLabel = "URL",
            description = "Hub base URL (default: $" + HubClient.ENDPOINT_ENV + " or https://huggingface.co).")
    URI hubUrl;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        HubClient fromEnv = HubClient.fromEnvironment(null);
        HubClient hub = hubUrl == null ? fromEnv
                : new HubClient(hubUrl, System.getenv(HubClient.TOKEN_ENV));
        Path folder = dir != null ? dir : parent.catalog().folderFor(repo.strip());
        DownloadRequest request = new DownloadRequest(repo, revision, ModelsCommand.absolute(folder));
        DownloadCancellation cancel = new DownloadCancellation();
        Thread hook = new Thread(cancel::cancel, "models-download-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
        ProgressLine line = new ProgressLine(err);
        try {
            DownloadResult result = new ModelDownloader(hub).download(request, line::update, cancel);
            line.finish();
            out.println("Downloaded " + request.repoId() + "@" + request.revision() + " into " + result.folder() + ": "
                    + result.fetched().size() + " file(s), " + Bytes.format(result.bytesFetched()) + " fetched, "
                    + result.alreadyPresent().size() + " already present.");
            out.flush();
            if (!result.report().complete()) {
                result.report().problems().forEach(p -> out.println("  - " + p));
                out.flush();
                err.println(result.folder() + " is incomplete after the download: " + result.report().problems().get(0));
                err.flush();
                return 1;
            }
            return 0;
        } catch (DownloadException e) {
            line.finish();
            err.println(e.getMessage());
            err.flush();
            return e.kind() == DownloadException.Kind.CANCELLED ? 130 : 1;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running: it cancelled us.
            }
        }
    }

    /** One stderr line rewritten in place with a carriage return, at most twice a second. */
    static final class ProgressLine {
        private final PrintWriter err;
        private long last;
        private int width;

        ProgressLine(PrintWriter err) {
            this.err = err;
        }

        synchronized void update(DownloadProgress p) {
            long now = System.nanoTime();
            if (p.phase() != DownloadProgress.Phase.DONE && now - last < 500_000_000L) {
                return;
            }
            last = now;
            String text = switch (p.phase()) {
                case LISTING -> "Listing files…";
                case VERIFYING -> "Verifying " + p.currentFile() + " · " + p.summary();
                case DOWNLOADING, DONE -> String.format("%3.0f%% %s · file %d/%d %s", Math.max(0, p.fraction()) * 100,
                        p.summary(), Math.min(p.filesDone() + 1, p.filesTotal()), p.filesTotal(),
                        p.currentFile() == null ? "" : p.currentFile());
            };
            err.print("\r" + text + " ".repeat(Math.max(0, width - text.length())));
            width = text.length();
            err.flush();
        }

        synchronized void finish() {
            if (width > 0) {
                err.println();
                err.flush();
                width = 0;
            }
        }
    }
}

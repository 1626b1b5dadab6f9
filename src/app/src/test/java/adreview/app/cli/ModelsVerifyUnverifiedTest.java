package adreview.app.cli;

import adreview.app.Main;
import adreview.models.Fixtures;
import adreview.models.download.DownloadCancellation;
import adreview.models.download.DownloadListener;
import adreview.models.download.DownloadRequest;
import adreview.models.download.FakeHub;
import adreview.models.download.HubClient;
import adreview.models.download.ModelDownloader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code models verify} names the files the hub listed without a checksum (they were checked by size only). */
class ModelsVerifyUnverifiedTest {

    @Test
    void filesListedWithoutAHashAreReportedUnverified(@TempDir Path tmp) throws Exception {
        Path folder = tmp.resolve("models/llava-tiny");
        try (FakeHub hub = new FakeHub(Fixtures.tinyModel())) {
            hub.withoutHash.add("tokenizer_config.json");
            new ModelDownloader(new HubClient(hub.base(), null)).download(new DownloadRequest(FakeHub.REPO, "main", folder),
                    DownloadListener.NONE, new DownloadCancellation());
        }
        StringWriter out = new StringWriter();
        picocli.CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        assertThat(cli.execute("models", "verify", folder.toString())).isZero();
        assertThat(out.toString()).contains("complete")
                .contains("unverified (the hub listed no checksum; checked by size only): tokenizer_config.json");
    }
}

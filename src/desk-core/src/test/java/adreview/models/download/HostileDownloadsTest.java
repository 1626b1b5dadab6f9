package adreview.models.download;

import adreview.models.Fixtures;
import adreview.models.ModelFolderReport;
import adreview.models.ModelVerifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Downloads against a local hub (the JDK's HttpServer) that lies or leaks: files already in the folder with the
 * right size and the wrong content, files listed without any hash, hostile names, redirects that would carry the
 * token elsewhere. One test per rule.
 */
class HostileDownloadsTest {

    static final String SHARD1 = "model-00001-of-00002.safetensors";

    @TempDir
    Path tmp;
    FakeHub hub;
    Path folder;

    @BeforeEach
    void startHub() throws IOException {
        hub = new FakeHub(Fixtures.tinyModel());
        folder = tmp.resolve("models/llava-tiny");
    }

    @AfterEach
    void stopHub() {
        hub.close();
    }

    private DownloadResult download(HubClient client) throws DownloadException {
        return new ModelDownloader(client).download(new DownloadRequest(FakeHub.REPO, "main", folder),
                DownloadListener.NONE, new DownloadCancellation());
    }

    private DownloadResult download() throws DownloadException {
        return download(new HubClient(hub.base(), null));
    }

    /** Same size, other bytes: what a planted or damaged file looks like to a size check. */
    private void plant(String name) throws IOException {
        byte[] bytes = Files.readAllBytes(hub.source().resolve(name));
        bytes[bytes.length / 2] ^= 0x20;
        Files.createDirectories(folder);
        Files.write(folder.resolve(name), bytes);
    }

    @Test
    void aPresentLfsFileOfTheRightSizeIsTrustedOnlyAfterItsSha256() throws Exception {
        download();
        plant(SHARD1);
        hub.requests.clear();
        DownloadResult again = download();
        assertThat(again.fetched()).containsExactly(SHARD1);
        assertThat(again.alreadyPresent()).doesNotContain(SHARD1);
        assertThat(Files.mismatch(folder.resolve(SHARD1), hub.source().resolve(SHARD1))).isEqualTo(-1L);
        assertThat(again.report().complete()).isTrue();
    }

    @Test
    void aPresentGitFileOfTheRightSizeIsTrustedOnlyAfterItsBlobId() throws Exception {
        download();
        plant("config.json");
        DownloadResult again = download();
        assertThat(again.fetched()).containsExactly("config.json");
        assertThat(Files.mismatch(folder.resolve("config.json"), hub.source().resolve("config.json"))).isEqualTo(-1L);
        // A whole, untouched folder is verified file by file and nothing is fetched.
        DownloadResult third = download();
        assertThat(third.fetched()).isEmpty();
        assertThat(third.alreadyPresent()).containsExactlyInAnyOrderElementsOf(hub.fileNames());
    }

    @Test
    void aBlobIdIsGitsHashOfTheContent() throws Exception {
        Path file = Files.writeString(tmp.resolve("hello.txt"), "hello\n");
        // `git hash-object hello.txt` for "hello\n"
        assertThat(ModelDownloader.gitBlobId(file, new DownloadCancellation()))
                .isEqualTo("ce013625030ba8dba906f756967f9e9ca394464a");
    }

    @Test
    void aFileListedWithoutAnyHashIsMarkedUnverified() throws Exception {
        hub.withoutHash.add("tokenizer_config.json");
        DownloadResult result = download();
        assertThat(result.report().complete()).isTrue();
        assertThat(result.report().unverified()).containsExactly("tokenizer_config.json");
        ModelFolderReport verify = new ModelVerifier().verify(folder);
        assertThat(verify.unverified()).containsExactly("tokenizer_config.json");
        // `models verify` prints the same (app's ModelsVerifyUnverifiedTest).
    }

    @ParameterizedTest
    @ValueSource(strings = {"..\\evil.safetensors", "../evil.safetensors", "a/../../evil.safetensors",
            "/etc/evil.safetensors", "C:evil.safetensors", "c:\\evil.safetensors", "evil\u001b[2J.safetensors",
            "evil\r.json", "sub//x.json"})
    void hostileNamesAreRefusedAndNothingIsWritten(String name) {
        hub.extraNames.add(name);
        DownloadException e = catchThrowableOfType(DownloadException.class, this::download);
        assertThat(e.kind()).isEqualTo(DownloadException.Kind.UNSUITABLE_REPO);
        assertThat(e.getMessage()).contains("lists a file named").contains("nothing was downloaded")
                .doesNotContain("\u001b").doesNotContain("\r");
        assertThat(folder).doesNotExist();
        assertThat(tmp.resolve("models/evil.safetensors")).doesNotExist();
        assertThat(hub.requests).isEmpty();
    }

    @Test
    void theTokenGoesToTheHubsOwnOriginOnly() throws Exception {
        // A redirect back to the same scheme, host and port keeps the token.
        hub.redirectFilesTo = hub.base();
        download(new HubClient(hub.base(), "secret-token"));
        assertThat(hub.authorizations).isNotEmpty().allMatch(a -> a.equals("Bearer secret-token"));
    }

    @Test
    void aRedirectToAnotherHostGetsNoToken() throws Exception {
        hub.redirectFilesTo = URI.create("http://localhost:" + hub.base().getPort());
        download(new HubClient(hub.base(), "secret-token"));
        // Listing and first hops went to 127.0.0.1 with the token; the redirected hops to "localhost" had none.
        long withToken = hub.authorizations.stream().filter(a -> a.equals("Bearer secret-token")).count();
        long without = hub.authorizations.stream().filter(String::isEmpty).count();
        assertThat(withToken).isEqualTo(1 + hub.fileNames().size());
        assertThat(without).isEqualTo(hub.fileNames().size());
    }

    @Test
    void aRedirectToAnotherPortGetsNoToken() throws Exception {
        try (FakeHub other = new FakeHub(Fixtures.tinyModel())) {
            hub.redirectFilesTo = other.base();
            download(new HubClient(hub.base(), "secret-token"));
            assertThat(other.authorizations).isNotEmpty().allMatch(String::isEmpty);
            assertThat(other.requests).isNotEmpty();
        }
    }

    @Test
    void theOriginRuleComparesSchemeHostAndPort() {
        URI hubBase = URI.create("https://huggingface.co");
        assertThat(HubClient.sameOrigin(URI.create("https://huggingface.co/x/resolve/main/a"), hubBase)).isTrue();
        assertThat(HubClient.sameOrigin(URI.create("https://HuggingFace.co:443/x"), hubBase)).isTrue();
        assertThat(HubClient.sameOrigin(URI.create("http://huggingface.co/x"), hubBase)).as("downgrade").isFalse();
        assertThat(HubClient.sameOrigin(URI.create("https://huggingface.co:8443/x"), hubBase)).isFalse();
        assertThat(HubClient.sameOrigin(URI.create("https://cdn-lfs.huggingface.co/x"), hubBase)).isFalse();
        assertThat(HubClient.sameOrigin(URI.create("https://huggingface.co.evil.example/x"), hubBase)).isFalse();
    }

    @Test
    void theListingStillGetsTheTokenAndNoFileLeavesTheFolder() throws Exception {
        download(new HubClient(hub.base(), "secret-token"));
        try (Stream<Path> all = Files.walk(tmp)) {
            assertThat(all.filter(Files::isRegularFile).map(p -> tmp.relativize(p).toString()))
                    .allMatch(p -> p.startsWith("models/llava-tiny/"), "every file inside the model folder");
        }
        assertThat(Arrays.asList(Files.readString(folder.resolve(DownloadManifest.FILE)).split("\n")))
                .anyMatch(l -> l.contains("git_blob_id"));
    }
}

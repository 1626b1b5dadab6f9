package adreview.models.download;

import adreview.llava.LlavaModel;
import adreview.llava.LoadOptions;
import adreview.llava.Precision;
import adreview.llava.weights.ShardedWeights;
import adreview.models.Fixtures;
import adreview.models.ModelVerifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ModelDownloaderTest {

    static final String SHARD1 = "model-00001-of-00002.safetensors";
    static final String SHARD2 = "model-00002-of-00002.safetensors";

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

    private ModelDownloader downloader() {
        return new ModelDownloader(new HubClient(hub.base(), null));
    }

    private DownloadRequest request() {
        return new DownloadRequest(FakeHub.REPO, "main", folder);
    }

    private DownloadResult download() throws DownloadException {
        return downloader().download(request(), DownloadListener.NONE, new DownloadCancellation());
    }

    @Test
    void aFullDownloadIsByteIdenticalVerifiedAndLoads() throws Exception {
        List<DownloadProgress> events = new CopyOnWriteArrayList<>();
        long t0 = System.nanoTime();
        DownloadResult result = downloader().download(request(), events::add, new DownloadCancellation());
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("full download over loopback: %d bytes in %.2f s (%.1f MB/s, SHA-256 checks and final verify included)%n",
                result.bytesFetched(), seconds, result.bytesFetched() / seconds / 1e6);

        assertThat(result.report().problems()).isEmpty();
        assertThat(result.fetched()).containsExactlyInAnyOrderElementsOf(hub.fileNames());
        assertThat(result.bytesFetched()).isEqualTo(hub.totalSize());
        for (String name : hub.fileNames()) {
            assertThat(Files.mismatch(folder.resolve(name), hub.source().resolve(name))).as(name).isEqualTo(-1L);
        }
        // Only what the desk needs: no README, .gitattributes or .bin weights, and no leftovers.
        try (Stream<Path> s = Files.list(folder)) {
            assertThat(s.map(p -> p.getFileName().toString()).filter(n -> !n.equals(DownloadManifest.FILE)))
                    .containsExactlyInAnyOrderElementsOf(hub.fileNames());
        }
        assertThat(folder.resolve(DownloadManifest.FILE)).isRegularFile();
        assertThat(hub.requests).extracting(FakeHub.Request::file).doesNotContain("README.md", "pytorch_model.bin");
        // Loads with the engine's own readers.
        try (ShardedWeights got = ShardedWeights.open(folder); ShardedWeights want = ShardedWeights.open(hub.source())) {
            assertThat(got.names()).isEqualTo(want.names());
            String name = "language_model.lm_head.weight";
            assertThat(java.util.Arrays.equals(got.readFloats(name), want.readFloats(name))).as(name).isTrue();
        }
        assertThat(adreview.llava.ModelFolder.validate(folder).problems()).isEmpty();
        try (LlavaModel model = LlavaModel.load(folder, new LoadOptions(adreview.llava.Device.CPU, Precision.AUTO), null)) {
            assertThat(model.info().config().text().hiddenSize()).isEqualTo(64);
            assertThat(model.info().folderName()).isEqualTo("llava-tiny");
        }
        DownloadProgress last = events.get(events.size() - 1);
        assertThat(last.phase()).isEqualTo(DownloadProgress.Phase.DONE);
        assertThat(last.bytesDone()).isEqualTo(hub.totalSize());
        assertThat(last.filesDone()).isEqualTo(hub.fileNames().size());
        assertThat(events).extracting(DownloadProgress::bytesDone).isSorted();
    }

    @Test
    void aConnectionCutMidwayResumesFromThePartOffset() throws Exception {
        long cut = 3_000_000;
        hub.cutAfter.put(SHARD1, cut);

        DownloadResult result = download();

        List<FakeHub.Request> shardRequests = hub.requestsFor(SHARD1);
        assertThat(shardRequests).hasSize(2);
        assertThat(shardRequests.get(0).range()).isNull();
        assertThat(shardRequests.get(1).status()).isEqualTo(206);
        long offset = rangeOffset(shardRequests.get(1).range());
        // The client resumes from what reached its .part: the bytes the server sent, less whatever was
        // still in flight when the socket closed (the HTTP client drops its last partial buffer).
        assertThat(offset).isPositive().isLessThanOrEqualTo(cut).isGreaterThan(cut - 64 * 1024);
        System.out.printf("resume after cut: server sent %d bytes before the cut, Range offset %d, shard total %d%n",
                cut, offset, hub.size(SHARD1));
        assertThat(result.report().complete()).isTrue();
        assertThat(Files.mismatch(folder.resolve(SHARD1), hub.source().resolve(SHARD1))).isEqualTo(-1L);
        // Each byte the client kept was fetched once: the second request started exactly at the part's end.
        assertThat(result.bytesFetched()).isEqualTo(hub.totalSize());
    }

    @Test
    void aCancelledDownloadResumesFromThePartFileOnTheNextRun() throws Exception {
        hub.bytesPerSecond = 4_000_000;
        DownloadCancellation cancel = new DownloadCancellation();
        DownloadException e = catchThrowableOfType(() -> downloader().download(request(), p -> {
            if (SHARD1.equals(p.currentFile()) && p.bytesDone() > 2_000_000) {
                cancel.cancel();
            }
        }, cancel), DownloadException.class);

        assertThat(e.kind()).isEqualTo(DownloadException.Kind.CANCELLED);
        assertThat(e.resumable()).isTrue();
        Path part = folder.resolve(".download/" + SHARD1 + ".part");
        long kept = Files.size(part);
        assertThat(kept).isPositive().isLessThan(hub.size(SHARD1));
        assertThat(folder.resolve(SHARD1)).doesNotExist();
        assertThat(folder.resolve("config.json")).exists(); // finished before the cancel, kept

        hub.bytesPerSecond = 0;
        DownloadResult result = download();

        List<FakeHub.Request> shardRequests = hub.requestsFor(SHARD1);
        assertThat(shardRequests).hasSize(2);
        long offset = rangeOffset(shardRequests.get(1).range());
        assertThat(offset).isEqualTo(kept);
        System.out.printf("resume after cancel: %d bytes kept in the .part, Range offset %d, shard total %d%n",
                kept, offset, hub.size(SHARD1));
        assertThat(result.alreadyPresent()).contains("config.json");
        assertThat(result.fetched()).doesNotContain("config.json").contains(SHARD1);
        assertThat(result.bytesFetched()).isEqualTo(hub.totalSize() - kept - Files.size(folder.resolve("config.json")));
        assertThat(result.report().complete()).isTrue();
        assertThat(Files.mismatch(folder.resolve(SHARD1), hub.source().resolve(SHARD1))).isEqualTo(-1L);
        assertThat(folder.resolve(".download")).doesNotExist();
    }

    @Test
    void aCorruptedByteIsCaughtDiscardedAndFetchedAgainOnce() throws Exception {
        hub.corrupt.put(SHARD2, new AtomicInteger(1));

        DownloadResult result = download();

        assertThat(hub.requestsFor(SHARD2)).extracting(FakeHub.Request::range).containsExactly(null, null);
        assertThat(result.report().complete()).isTrue();
        assertThat(Files.mismatch(folder.resolve(SHARD2), hub.source().resolve(SHARD2))).isEqualTo(-1L);
    }

    @Test
    void aFileCorruptTwiceIsAClearErrorAndNeverReachesTheFolder() throws Exception {
        hub.corrupt.put(SHARD2, new AtomicInteger(2));

        DownloadException e = catchThrowableOfType(this::download, DownloadException.class);

        assertThat(e.kind()).isEqualTo(DownloadException.Kind.CHECKSUM);
        assertThat(e.getMessage()).contains(SHARD2).contains("failed its check twice").contains("SHA-256")
                .doesNotContain("\n");
        assertThat(hub.requestsFor(SHARD2)).hasSize(2);
        assertThat(folder.resolve(SHARD2)).doesNotExist();
        assertThat(folder.resolve(".download/" + SHARD2 + ".part")).doesNotExist();
    }

    @Test
    void aListedFileTheServerLacksIsReported() {
        hub.missing.add(SHARD2);

        DownloadException e = catchThrowableOfType(this::download, DownloadException.class);

        assertThat(e.kind()).isEqualTo(DownloadException.Kind.MISSING_FILE);
        assertThat(e.getMessage()).startsWith(SHARD2 + " is in the hub's file list for " + FakeHub.REPO + "@main")
                .contains("HTTP 404");
        assertThat(folder.resolve(SHARD2)).doesNotExist();
        assertThat(new ModelVerifier().verify(folder).complete()).isFalse();
    }

    @Test
    void noFileAppearsInTheModelFolderBeforeItIsVerified() throws Exception {
        hub.bytesPerSecond = 8_000_000;
        hub.corrupt.put(SHARD1, new AtomicInteger(1)); // a bad first copy must never show up either
        Map<String, Integer> seen = new ConcurrentHashMap<>();
        List<String> violations = new CopyOnWriteArrayList<>();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger partSightings = new AtomicInteger();
        Thread watcher = new Thread(() -> {
            while (running.get()) {
                try (Stream<Path> s = Files.list(folder)) {
                    for (Path p : s.toList()) {
                        String name = p.getFileName().toString();
                        if (name.equals(".download")) {
                            partSightings.incrementAndGet();
                            continue;
                        }
                        if (name.startsWith(DownloadManifest.FILE)) {
                            continue; // the desk's own record of the listing, written last
                        }
                        seen.merge(name, 1, Integer::sum);
                        if (Files.mismatch(p, hub.source().resolve(name)) != -1L) {
                            violations.add(name + " differs from the hub's file while in the folder");
                        }
                    }
                } catch (IOException notYetCreated) {
                    // The folder appears with the first part file.
                }
                try {
                    Thread.sleep(2);
                } catch (InterruptedException ignored) {
                    return;
                }
            }
        }, "folder-watcher");
        watcher.start();
        try {
            DownloadResult result = download();
            assertThat(result.report().complete()).isTrue();
        } finally {
            running.set(false);
            watcher.join();
        }
        assertThat(violations).isEmpty();
        assertThat(partSightings.get()).isPositive();
        assertThat(seen.keySet()).containsExactlyInAnyOrderElementsOf(hub.fileNames());
        assertThat(hub.requestsFor(SHARD1)).hasSize(2);
    }

    @Test
    void aStalledConnectionIsDroppedAndResumedThenGivenUpWithAClearMessage() throws Exception {
        hub.pauseAt.put(SHARD2, 100_000L); // the server stops sending after 100 kB until released
        ModelDownloader impatient = new ModelDownloader(new HubClient(hub.base(), null),
                dir -> Long.MAX_VALUE, 2, java.time.Duration.ofMillis(500));

        DownloadException e = catchThrowableOfType(
                () -> impatient.download(request(), DownloadListener.NONE, new DownloadCancellation()), DownloadException.class);

        assertThat(e.kind()).isEqualTo(DownloadException.Kind.INTERRUPTED);
        assertThat(e.getMessage()).isEqualTo("Downloading " + SHARD2 + " kept failing (no data for 500 ms) after 3 tries; "
                + "the partial file is kept: run the download again to resume.");
        assertThat(hub.requestsFor(SHARD2)).extracting(FakeHub.Request::range)
                .containsExactly(null, "bytes=100000-", "bytes=100000-");

        hub.release();
        DownloadResult result = impatient.download(request(), DownloadListener.NONE, new DownloadCancellation());
        assertThat(result.report().complete()).isTrue();
        assertThat(hub.requestsFor(SHARD2).get(3).range()).isEqualTo("bytes=100000-");
    }

    @Test
    void filesAlreadyInPlaceAreNotFetchedAgain() throws Exception {
        download();
        int before = hub.requests.size();

        DownloadResult again = download();

        assertThat(again.fetched()).isEmpty();
        assertThat(again.alreadyPresent()).containsExactlyInAnyOrderElementsOf(hub.fileNames());
        assertThat(hub.requests.size()).isEqualTo(before);
        assertThat(again.report().complete()).isTrue();
    }

    @Test
    void shortDiskSpaceIsCaughtBeforeAnythingIsWritten() {
        ModelDownloader tight = new ModelDownloader(new HubClient(hub.base(), null), dir -> 1_000_000, 3,
                java.time.Duration.ofSeconds(60));

        DownloadException e = catchThrowableOfType(
                () -> tight.download(request(), DownloadListener.NONE, new DownloadCancellation()), DownloadException.class);

        assertThat(e.kind()).isEqualTo(DownloadException.Kind.DISK_SPACE);
        assertThat(e.getMessage()).contains("needs " + Bytes.format(hub.totalSize()) + " more").contains("1.0 MB is free");
        assertThat(folder).doesNotExist();
        assertThat(hub.requests).isEmpty();
    }

    @Test
    void aGatedRepositoryAsksForHfToken() throws Exception {
        hub.requiredToken = "hf_secret";

        DownloadException e = catchThrowableOfType(this::download, DownloadException.class);
        assertThat(e.kind()).isEqualTo(DownloadException.Kind.ACCESS_DENIED);
        assertThat(e.getMessage()).contains("gated or private").contains("set HF_TOKEN");

        DownloadResult ok = new ModelDownloader(new HubClient(hub.base(), "hf_secret"))
                .download(request(), DownloadListener.NONE, new DownloadCancellation());
        assertThat(ok.report().complete()).isTrue();
    }

    @Test
    void anUnknownRepositoryOrRevisionIsNotFound() {
        DownloadException repo = catchThrowableOfType(() -> downloader().download(
                new DownloadRequest("test-org/nothing", "main", folder), DownloadListener.NONE, new DownloadCancellation()),
                DownloadException.class);
        assertThat(repo.kind()).isEqualTo(DownloadException.Kind.NOT_FOUND);
        assertThat(repo.getMessage()).startsWith("No repository test-org/nothing on " + hub.base());

        DownloadException rev = catchThrowableOfType(() -> downloader().download(
                new DownloadRequest(FakeHub.REPO, "v9", folder), DownloadListener.NONE, new DownloadCancellation()),
                DownloadException.class);
        assertThat(rev.kind()).isEqualTo(DownloadException.Kind.NOT_FOUND);
        assertThat(rev.getMessage()).isEqualTo("Repository " + FakeHub.REPO + " has no revision 'v9' (HTTP 404).");
    }

    @Test
    void anUnreachableHubIsOfflineInOneLine() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ModelDownloader d = new ModelDownloader(new HubClient(URI.create("http://127.0.0.1:" + port), null));

        assertThatThrownBy(() -> d.download(request(), DownloadListener.NONE, new DownloadCancellation()))
                .isInstanceOfSatisfying(DownloadException.class, e -> {
                    assertThat(e.kind()).isEqualTo(DownloadException.Kind.OFFLINE);
                    assertThat(e.getMessage()).startsWith("Cannot reach http://127.0.0.1:" + port).doesNotContain("\n");
                });
    }

    @Test
    void aBadRepositoryIdIsRejectedBeforeAnyRequest() {
        DownloadException e = catchThrowableOfType(() -> downloader().download(
                new DownloadRequest("not a repo", "main", folder), DownloadListener.NONE, new DownloadCancellation()),
                DownloadException.class);
        assertThat(e.kind()).isEqualTo(DownloadException.Kind.INVALID_REQUEST);
        assertThat(e.getMessage()).contains("'not a repo' is not a hub repository id");
        assertThat(hub.requests).isEmpty();
    }

    static long rangeOffset(String range) {
        assertThat(range).matches("bytes=\\d+-");
        return Long.parseLong(range.substring(6, range.length() - 1));
    }
}

package adreview.models.download;

import adreview.models.ModelFolderReport;
import adreview.models.ModelVerifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Downloads a model folder from the hub. Each needed file is written to
 * {@code <folder>/.download/<file>.part}, resumed with a Range request from the part's length when a
 * previous run (or a broken connection) stopped early, checked against the hub's SHA-256 (LFS files)
 * or git blob id (files kept in git), and only then moved into the folder with an atomic rename. A file
 * already in the folder is trusted only after the same check: right size is not enough (anyone who can
 * write the folder can leave a file of the right size). A file the hub lists without any hash is checked
 * by size and recorded as unverified in {@value DownloadManifest#FILE}, which {@code models verify} reads.
 * <p>Blocking: run it on a background thread; cancel through {@link DownloadCancellation}.
 */
public final class ModelDownloader {

    /** Free space where the folder will be; a seam so a test can stand in for a nearly full disk. */
    @FunctionalInterface
    public interface FreeSpace {
        long usableBytes(Path existingDir) throws IOException;
    }

    private static final Logger log = LoggerFactory.getLogger(ModelDownloader.class);
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");
    private static final int BUFFER = 256 * 1024;
    private static final long EMIT_EVERY_NANOS = 100_000_000L;
    /** Watches for stalled connections and sends the last progress event of a burst. */
    private static final java.util.concurrent.ScheduledExecutorService TIMER =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "download-timer");
                t.setDaemon(true);
                return t;
            });

    private final HubClient hub;
    private final FreeSpace freeSpace;
    private final int connectionRetries;
    private final Duration stallTimeout;

    public ModelDownloader(HubClient hub) {
        this(hub, dir -> Files.getFileStore(dir).getUsableSpace(), 3, Duration.ofSeconds(60));
    }

    /**
     * @param connectionRetries how often one file's transfer is resumed after a broken or stalled connection
     * @param stallTimeout      a connection that delivers no byte for this long is dropped and resumed
     */
    public ModelDownloader(HubClient hub, FreeSpace freeSpace, int connectionRetries, Duration stallTimeout) {
        this.hub = hub;
        this.freeSpace = freeSpace;
        this.connectionRetries = connectionRetries;
        this.stallTimeout = stallTimeout;
    }

    public HubClient hub() {
        return hub;
    }

    public DownloadResult download(DownloadRequest request, DownloadListener listener, DownloadCancellation cancel)
            throws DownloadException {
        request.validate();
        String what = request.repoId() + "@" + request.revision();
        Path folder = request.folder().toAbsolutePath().normalize();
        Progress progress = new Progress(listener);
        progress.emit(DownloadProgress.Phase.LISTING, true);

        List<HubFile> files = DownloadPlan.choose(what, hub.listFiles(request.repoId(), request.revision()));
        cancel.throwIfCancelled();
        Path partDir = folder.resolve(ModelVerifier.DOWNLOAD_DIR);

        List<HubFile> toFetch = new ArrayList<>();
        List<String> present = new ArrayList<>();
        long stillNeeded = 0;
        for (HubFile f : files) {
            progress.filesTotal++;
            progress.bytesTotal += Math.max(0, f.size());
        }
        for (HubFile f : files) {
            Path dest = folder.resolve(f.name());
            if (f.size() >= 0 && sizeOf(dest) == f.size()) {
                progress.current = f.name();
                progress.emit(DownloadProgress.Phase.VERIFYING, true);
                String mismatch = check(f, dest, cancel);
                if (mismatch == null) {
                    present.add(f.name());
                    progress.filesDone++;
                    progress.bytesCompleted += f.size();
                    continue;
                }
                log.warn("{} in {} does not match the hub ({}); fetching it again", f.name(), folder, mismatch);
            }
            toFetch.add(f);
            long part = Math.max(0, sizeOf(partFile(partDir, f)));
            stillNeeded += Math.max(0, f.size() - part);
        }
        checkSpace(folder, stillNeeded);

        List<String> fetched = new ArrayList<>();
        try {
            Files.createDirectories(partDir);
        } catch (IOException e) {
            throw new DownloadException(DownloadException.Kind.FAILED,
                    "Cannot create " + partDir + ": " + HubClient.oneLine(e) + "; choose a writable folder.");
        }
        for (HubFile f : toFetch) {
            fetchVerified(request, f, partDir, folder.resolve(f.name()), progress, cancel);
            fetched.add(f.name());
        }
        try {
            Files.deleteIfExists(partDir);
        } catch (DirectoryNotEmptyException e) {
            log.info("{} keeps files that are not part of {}", partDir, what);
        } catch (IOException e) {
            log.warn("Cannot remove {}: {}", partDir, e.toString());
        }
        DownloadManifest.write(folder, request.repoId(), request.revision(), files);
        ModelFolderReport report = new ModelVerifier().verify(folder);
        progress.current = null;
        progress.emit(DownloadProgress.Phase.DONE, true);
        log.info("Downloaded {} into {}: {} files fetched ({} bytes), {} already present, complete={}", what, folder,
                fetched.size(), progress.bytesThisRun, present.size(), report.complete());
        return new DownloadResult(folder, fetched, present, progress.bytesThisRun, report);
    }

    private void checkSpace(Path folder, long needed) throws DownloadException {
        Path existing = folder;
        while (existing != null && !Files.isDirectory(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || needed <= 0) {
            return;
        }
        long free;
        try {
            free = freeSpace.usableBytes(existing);
        } catch (IOException e) {
            log.warn("Cannot tell the free space of {}: {}", existing, e.toString());
            return;
        }
        if (free < needed) {
            throw new DownloadException(DownloadException.Kind.DISK_SPACE, "Not enough disk space for " + folder
                    + ": the download needs " + Bytes.format(needed) + " more, " + Bytes.format(free)
                    + " is free. Free some space or download into another folder (--dir).");
        }
    }

    /** Transfers, checks, retries once on a bad checksum, and moves the file into place. */
    private void fetchVerified(DownloadRequest req, HubFile f, Path partDir, Path dest, Progress progress,
                               DownloadCancellation cancel) throws DownloadException {
        Path part = partFile(partDir, f);
        for (int attempt = 1; ; attempt++) {
            transfer(req, f, part, progress, cancel);
            progress.emit(DownloadProgress.Phase.VERIFYING, true);
            String problem = check(f, part, cancel);
            if (problem == null) {
                moveIntoPlace(part, dest);
                progress.fileFinished(f);
                progress.emit(DownloadProgress.Phase.DOWNLOADING, true);
                return;
            }
            deleteQuietly(part);
            progress.currentPartBytes = 0;
            if (attempt >= 2) {
                throw new DownloadException(DownloadException.Kind.CHECKSUM, f.name() + " from " + req.repoId() + "@"
                        + req.revision() + " failed its check twice (" + problem
                        + "); it was discarded. The hub or a proxy serves a damaged file: try again later.");
            }
            log.warn("{} failed its check ({}); discarded, fetching it again", f.name(), problem);
        }
    }

    /** Brings the part file to the listed size, resuming after broken connections. */
    private void transfer(DownloadRequest req, HubFile f, Path part, Progress progress, DownloadCancellation cancel)
            throws DownloadException {
        int failures = 0;
        while (true) {
            cancel.throwIfCancelled();
            long have = Math.max(0, sizeOf(part));
            if (f.size() >= 0 && have > f.size()) {
                deleteQuietly(part);
                have = 0;
            }
            progress.startFile(f, have);
            if (f.size() >= 0 && have == f.size()) {
                return;
            }
            String why;
            try {
                if (streamOnce(req, f, part, have, progress, cancel)) {
                    return;
                }
                why = "the connection closed early";
            } catch (IOException e) {
                cancel.throwIfCancelled();
                why = HubClient.oneLine(e);
            } catch (DownloadException e) {
                if (e.kind() != DownloadException.Kind.INTERRUPTED) {
                    throw e;
                }
                why = e.getMessage();
            }
            failures++;
            log.info("Transfer of {} broke at byte {} ({}), attempt {}", f.name(), sizeOf(part), why, failures);
            if (failures > connectionRetries) {
                throw new DownloadException(DownloadException.Kind.INTERRUPTED, "Downloading " + f.name()
                        + " kept failing (" + why + ") after " + failures + " tries; the partial file is kept: "
                        + "run the download again to resume.");
            }
            pause(200L * failures, cancel);
        }
    }

    /**
     * One request from byte {@code have}; returns true when the part holds the whole file (or the
     * size is unknown and the stream ended). Network trouble surfaces as IOException.
     */
    private boolean streamOnce(DownloadRequest req, HubFile f, Path part, long have, Progress progress,
                               DownloadCancellation cancel) throws IOException, DownloadException {
        HttpResponse<InputStream> r = hub.openFile(req.repoId(), req.revision(), f.name(), have);
        long start;
        switch (r.statusCode()) {
            case 206 -> {
                Matcher m = CONTENT_RANGE.matcher(r.headers().firstValue("Content-Range").orElse(""));
                if (!m.matches() || Long.parseLong(m.group(1)) != have) {
                    r.body().close();
                    deleteQuietly(part);
                    throw new IOException("the server answered range '"
                            + r.headers().firstValue("Content-Range").orElse("") + "' for bytes=" + have + "-");
                }
                start = have;
            }
            case 416 -> {
                r.body().close();
                deleteQuietly(part);
                throw new IOException("the server refused to resume at byte " + have);
            }
            default -> start = 0; // 200: the whole file, whatever we asked for
        }
        progress.startFile(f, start);
        StallWatch watch = new StallWatch(r.body(), stallTimeout);
        try (InputStream in = r.body();
             FileChannel out = openPart(part, start)) {
            cancel.attach(in);
            byte[] buf = new byte[BUFFER];
            ByteBuffer wrap = ByteBuffer.wrap(buf);
            int n;
            while ((n = in.read(buf)) >= 0) {
                watch.alive();
                cancel.throwIfCancelled();
                wrap.clear().limit(n);
                write(out, wrap, part);
                progress.transferred(n);
            }
            out.force(true);
        } catch (IOException e) {
            cancel.throwIfCancelled();
            if (watch.stalled()) {
                throw new IOException("no data for " + (stallTimeout.toMillis() % 1000 == 0
                        ? stallTimeout.toSeconds() + " s" : stallTimeout.toMillis() + " ms"));
            }
            throw e;
        } finally {
            watch.stop();
            cancel.detach();
        }
        cancel.throwIfCancelled();
        return f.size() < 0 || sizeOf(part) >= f.size();
    }

    private static FileChannel openPart(Path part, long start) throws DownloadException {
        try {
            Files.createDirectories(part.getParent());
            FileChannel ch = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            ch.truncate(start);
            ch.position(start);
            return ch;
        } catch (IOException e) {
            throw new DownloadException(DownloadException.Kind.FAILED, "Cannot write " + part + ": " + HubClient.oneLine(e));
        }
    }

    private static void write(FileChannel out, ByteBuffer buf, Path part) throws DownloadException {
        try {
            while (buf.hasRemaining()) {
                out.write(buf);
            }
        } catch (IOException e) {
            throw new DownloadException(DownloadException.Kind.FAILED, "Cannot write " + part + ": "
                    + HubClient.oneLine(e) + " (disk full?); the partial file is kept for a resume.");
        }
    }

    /**
     * Null when the file matches the listing, else what is wrong: its SHA-256 for an LFS file, its git blob id for a
     * file kept in git, its size alone for a file listed without a hash (recorded as unverified).
     */
    private static String check(HubFile f, Path part, DownloadCancellation cancel) throws DownloadException {
        long size = sizeOf(part);
        if (f.size() >= 0 && size != f.size()) {
            return "size " + size + ", the hub lists " + f.size();
        }
        if (f.isLfs()) {
            String actual = sha256(part, cancel);
            return actual.equalsIgnoreCase(f.sha256()) ? null
                    : "SHA-256 " + actual.substring(0, 12) + "…, the hub lists " + f.sha256().substring(0, Math.min(12, f.sha256().length())) + "…";
        }
        if (f.gitBlobId() != null) {
            String actual = gitBlobId(part, cancel);
            return actual.equalsIgnoreCase(f.gitBlobId()) ? null
                    : "git blob id " + actual.substring(0, 12) + "…, the hub lists "
                    + f.gitBlobId().substring(0, Math.min(12, f.gitBlobId().length())) + "…";
        }
        return null;
    }

    /** Git's id of the file as a blob: SHA-1 of {@code "blob <length>\0"} followed by the content. */
    static String gitBlobId(Path file, DownloadCancellation cancel) throws DownloadException {
        return digest(file, "SHA-1", true, cancel);
    }

    static String sha256(Path file, DownloadCancellation cancel) throws DownloadException {
        return digest(file, "SHA-256", false, cancel);
    }

    /** The file's digest in hex, read a megabyte at a time so that a cancel stops a 14 GB check within one read. */
    private static String digest(Path file, String algorithm, boolean asGitBlob, DownloadCancellation cancel)
            throws DownloadException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            MessageDigest md = MessageDigest.getInstance(algorithm);
            if (asGitBlob) {
                md.update(("blob " + ch.size() + "\0").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            }
            ByteBuffer buf = ByteBuffer.allocateDirect(1 << 20);
            while (ch.read(buf) >= 0) {
                buf.flip();
                md.update(buf);
                buf.clear();
                cancel.throwIfCancelled();
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new DownloadException(DownloadException.Kind.FAILED, "Cannot read " + file + ": " + HubClient.oneLine(e));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has " + algorithm, e);
        }
    }

    private static void moveIntoPlace(Path part, Path dest) throws DownloadException {
        try {
            Files.createDirectories(dest.getParent());
            try {
                Files.move(part, dest, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, dest, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new DownloadException(DownloadException.Kind.FAILED, "Cannot move " + part + " to " + dest + ": "
                    + HubClient.oneLine(e));
        }
    }

    static Path partFile(Path partDir, HubFile f) {
        return partDir.resolve(f.name() + ".part");
    }

    private static long sizeOf(Path p) {
        try {
            return Files.isRegularFile(p) ? Files.size(p) : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            log.warn("Cannot delete {}: {}", p, e.toString());
        }
    }

    private static void pause(long millis, DownloadCancellation cancel) throws DownloadException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DownloadException(DownloadException.Kind.CANCELLED, "Download interrupted.");
        }
        cancel.throwIfCancelled();
    }

    /**
     * Closes a response stream that has delivered nothing for a while: the HTTP client has no read
     * timeout, and a stalled connection would otherwise block the download for good.
     */
    private static final class StallWatch {
        private final java.util.concurrent.ScheduledFuture<?> task;
        private volatile long lastByte = System.nanoTime();
        private volatile boolean stalled;

        StallWatch(InputStream stream, Duration timeout) {
            long limit = timeout.toNanos();
            long period = Math.max(100, timeout.toMillis() / 4);
            task = TIMER.scheduleAtFixedRate(() -> {
                if (!stalled && System.nanoTime() - lastByte > limit) {
                    stalled = true;
                    try {
                        stream.close();
                    } catch (IOException ignored) {
                        // The reading thread fails either way and resumes with a Range request.
                    }
                }
            }, period, period, java.util.concurrent.TimeUnit.MILLISECONDS);
        }

        void alive() {
            lastByte = System.nanoTime();
        }

        boolean stalled() {
            return stalled;
        }

        void stop() {
            task.cancel(false);
        }
    }

    /** Counts bytes and turns them into throttled progress events. */
    private static final class Progress {
        private final DownloadListener listener;
        private final SpeedMeter speed = new SpeedMeter(Duration.ofSeconds(5));
        int filesTotal;
        int filesDone;
        long bytesTotal;
        long bytesCompleted;
        long currentPartBytes;
        long bytesThisRun;
        String current;
        private long lastEmit;
        private boolean dirty;
        private boolean trailingScheduled;

        Progress(DownloadListener listener) {
            this.listener = listener;
        }

        synchronized void startFile(HubFile f, long have) {
            current = f.name();
            currentPartBytes = have;
            emit(DownloadProgress.Phase.DOWNLOADING, true);
        }

        synchronized void transferred(int n) {
            currentPartBytes += n;
            bytesThisRun += n;
            speed.add(System.nanoTime(), n);
            emit(DownloadProgress.Phase.DOWNLOADING, false);
        }

        synchronized void fileFinished(HubFile f) {
            filesDone++;
            bytesCompleted += Math.max(0, f.size());
            currentPartBytes = 0;
        }

        /** Forced events always go out; others at most every 100 ms, the last of a burst shortly after it. */
        synchronized void emit(DownloadProgress.Phase phase, boolean force) {
            long now = System.nanoTime();
            if (!force && now - lastEmit < EMIT_EVERY_NANOS) {
                dirty = true;
                if (!trailingScheduled) {
                    // Without this, bytes that arrive just before a pause would never be shown.
                    trailingScheduled = true;
                    TIMER.schedule(this::emitTrailing, EMIT_EVERY_NANOS - (now - lastEmit), java.util.concurrent.TimeUnit.NANOSECONDS);
                }
                return;
            }
            dirty = false;
            lastEmit = now;
            long done = Math.min(bytesTotal, bytesCompleted + currentPartBytes);
            double bps = speed.bytesPerSecond();
            Duration left = bps > 0 ? Duration.ofSeconds((long) Math.ceil((bytesTotal - done) / bps)) : null;
            try {
                listener.progress(new DownloadProgress(phase, current, filesDone, filesTotal, done, bytesTotal, bps, left));
            } catch (RuntimeException e) {
                log.warn("Download progress listener failed: {}", e.toString());
            }
        }

        private synchronized void emitTrailing() {
            trailingScheduled = false;
            if (dirty) {
                emit(DownloadProgress.Phase.DOWNLOADING, true);
            }
        }
    }
}

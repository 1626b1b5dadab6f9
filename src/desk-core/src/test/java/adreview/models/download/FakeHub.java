package adreview.models.download;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A stand-in for the Hugging Face hub on 127.0.0.1: serves one repository from a folder under the hub's
 * URL layout ({@code /api/models/{repo}/revision/{rev}?blobs=true} and {@code /{repo}/resolve/{rev}/{file}}
 * with Range support), and can misbehave on request: cut a connection, corrupt a byte, lose a file,
 * throttle, demand a token. Every file request is recorded with its Range header.
 */
public final class FakeHub implements AutoCloseable {

    public record Request(String file, String range, int status) {
    }

    public static final String REPO = "test-org/llava-tiny";
    public static final String REVISION = "main";

    private final Path source;
    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private final Map<String, String> sha256 = new LinkedHashMap<>();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-hub");
        t.setDaemon(true);
        return t;
    });
    public final List<Request> requests = new CopyOnWriteArrayList<>();
    /** Files whose next response is cut after this many bytes (once each). */
    public final Map<String, Long> cutAfter = new ConcurrentHashMap<>();
    /** Files whose next N responses have one byte flipped. */
    public final Map<String, AtomicInteger> corrupt = new ConcurrentHashMap<>();
    /** Files listed by the API but answered with 404. */
    public final Set<String> missing = ConcurrentHashMap.newKeySet();
    public volatile long bytesPerSecond = 0;
    /** Files whose body stops at this offset until {@link #release()} (so a test can look at a download mid-way). */
    public final Map<String, Long> pauseAt = new ConcurrentHashMap<>();
    private final java.util.concurrent.CountDownLatch released = new java.util.concurrent.CountDownLatch(1);
    public volatile String requiredToken = null;
    /** Files listed with neither an LFS SHA-256 nor a blob id (a hub that gives no hash for them). */
    public final Set<String> withoutHash = ConcurrentHashMap.newKeySet();
    /** Extra names the listing shows (hostile hubs), each with a few bytes behind it. */
    public final List<String> extraNames = new CopyOnWriteArrayList<>();
    /** Redirects every file request to this base (another scheme, host or port), keeping the path. */
    public volatile URI redirectFilesTo = null;
    /** The Authorization header of every request, in order ("" when there was none). */
    public final List<String> authorizations = new CopyOnWriteArrayList<>();

    public FakeHub(Path source) throws IOException {
        this.source = source;
        try (Stream<Path> list = Files.list(source)) {
            for (Path p : list.sorted().toList()) {
                byte[] bytes = Files.readAllBytes(p);
                String name = p.getFileName().toString();
                files.put(name, bytes);
                sha256.put(name, sha(bytes));
            }
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public Path source() {
        return source;
    }

    public long size(String file) {
        return files.get(file).length;
    }

    public long totalSize() {
        return files.values().stream().mapToLong(b -> b.length).sum();
    }

    public List<Request> requestsFor(String file) {
        return requests.stream().filter(r -> r.file().equals(file)).toList();
    }

    /** LFS like the real llava-hf repositories: the weights and the large tokenizer. */
    static boolean isLfs(String name) {
        return name.endsWith(".safetensors") || name.equals("tokenizer.json");
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = URLDecoder.decode(ex.getRequestURI().getRawPath(), StandardCharsets.UTF_8);
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            authorizations.add(auth == null ? "" : auth);
            URI redirect = redirectFilesTo;
            if (redirect != null && path.contains("/resolve/") && !"1".equals(query(ex, "redirected"))) {
                ex.getResponseHeaders().add("Location", redirect + ex.getRequestURI().getRawPath() + "?redirected=1");
                ex.sendResponseHeaders(302, -1);
                return;
            }
            if (requiredToken != null && !("Bearer " + requiredToken).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                ex.getResponseHeaders().add("X-Error-Code", "GatedRepo");
                send(ex, 401, "gated");
                return;
            }
            String api = "/api/models/" + REPO + "/revision/";
            String resolve = "/" + REPO + "/resolve/" + REVISION + "/";
            if (path.startsWith(api)) {
                if (!path.substring(api.length()).equals(REVISION)) {
                    ex.getResponseHeaders().add("X-Error-Code", "RevisionNotFound");
                    send(ex, 404, "Invalid rev id");
                } else {
                    send(ex, 200, listing());
                }
            } else if (path.startsWith(resolve)) {
                serveFile(ex, path.substring(resolve.length()));
            } else if (path.startsWith("/api/models/")) {
                ex.getResponseHeaders().add("X-Error-Code", "RepoNotFound");
                send(ex, 401, "Repository not found");
            } else {
                send(ex, 404, "not found");
            }
        }
    }

    private String listing() throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode().put("id", REPO).put("sha", "0123456789abcdef0123456789abcdef01234567");
        ArrayNode siblings = root.putArray("siblings");
        // Files a download must skip, as the real repositories have them.
        siblings.addObject().put("rfilename", ".gitattributes").put("size", 1519);
        siblings.addObject().put("rfilename", "README.md").put("size", 20);
        siblings.addObject().put("rfilename", "pytorch_model.bin").put("size", 999);
        for (String name : extraNames) {
            siblings.addObject().put("rfilename", name).put("size", 3).put("blobId", gitBlob("bad".getBytes()));
        }
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            ObjectNode s = siblings.addObject().put("rfilename", f.getKey()).put("size", f.getValue().length);
            if (withoutHash.contains(f.getKey())) {
                continue;
            }
            if (!isLfs(f.getKey())) {
                s.put("blobId", gitBlob(f.getValue()));
            } else {
                // The real hub lists the pointer file's blob id for LFS files: not a hash of the content.
                s.put("blobId", gitBlob(("version https://git-lfs.github.com/spec/v1\noid sha256:"
                        + sha256.get(f.getKey()) + "\n").getBytes(StandardCharsets.UTF_8)));
            }
            if (isLfs(f.getKey())) {
                s.putObject("lfs").put("size", f.getValue().length).put("sha256", sha256.get(f.getKey()))
                        .put("pointerSize", 135);
            }
        }
        return json.writeValueAsString(root);
    }

    private void serveFile(HttpExchange ex, String name) throws IOException {
        try {
            serveFileOrFail(ex, name);
        } catch (IOException clientWentAway) {
            // A cancelled client closes its end mid-body; nothing to answer.
        }
    }

    private void serveFileOrFail(HttpExchange ex, String name) throws IOException {
        byte[] data = files.get(name);
        String range = ex.getRequestHeaders().getFirst("Range");
        if (data == null || missing.contains(name)) {
            requests.add(new Request(name, range, 404));
            ex.getResponseHeaders().add("X-Error-Code", "EntryNotFound");
            send(ex, 404, "Entry not found");
            return;
        }
        int start = 0;
        if (range != null && range.startsWith("bytes=") && range.endsWith("-")) {
            start = Integer.parseInt(range.substring(6, range.length() - 1));
        }
        if (start >= data.length && start > 0) {
            requests.add(new Request(name, range, 416));
            ex.getResponseHeaders().add("Content-Range", "bytes */" + data.length);
            ex.sendResponseHeaders(416, -1);
            return;
        }
        int status = start > 0 ? 206 : 200;
        requests.add(new Request(name, range, status));
        byte[] body = data;
        AtomicInteger corruptLeft = corrupt.get(name);
        if (corruptLeft != null && corruptLeft.getAndDecrement() > 0) {
            body = data.clone();
            body[body.length / 2] ^= 0x5A;
        }
        if (status == 206) {
            ex.getResponseHeaders().add("Content-Range", "bytes " + start + "-" + (data.length - 1) + "/" + data.length);
        }
        ex.getResponseHeaders().add("Accept-Ranges", "bytes");
        long length = data.length - start;
        ex.sendResponseHeaders(status, length);
        Long cut = cutAfter.remove(name);
        long limit = cut == null ? length : Math.min(length, cut);
        OutputStream out = ex.getResponseBody();
        out.flush(); // the JDK server (25) buffers the headers until the first flush; a paused body must not hide them
        int chunk = 16 * 1024;
        long t0 = System.nanoTime();
        Long pause = pauseAt.get(name);
        for (long sent = 0; sent < limit; ) {
            if (pause != null && start + sent >= pause && released.getCount() > 0) {
                try {
                    released.await(60, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            long until = pause != null && start + sent < pause ? pause - start : limit;
            int n = (int) Math.min(chunk, Math.min(limit, until) - sent);
            out.write(body, (int) (start + sent), n);
            out.flush();
            sent += n;
            throttle(sent, t0);
        }
        if (cut != null) {
            // Drop the connection mid-body, as a flaky network does: closing a fixed-length body
            // before its end makes the server close the socket, and the client sees a short read.
            ex.close();
        }
    }

    /** Lets paused bodies continue. */
    public void release() {
        released.countDown();
    }

    private void throttle(long sent, long t0) {
        long rate = bytesPerSecond;
        if (rate <= 0) {
            return;
        }
        long due = t0 + sent * 1_000_000_000L / rate;
        long wait = due - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", status == 200 ? "application/json" : "text/plain");
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
    }

    /** Git's blob id: SHA-1 of "blob <length>\0" and the content. */
    static String gitBlob(byte[] bytes) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-1");
            md.update(("blob " + bytes.length + "\0").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(md.digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String query(HttpExchange ex, String key) {
        String q = ex.getRequestURI().getRawQuery();
        if (q == null) {
            return null;
        }
        for (String part : q.split("&")) {
            if (part.startsWith(key + "=")) {
                return part.substring(key.length() + 1);
            }
        }
        return null;
    }

    static String sha(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public List<String> fileNames() {
        return Collections.unmodifiableList(new ArrayList<>(files.keySet()));
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        executor.shutdownNow();
    }
}

package adreview.review.remote;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code llama-server} from the {@link LlamaKit} on a free local port, with one thread ({@code -t 1}: more
 * makes it slower and erratic on a busy 2-core machine), the kit's tiny LLaVA under the alias {@code tiny-llava},
 * and {@code slots} parallel slots. Ready when {@code /health} says so. {@link #kill()} is SIGKILL (the server
 * dies mid-answer); {@link #close()} stops it.
 */
public final class LlamaServer implements AutoCloseable {

    public static final String ALIAS = "tiny-llava";

    private final Process process;
    private final int port;
    private final Path log;

    private LlamaServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts one, trying another free port when the chosen one was taken meanwhile. */
    public static LlamaServer start(int slots, Path logDir) {
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            int port = freePort();
            try {
                Files.createDirectories(logDir);
                Path log = logDir.resolve("llama-server-" + port + ".log");
                Path kit = LlamaKit.folder();
                List<String> cmd = new ArrayList<>(List.of(kit.resolve("llama-server").toString(),
                        "-m", kit.resolve(LlamaKit.TEXT_MODEL).toString(),
                        "--mmproj", kit.resolve(LlamaKit.PROJECTOR).toString(),
                        "--host", "127.0.0.1", "--port", Integer.toString(port),
                        // Each slot may hold a whole Stage 1 call (about 600 prompt + 130 answer tokens).
                        "-c", Integer.toString(1024 * Math.max(2, slots)), "-t", "1", "--parallel", Integer.toString(slots),
                        "--alias", ALIAS));
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
                LlamaServer server = new LlamaServer(p, port, log);
                if (server.awaitHealthy(Duration.ofSeconds(30))) {
                    return server;
                }
                server.close();
                last = new IOException("llama-server on port " + port + " did not become healthy; see " + log);
            } catch (IOException e) {
                last = e;
            }
        }
        throw new UncheckedIOException(last);
    }

    private boolean awaitHealthy(Duration limit) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long until = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < until && process.isAlive()) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return true;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            sleep(50);
        }
        return false;
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:PORT/v1}. */
    public String endpoint() {
        return "http://127.0.0.1:" + port + "/v1";
    }

    public int port() {
        return port;
    }

    public Path log() {
        return log;
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** SIGKILL, and waits until the process is gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

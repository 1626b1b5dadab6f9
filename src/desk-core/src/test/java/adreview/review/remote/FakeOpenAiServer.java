package adreview.review.remote;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A local JDK {@link HttpServer} that plays an OpenAI-compatible server behaving badly, one behaviour per test:
 * {@code GET /v1/models} lists {@code fake-model}; {@code POST /v1/chat/completions} runs the test's handler.
 * Every request is recorded with its headers and body.
 */
public final class FakeOpenAiServer implements AutoCloseable {

    /** One request as the server saw it. */
    public record Seen(String method, String path, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }
    }

    /** What {@code /chat/completions} does. */
    @FunctionalInterface
    public interface Chat {
        void answer(HttpExchange exchange) throws IOException, InterruptedException;
    }

    private final HttpServer server;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private volatile Chat chat = FakeOpenAiServer::answerTinyStage1;

    private FakeOpenAiServer(HttpServer server) {
        this.server = server;
    }

    public static FakeOpenAiServer start() {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            s.setExecutor(Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "fake-openai");
                t.setDaemon(true);
                return t;
            }));
            FakeOpenAiServer fake = new FakeOpenAiServer(s);
            s.createContext("/", fake::handle);
            s.start();
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public FakeOpenAiServer chat(Chat behaviour) {
        this.chat = behaviour;
        return this;
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port() + "/v1";
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public List<Seen> seen() {
        return List.copyOf(seen);
    }

    /** Stops listening at once: the next connection is refused. */
    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        seen.add(new Seen(ex.getRequestMethod(), ex.getRequestURI().getPath(), Map.copyOf(ex.getRequestHeaders()), body));
        try {
            if (ex.getRequestURI().getPath().endsWith("/models")) {
                send(ex, 200, "application/json", "{\"object\":\"list\",\"data\":[{\"id\":\"fake-model\",\"object\":\"model\"}]}");
            } else if (ex.getRequestURI().getPath().endsWith("/chat/completions")) {
                chat.answer(ex);
            } else {
                send(ex, 404, "application/json", "{\"error\":{\"code\":404,\"message\":\"File Not Found\"}}");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client went away: what cancellation tests look for (they wrap the behaviour)
            throw e;
        } finally {
            ex.close();
        }
    }

    public static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
    }

    /** Starts a streamed answer: {@code text/event-stream}, chunked. */
    public static OutputStream beginStream(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "text/event-stream");
        ex.sendResponseHeaders(200, 0);
        return ex.getResponseBody();
    }

    /** One {@code data:} event with one content piece. */
    public static void piece(OutputStream out, String content) throws IOException {
        String json = "{\"id\":\"fake-1\",\"model\":\"fake-model\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
                + "\"delta\":{\"content\":" + com.fasterxml.jackson.databind.node.TextNode.valueOf(content) + "}}]}";
        event(out, json);
    }

    public static void event(OutputStream out, String data) throws IOException {
        out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** The end of a good stream: finish reason, usage with llama.cpp timings, [DONE]. */
    public static void finish(OutputStream out, int completionTokens) throws IOException {
        event(out, "{\"choices\":[{\"index\":0,\"finish_reason\":\"stop\",\"delta\":{}}]}");
        event(out, "{\"choices\":[],\"usage\":{\"completion_tokens\":" + completionTokens + ",\"prompt_tokens\":600,"
                + "\"total_tokens\":" + (600 + completionTokens) + "},\"timings\":{\"prompt_n\":600,\"prompt_ms\":12.5,"
                + "\"predicted_n\":" + completionTokens + ",\"predicted_ms\":30.0}}");
        event(out, "[DONE]");
    }

    /** Streams {@code answer} in pieces of {@code size} characters, then finishes the stream. */
    public static void stream(HttpExchange ex, String answer, int size) throws IOException {
        OutputStream out = beginStream(ex);
        int n = 0;
        for (int i = 0; i < answer.length(); i += size) {
            piece(out, answer.substring(i, Math.min(answer.length(), i + size)));
            n++;
        }
        finish(out, n);
    }

    public static final String STAGE1_SHORTEST = "{\"is_valid\":true,\"image_quality_ok\":true,\"relevance_score\":0,"
            + "\"analysis\":\"\",\"issues\":[],\"recommendations\":[],\"font_recommendation\":{\"style\":\"bold\","
            + "\"size\":\"medium\",\"color\":\"light\"}}";

    /** The llamakit's answer to Stage 1 (the shortest document of its schema), in 8-character pieces. */
    public static void answerTinyStage1(HttpExchange ex) throws IOException {
        stream(ex, STAGE1_SHORTEST, 8);
    }
}

package adreview.review.remote;

import adreview.review.ReviewModel.ModelException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * HTTP to one OpenAI-compatible endpoint with the JDK's client. Redirects are not followed and the API key is
 * attached only to requests for the endpoint's own scheme, host and port, so it cannot travel anywhere else. A
 * refused connection (nothing was sent) is tried again, at most {@link RemoteSettings#connectAttempts()} times
 * in all; nothing else is retried, because a request the server may have started could run twice.
 */
final class ServerClient {

    /** How often a waiting call looks at the cancel flag and the clock: Esc closes the stream within this. */
    static final long POLL_MILLIS = 100;
    private static final int ERROR_BODY_CHARS = 4000;
    private static final int MODELS_BODY_BYTES = 1 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RemoteSettings settings;
    private final HttpClient http;

    ServerClient(RemoteSettings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                // One stream per connection: cancelling a stream closes just that connection, which is what
                // tells llama.cpp / vLLM to stop generating for it.
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    RemoteSettings settings() {
        return settings;
    }

    private String host() {
        return settings.host();
    }

    /** A request to {@code uri} with the bearer token when, and only when, {@code uri} is the endpoint's origin. */
    HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).header("User-Agent", "ad-review-desk");
        if (settings.apiKey() != null && settings.sameOrigin(uri)) {
            b.header("Authorization", "Bearer " + settings.apiKey());
        }
        return b;
    }

    /**
     * {@code GET {endpoint}/models}: the model ids the server lists, in its order.
     *
     * @throws ModelException one sentence: unreachable, refused, timed out, an HTTP error, or not a model list
     */
    List<String> modelIds(BooleanSupplier cancelled) {
        URI uri = settings.resolve("models");
        HttpRequest req = request(uri).header("Accept", "application/json")
                .timeout(settings.firstByteTimeout().compareTo(Duration.ofSeconds(30)) < 0 ? settings.firstByteTimeout()
                        : Duration.ofSeconds(30))
                .GET().build();
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<InputStream> r = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
                String body;
                try (InputStream in = r.body()) {
                    body = new String(in.readNBytes(MODELS_BODY_BYTES), charset(r.headers().firstValue("Content-Type").orElse("")));
                }
                if (r.statusCode() / 100 != 2) {
                    throw Failures.http(host(), r.statusCode(), errorText(body), settings.apiKey());
                }
                return ids(body);
            } catch (java.net.http.HttpTimeoutException e) {
                if (Failures.isConnectTimeout(e)) {
                    throw Failures.connectTimeout(host(), settings.connectTimeout(), e);
                }
                throw Failures.firstByteTimeout(host(), req.timeout().orElse(settings.firstByteTimeout()));
            } catch (IOException e) {
                if (!Failures.isRefused(e)) {
                    throw Failures.unreachable(host(), e);
                }
                if (attempt >= settings.connectAttempts()) {
                    throw Failures.refused(host(), attempt, e);
                }
                backoff(attempt, cancelled);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted while asking " + host() + " for its models");
            }
        }
    }

    private List<String> ids(String body) {
        JsonNode n;
        try {
            n = JSON.readTree(body);
        } catch (IOException e) {
            throw new ModelException(Failures.server(host()) + " answered GET /models with something that is not JSON: "
                    + Texts.shorten(body, 120), "", e);
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode m : n.path("data")) {
            if (m.path("id").isTextual()) {
                ids.add(m.path("id").textValue());
            }
        }
        return ids;
    }

    /**
     * {@code POST {endpoint}/chat/completions} with {@code body}, read as it streams into {@code stream};
     * {@code grew} runs on this thread each time the answer grows.
     *
     * @throws ModelException        one sentence, with the answer so far as raw text
     * @throws CancellationException {@code cancelled} turned true; the connection is closed by then
     */
    void streamChat(String body, ChatStream stream, Runnable grew, BooleanSupplier cancelled) {
        for (int attempt = 1; ; attempt++) {
            try {
                exchange(body, stream, grew, cancelled);
                return;
            } catch (RefusedException e) {
                if (attempt >= settings.connectAttempts()) {
                    throw Failures.refused(host(), attempt, e.getCause());
                }
                backoff(attempt, cancelled);
            }
        }
    }

    /** The connection was refused: nothing reached the server, so the request may be sent again. */
    private static final class RefusedException extends RuntimeException {
        RefusedException(Throwable cause) {
            super(cause);
        }
    }

    private enum Mode { EVENTS, PLAIN_JSON, ERROR }

    private void exchange(String body, ChatStream stream, Runnable grew, BooleanSupplier cancelled) {
        LineQueue lines = new LineQueue();
        AtomicReference<HttpResponse.ResponseInfo> head = new AtomicReference<>();
        HttpRequest req = request(settings.resolve("chat/completions"))
                .header("Content-Type", "application/json")
                .header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        CompletableFuture<HttpResponse<Void>> call = http.sendAsync(req, info -> {
            head.set(info);
            return HttpResponse.BodySubscribers.fromLineSubscriber(lines, s -> null,
                    charset(info.headers().firstValue("Content-Type").orElse("")), null);
        });
        call.whenComplete((r, e) -> {
            if (e != null) {
                lines.failed(e);
            }
        });
        boolean finished = false;
        try {
            read(lines, head, stream, grew, cancelled);
            finished = true;
        } finally {
            if (!finished) {
                lines.cancel();
                call.cancel(true);
            }
        }
    }

    private void read(LineQueue lines, AtomicReference<HttpResponse.ResponseInfo> head, ChatStream stream,
                      Runnable grew, BooleanSupplier cancelled) {
        long last = System.nanoTime();
        boolean anyLine = false;
        Mode mode = null;
        StringBuilder errorBody = new StringBuilder();
        while (true) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("cancelled while " + host() + " answered (" + stream.contentChunks()
                        + " tokens received); the stream was closed");
            }
            LineQueue.Item item;
            try {
                item = lines.poll(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted while " + host() + " answered");
            }
            long now = System.nanoTime();
            if (item == null) {
                Duration quiet = Duration.ofNanos(now - last);
                if (!anyLine && quiet.compareTo(settings.firstByteTimeout()) > 0) {
                    throw Failures.firstByteTimeout(host(), settings.firstByteTimeout());
                }
                if (anyLine && quiet.compareTo(settings.idleTimeout()) > 0) {
                    throw Failures.idleTimeout(host(), settings.idleTimeout(), stream.contentChunks(), stream.content());
                }
                continue;
            }
            last = now;
            if (mode == null && !(item instanceof LineQueue.Broken)) {
                mode = mode(head.get());
            }
            switch (item) {
                case LineQueue.Line l -> {
                    anyLine = true;
                    if (mode == Mode.ERROR) {
                        if (errorBody.length() < ERROR_BODY_CHARS) {
                            errorBody.append(l.text()).append('\n');
                        }
                    } else if (mode == Mode.PLAIN_JSON) {
                        stream.plainLine(l.text());
                    } else if (feed(stream, l.text())) {
                        grew.run();
                    }
                }
                case LineQueue.End e -> {
                    finish(mode, head.get(), errorBody, stream);
                    return;
                }
                case LineQueue.Broken b -> throw broken(b.error(), head.get() != null || anyLine, stream);
            }
        }
    }

    private boolean feed(ChatStream stream, String line) {
        try {
            return stream.line(line);
        } catch (ChatStream.Malformed e) {
            throw Failures.malformed(host(), e.getMessage(), stream.content(), settings.apiKey());
        } catch (ChatStream.ServerError e) {
            throw Failures.errorInStream(host(), e.getMessage(), stream.content(), settings.apiKey());
        }
    }

    private void finish(Mode mode, HttpResponse.ResponseInfo info, StringBuilder errorBody, ChatStream stream) {
        if (mode == Mode.ERROR) {
            throw Failures.http(host(), info.statusCode(), errorText(errorBody.toString()), settings.apiKey());
        }
        try {
            stream.end();
        } catch (ChatStream.Malformed e) {
            throw Failures.malformed(host(), e.getMessage(), stream.content(), settings.apiKey());
        } catch (ChatStream.ServerError e) {
            throw Failures.errorInStream(host(), e.getMessage(), stream.content(), settings.apiKey());
        }
        if (!stream.complete()) {
            if (!stream.sawEvent()) {
                throw Failures.noAnswer(host());
            }
            throw Failures.brokeMidStream(host(), stream.contentChunks(), stream.content(), null);
        }
    }

    private RuntimeException broken(Throwable error, boolean answered, ChatStream stream) {
        Throwable e = Failures.unwrap(error);
        if (!answered && Failures.isRefused(e)) {
            return new RefusedException(e);
        }
        if (!answered && Failures.isConnectTimeout(e)) {
            return Failures.connectTimeout(host(), settings.connectTimeout(), e);
        }
        if (!answered) {
            return Failures.unreachable(host(), e);
        }
        return Failures.brokeMidStream(host(), stream.contentChunks(), stream.content(), e);
    }

    private static Mode mode(HttpResponse.ResponseInfo info) {
        if (info == null || info.statusCode() / 100 != 2) {
            return Mode.ERROR;
        }
        String type = info.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        return type.startsWith("application/json") ? Mode.PLAIN_JSON : Mode.EVENTS;
    }

    /** The server's own message out of an error body (OpenAI's {@code {"error": {"message": …}}} or plain text). */
    static String errorText(String body) {
        String b = body == null ? "" : body.strip();
        if (b.startsWith("{")) {
            try {
                return ChatStream.errorMessage(JSON.readTree(b));
            } catch (IOException e) {
                // not JSON after all: quote it as text
            }
        }
        return b;
    }

    private static Charset charset(String contentType) {
        for (String part : contentType.split(";")) {
            String p = part.strip();
            if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                try {
                    return Charset.forName(p.substring(8).replace("\"", ""));
                } catch (RuntimeException e) {
                    return StandardCharsets.UTF_8;
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    /** Waits before another attempt (0.25 s, 0.5 s, 1 s …), looking at the cancel flag meanwhile. */
    private void backoff(int attempt, BooleanSupplier cancelled) {
        long until = System.nanoTime() + Duration.ofMillis(250L << Math.min(attempt - 1, 4)).toNanos();
        while (System.nanoTime() < until) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("cancelled while waiting to reach " + host() + " again");
            }
            try {
                Thread.sleep(Math.min(POLL_MILLIS, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted while waiting to reach " + host() + " again");
            }
        }
    }
}

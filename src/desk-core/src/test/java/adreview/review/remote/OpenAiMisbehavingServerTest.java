package adreview.review.remote;

import adreview.review.Cancellation;
import adreview.review.ModelUnavailableException;
import adreview.review.RunListener;
import adreview.review.RunPhase;
import adreview.review.RunOutcome;
import adreview.store.Trace;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The remote backend against a local HTTP server that misbehaves in each of the ways a real one can: HTTP 4xx and
 * 5xx, silence before and during the answer, a broken event stream, an answer that is not JSON or out of bounds,
 * a stream cut off, a refused connection, and a redirect elsewhere. Each ends as the spec's failure rules say, with
 * one sentence, on a real PostgreSQL; the API key goes to the configured origin only and into no trace or log.
 */
class OpenAiMisbehavingServerTest {

    static final String KEY = "sk-test-0123456789abcdef";
    static RemoteTestBench bench;
    FakeOpenAiServer server;
    ListAppender<ILoggingEvent> logs;

    @BeforeAll
    static void start() {
        bench = new RemoteTestBench();
    }

    @AfterAll
    static void stop() {
        bench.close();
    }

    @BeforeEach
    void serverAndLogs() {
        server = FakeOpenAiServer.start();
        logs = new ListAppender<>();
        logs.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
    }

    @AfterEach
    void closeAndCheckLogs() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
        server.close();
        for (ILoggingEvent e : logs.list) {
            assertThat(e.getFormattedMessage()).doesNotContain(KEY);
            if (e.getThrowableProxy() != null) {
                assertThat(ThrowableProxyUtil.asString(e.getThrowableProxy())).doesNotContain(KEY);
            }
        }
    }

    OpenAiReviewModel model(Duration firstByte, Duration idle) {
        return new OpenAiReviewModel(RemoteSettings.of(server.endpoint(), null, KEY)
                .withTimeouts(Duration.ofSeconds(2), firstByte, idle));
    }

    OpenAiReviewModel model() {
        return model(Duration.ofSeconds(20), Duration.ofSeconds(20));
    }

    /** A Stage 1 pipeline run that failed: variant failed, one trace with the error and raw text, claim closed. */
    Trace assertFailedRun(UUID v, RunOutcome o, String errorPart) {
        assertThat(o).isInstanceOf(RunOutcome.Failed.class);
        RunOutcome.Failed f = (RunOutcome.Failed) o;
        assertThat(f.error()).contains(errorPart);
        assertThat(f.error()).doesNotContain("\n").doesNotContain(KEY);
        assertThat(bench.db.state(v)).isEqualTo("failed/vlm_analyze");
        assertThat(bench.traces(v)).hasSize(1);
        Trace t = bench.traces(v).get(0);
        assertThat(t.response().get("error").asText()).isEqualTo(f.error());
        assertThat(t.response().get("raw_text").asText()).isEqualTo(f.rawText());
        assertThat(t.request().get("backend").asText()).isEqualTo("openai");
        assertThat(t.request().toString() + t.response()).doesNotContain(KEY);
        assertThat(bench.claim(v)).isEqualTo("failed true");
        return t;
    }

    @Test
    void theRequestCarriesThePromptTheImageAsADataUrlTheSchemaAndTheKeyAndTheTraceRecordsTheServer() throws Exception {
        UUID v = bench.variantWithImage("img_gen", "done", "/assets/r/large.png");
        RunOutcome o = bench.service(model()).run(RemoteTestBench.stage1(v), null, null);

        assertThat(o).isInstanceOf(RunOutcome.Done.class);
        assertThat(bench.db.state(v)).isEqualTo("done/vlm_analyze");
        FakeOpenAiServer.Seen chat = server.seen().stream().filter(s -> s.path().endsWith("/chat/completions")).findFirst().orElseThrow();
        assertThat(chat.path()).isEqualTo("/v1/chat/completions");
        assertThat(chat.header("Authorization")).isEqualTo("Bearer " + KEY);
        var body = adreview.review.result.Results.json().readTree(chat.body());
        assertThat(body.get("model").asText()).isEqualTo("fake-model");
        assertThat(body.get("temperature").asInt()).isZero();
        assertThat(body.get("max_tokens").asInt()).isEqualTo(512);
        assertThat(body.get("stream").asBoolean()).isTrue();
        assertThat(body.at("/stream_options/include_usage").asBoolean()).isTrue();
        assertThat(body.at("/response_format/type").asText()).isEqualTo("json_schema");
        assertThat(body.at("/response_format/json_schema/strict").asBoolean()).isTrue();
        assertThat(body.at("/response_format/json_schema/schema")).isEqualTo(
                adreview.review.structured.AnswerShapes.stage1().toJsonSchema());
        assertThat(body.at("/messages/0/content/0/image_url/url").asText()).startsWith("data:image/png;base64,");
        assertThat(body.at("/messages/0/content/1/text").asText()).contains("Run further in our lightest shoe yet");

        Trace t = bench.traces(v).get(0);
        var req = t.request();
        assertThat(req.get("backend").asText()).isEqualTo("openai");
        assertThat(req.at("/model/id").asText()).isEqualTo("fake-model");
        assertThat(req.at("/model/host").asText()).isEqualTo("127.0.0.1:" + server.port());
        assertThat(req.get("prompt_version").asText()).isEqualTo("stage1-v1");
        assertThat(req.at("/server/usage/completion_tokens").asInt()).isEqualTo(req.get("tokens_generated").asInt()).isPositive();
        assertThat(req.at("/server/timings/prompt_ms").asDouble()).isEqualTo(12.5);
        assertThat(req.at("/server/image_sent/width").asInt()).isEqualTo(1024);
        assertThat(req.at("/server/image_sent/height").asInt()).isEqualTo(512);
        assertThat(req.at("/server/image_sent/original_width").asInt()).isEqualTo(2000);
        assertThat(req.get("stop_reason").asText()).isEqualTo("eos");
        assertThat(req.toString()).doesNotContain(KEY).doesNotContain("base64");
        assertThat(bench.claim(v)).isEqualTo("done true");
    }

    @Test
    void http400GivesTheServersMessageInOneSentence() {
        server.chat(ex -> FakeOpenAiServer.send(ex, 400, "application/json",
                "{\"error\":{\"code\":400,\"message\":\"Failed to load image or audio file\",\"type\":\"invalid_request_error\"}}"));
        UUID v = bench.variant("img_gen", "done", 0);
        Trace t = assertFailedRun(v, bench.service(model()).run(RemoteTestBench.stage1(v), null, null),
                "The inference server at 127.0.0.1:" + server.port() + " answered HTTP 400: Failed to load image or audio file");
        assertThat(t.response().get("raw_text").asText()).isEmpty();
        // A request the server may have seen is never sent again.
        assertThat(server.seen().stream().filter(s -> s.path().endsWith("/chat/completions")).count()).isEqualTo(1);
    }

    @Test
    void http503WithAPlainTextBodyIsShortenedToOneLine() {
        server.chat(ex -> FakeOpenAiServer.send(ex, 503, "text/plain", "upstream overloaded\n" + "x".repeat(5000)));
        UUID v = bench.variant("img_gen", "done", 1);
        RunOutcome.Failed f = (RunOutcome.Failed) bench.service(model()).run(RemoteTestBench.stage1(v), null, null);
        assertFailedRun(v, f, "answered HTTP 503: upstream overloaded x");
        assertThat(f.error().length()).isLessThan(320);
    }

    @Test
    void aRejectedKeyIsNamedButNeverEchoed() {
        server.chat(ex -> FakeOpenAiServer.send(ex, 401, "application/json",
                "{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + "\"}}"));
        UUID v = bench.variant("img_gen", "done", 2);
        RunOutcome.Failed f = (RunOutcome.Failed) bench.service(model()).run(RemoteTestBench.stage1(v), null, null);
        assertFailedRun(v, f, "answered HTTP 401 (check the API key: ADREVIEW_API_KEY or api.key): Incorrect API key provided: ••••");
    }

    @Test
    void aServerSilentBeforeTheAnswerTimesOut() {
        server.chat(ex -> Thread.sleep(5_000));
        UUID v = bench.variant("img_gen", "done", 3);
        assertFailedRun(v, bench.service(model(Duration.ofMillis(500), Duration.ofSeconds(20))).run(RemoteTestBench.stage1(v), null, null),
                "sent nothing for 0.5 s after the request (timed out)");
    }

    @Test
    void aServerSilentInTheMiddleOfTheAnswerTimesOutAndThePartialAnswerIsKept() {
        server.chat(ex -> {
            OutputStream out = FakeOpenAiServer.beginStream(ex);
            FakeOpenAiServer.piece(out, "{\"is_valid\"");
            FakeOpenAiServer.piece(out, ":true");
            Thread.sleep(5_000);
        });
        UUID v = bench.variant("img_gen", "done", 4);
        Trace t = assertFailedRun(v, bench.service(model(Duration.ofSeconds(20), Duration.ofMillis(500))).run(RemoteTestBench.stage1(v), null, null),
                "stopped sending for 0.5 s in the middle of the answer (2 tokens received; timed out)");
        assertThat(t.response().get("raw_text").asText()).isEqualTo("{\"is_valid\":true");
    }

    @Test
    void aMalformedEventStreamFailsTheRun() {
        server.chat(ex -> {
            OutputStream out = FakeOpenAiServer.beginStream(ex);
            FakeOpenAiServer.piece(out, "{\"is_");
            FakeOpenAiServer.event(out, "{not json");
        });
        UUID v = bench.variant("img_gen", "done", 5);
        Trace t = assertFailedRun(v, bench.service(model()).run(RemoteTestBench.stage1(v), null, null),
                "sent a malformed event stream: an event that is not JSON: {not json");
        assertThat(t.response().get("raw_text").asText()).isEqualTo("{\"is_");
    }

    @Test
    void anAnswerThatIsNotJsonFailsWithTheRawTextKept() {
        server.chat(ex -> FakeOpenAiServer.stream(ex, "Hello", 2));
        UUID v = bench.variant("img_gen", "done", 6);
        Trace t = assertFailedRun(v, bench.service(model()).run(RemoteTestBench.stage1(v), null, null), "answer is not valid JSON");
        assertThat(t.response().get("raw_text").asText()).isEqualTo("Hello");
    }

    @Test
    void aNumberOutOfBoundsIsAFailedRunWithTheRawTextKept() {
        String answer = FakeOpenAiServer.STAGE1_SHORTEST.replace("\"relevance_score\":0", "\"relevance_score\":1.5");
        server.chat(ex -> FakeOpenAiServer.stream(ex, answer, 10));
        UUID v = bench.variant("img_gen", "done", 7);
        Trace t = assertFailedRun(v, bench.service(model()).run(RemoteTestBench.stage1(v), null, null),
                "relevance_score must be within 0.0-1.0, got 1.5");
        assertThat(t.response().get("raw_text").asText()).isEqualTo(answer);
    }

    @Test
    void aStreamCutOffBeforeItsEndFailsTheRun() {
        server.chat(ex -> {
            OutputStream out = FakeOpenAiServer.beginStream(ex);
            FakeOpenAiServer.piece(out, "{\"is_valid\"");
            FakeOpenAiServer.piece(out, ":true,");
            FakeOpenAiServer.piece(out, "\"image");
        }); // the body ends without finish_reason or [DONE]
        UUID v = bench.variant("img_gen", "done", 8);
        Trace t = assertFailedRun(v, bench.service(model()).run(RemoteTestBench.stage1(v), null, null),
                "closed the stream in the middle of the answer (3 tokens received)");
        assertThat(t.response().get("raw_text").asText()).isEqualTo("{\"is_valid\":true,\"image");
    }

    @Test
    void anErrorEventInTheStreamIsTheServersSentence() {
        server.chat(ex -> {
            OutputStream out = FakeOpenAiServer.beginStream(ex);
            FakeOpenAiServer.piece(out, "{");
            FakeOpenAiServer.event(out, "{\"error\":{\"code\":500,\"message\":\"slot 0 crashed\"}}");
        });
        UUID v = bench.variant("img_gen", "done", 9);
        assertFailedRun(v, bench.service(model()).run(RemoteTestBench.stage1(v), null, null),
                "reported an error in the middle of the answer: slot 0 crashed");
    }

    @Test
    void aServerThatIsNotThereRefusesTheRunBeforeAnythingIsWritten() {
        server.close();
        UUID v = bench.variant("img_gen", "done", 10);
        OpenAiReviewModel m = new OpenAiReviewModel(RemoteSettings.of(server.endpoint(), null, KEY));
        assertThatThrownBy(() -> bench.service(m).run(RemoteTestBench.stage1(v), null, null))
                .isInstanceOf(ModelUnavailableException.class)
                .hasMessageContaining("refused the connection (3 attempts)").hasMessageContaining("nothing was changed");
        assertThat(bench.db.state(v)).isEqualTo("done/img_gen");
        assertThat(bench.traces(v)).isEmpty();
        assertThat(bench.claimCount(v)).isZero();
    }

    @Test
    void aServerGoneBetweenPrepareAndTheRequestIsTriedAgainThenFailsTheRun() {
        UUID v = bench.variant("img_gen", "done", 11);
        RunListener stopServerBeforeTheRequest = new RunListener() {
            @Override
            public void phase(RunPhase phase, double fraction, String detail) {
                if (phase == RunPhase.READING_PROMPT) {
                    server.close();
                }
            }
        };
        assertFailedRun(v, bench.service(model()).run(RemoteTestBench.stage1(v), stopServerBeforeTheRequest, null),
                "refused the connection (3 attempts): start it or check ADREVIEW_ENDPOINT / --endpoint");
    }

    @Test
    void theKeyGoesToTheConfiguredOriginOnlyAndARedirectIsNotFollowed() {
        try (FakeOpenAiServer elsewhere = FakeOpenAiServer.start()) {
            server.chat(ex -> {
                ex.getResponseHeaders().set("Location", elsewhere.endpoint() + "/chat/completions");
                ex.sendResponseHeaders(307, -1);
            });
            UUID v = bench.variant("img_gen", "done", 0);
            assertFailedRun(v, bench.service(model()).run(RemoteTestBench.stage1(v), null, null), "answered HTTP 307");
            assertThat(server.seen()).isNotEmpty().allSatisfy(s -> assertThat(s.header("Authorization")).isEqualTo("Bearer " + KEY));
            assertThat(elsewhere.seen()).isEmpty();
        }
        // A request to any other origin never gets the key, whatever builds it.
        ServerClient client = new ServerClient(RemoteSettings.of(server.endpoint(), null, KEY));
        assertThat(client.request(java.net.URI.create("http://127.0.0.1:" + (server.port() + 1) + "/v1/models")).build()
                .headers().firstValue("Authorization")).isEmpty();
        assertThat(client.request(java.net.URI.create(server.endpoint() + "/models")).build()
                .headers().firstValue("Authorization")).contains("Bearer " + KEY);
    }

    @Test
    void escClosesTheStreamAndPutsTheVariantBack() throws Exception {
        CountDownLatch clientGone = new CountDownLatch(1);
        AtomicInteger sent = new AtomicInteger();
        server.chat(ex -> {
            OutputStream out = FakeOpenAiServer.beginStream(ex);
            try {
                for (int i = 0; i < 600; i++) { // a minute of answer, unless the client goes
                    FakeOpenAiServer.piece(out, "x");
                    sent.incrementAndGet();
                    Thread.sleep(100);
                }
            } catch (IOException e) {
                clientGone.countDown();
            }
        });
        UUID v = bench.variant("img_gen", "done", 1);
        AtomicBoolean esc = new AtomicBoolean();
        RunListener pressEscAtTheThirdToken = new RunListener() {
            @Override
            public void token(int n, int max, String textSoFar) {
                if (n == 3) {
                    esc.set(true);
                }
            }
        };
        RunOutcome o = bench.service(model()).run(RemoteTestBench.stage1(v), pressEscAtTheThirdToken, Cancellation.restoring(esc::get));

        assertThat(o).isInstanceOf(RunOutcome.Cancelled.class);
        assertThat(bench.db.state(v)).isEqualTo("done/img_gen");
        Trace t = bench.traces(v).get(0);
        assertThat(t.response().get("cancelled").asBoolean()).isTrue();
        assertThat(t.response().get("raw_text").asText()).startsWith("xxx");
        assertThat(bench.claim(v)).isEqualTo("restored true");
        // The server notices: its next write fails because the client closed the connection.
        assertThat(clientGone.await(20, TimeUnit.SECONDS)).isTrue();
        assertThat(sent.get()).isLessThan(600);
    }
}

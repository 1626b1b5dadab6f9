package adreview.review.remote;

import adreview.review.Cancellation;
import adreview.review.CancellationGroup;
import adreview.review.RunListener;
import adreview.review.RunOutcome;
import adreview.review.RunRequest;
import adreview.review.batch.BatchReport;
import adreview.review.batch.BatchResult;
import adreview.review.batch.BatchRunner;
import adreview.review.prompt.Prompt;
import adreview.review.result.Stage1Result;
import adreview.review.result.Stage2Result;
import adreview.store.Trace;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The remote backend against a real {@code llama-server} (llama.cpp, the llamakit's tiny random-weight LLaVA-1.5) and
 * a real PostgreSQL: pipeline Stage 1 and Stage 2, a re-judge, a streamed run cancelled midway, a batch of 8 at
 * concurrency 4, and the server killed in the middle of an answer. The tiny model writes the shortest document each
 * schema allows, which the strict parser accepts.
 */
@ExtendWith(LlamaKit.class)
class LlamaServerBackendTest {

    static final String KEY = "sk-llamakit-test-key";
    static RemoteTestBench bench;
    static LlamaServer server;
    static OpenAiReviewModel model;

    @BeforeAll
    static void start() {
        bench = new RemoteTestBench();
        server = LlamaServer.start(4, Path.of("target", "llama-server"));
        // llama-server without --api-key ignores the header; it is sent all the same, and must not reach a trace.
        model = new OpenAiReviewModel(RemoteSettings.of(server.endpoint(), null, KEY));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (bench != null) {
            bench.close();
        }
    }

    @Test
    void stage1PipelineRunIsDoneWithTheServersProvenanceInTheTrace() {
        UUID v = bench.variant("img_gen", "done", 0);
        List<Integer> tokens = new ArrayList<>();
        RunOutcome o = bench.service(model).run(RemoteTestBench.stage1(v), new RunListener() {
            @Override
            public void token(int n, int max, String textSoFar) {
                tokens.add(n);
            }
        }, null);

        assertThat(o).isInstanceOf(RunOutcome.Done.class);
        Stage1Result r = (Stage1Result) ((RunOutcome.Done) o).result();
        assertThat(r.relevanceScore()).isBetween(0.0, 1.0);
        assertThat(r.font()).isNotNull();
        assertThat(tokens).hasSizeGreaterThan(10); // streamed, token by token
        assertThat(bench.db.state(v)).isEqualTo("done/vlm_analyze");
        assertThat(bench.claim(v)).isEqualTo("done true");
        Trace t = bench.traces(v).get(0);
        JsonNode req = t.request();
        assertThat(t.provider()).isEqualTo("llava");
        assertThat(req.get("backend").asText()).isEqualTo("openai");
        assertThat(req.at("/model/id").asText()).isEqualTo(LlamaServer.ALIAS);
        assertThat(req.at("/model/host").asText()).isEqualTo("127.0.0.1:" + server.port());
        assertThat(req.get("prompt_version").asText()).isEqualTo("stage1-v1");
        assertThat(req.get("schema_version").asText()).isEqualTo("stage1-schema-v1");
        assertThat(req.at("/server/model").asText()).isEqualTo(LlamaServer.ALIAS);
        assertThat(req.at("/server/usage/prompt_tokens").asInt()).isGreaterThan(576); // the image alone is 576
        assertThat(req.at("/server/usage/completion_tokens").asInt()).isEqualTo(req.get("tokens_generated").asInt());
        assertThat(req.at("/server/timings/predicted_ms").isNumber()).isTrue();
        assertThat(req.get("stop_reason").asText()).isEqualTo("eos");
        assertThat(req.toString() + t.response()).doesNotContain(KEY);
        assertThat(t.response().get("relevance_score").isNumber()).isTrue();
    }

    @Test
    void stage2PipelineRunIsDone() {
        UUID v = bench.variant("overlay", "done", 1);
        RunOutcome o = bench.service(model).run(RemoteTestBench.stage2(v), null, null);

        assertThat(o).isInstanceOf(RunOutcome.Done.class);
        assertThat(((RunOutcome.Done) o).result()).isInstanceOf(Stage2Result.class);
        assertThat(bench.db.state(v)).isEqualTo("done/vlm_judge");
        Trace t = bench.traces(v).get(0);
        assertThat(t.operationType()).isEqualTo("judge");
        assertThat(t.request().get("prompt_version").asText()).isEqualTo("stage2-v1");
        assertThat(t.request().get("render_asset_url").asText()).isEqualTo("/assets/r/render.png");
    }

    @Test
    void aRejudgeStoresATraceAndLeavesTheVariantAlone() {
        UUID v = bench.variant("ocr_eval", "running", 2);
        RunOutcome o = bench.service(model).run(RunRequest.rejudge(Prompt.Stage.STAGE1, v, "qa", "compare with local"), null, null);

        assertThat(o).isInstanceOf(RunOutcome.Done.class);
        assertThat(bench.db.state(v)).isEqualTo("running/ocr_eval");
        assertThat(bench.claimCount(v)).isZero();
        Trace t = bench.traces(v).get(0);
        assertThat(t.request().get("rejudge").asBoolean()).isTrue();
        assertThat(t.request().get("reason").asText()).isEqualTo("compare with local");
        assertThat(t.request().get("backend").asText()).isEqualTo("openai");
    }

    @Test
    void aStreamedRunCancelledMidwayPutsTheVariantBackAndKeepsThePartialAnswer() {
        UUID v = bench.variant("img_gen", "done", 3);
        AtomicBoolean esc = new AtomicBoolean();
        RunOutcome o = bench.service(model).run(RemoteTestBench.stage1(v), new RunListener() {
            @Override
            public void token(int n, int max, String textSoFar) {
                if (n == 5) {
                    esc.set(true);
                }
            }
        }, Cancellation.restoring(esc::get));

        assertThat(o).isInstanceOf(RunOutcome.Cancelled.class);
        assertThat(bench.db.state(v)).isEqualTo("done/img_gen");
        assertThat(bench.claim(v)).isEqualTo("restored true");
        Trace t = bench.traces(v).get(0);
        assertThat(t.response().get("cancelled").asBoolean()).isTrue();
        String partial = t.response().get("raw_text").asText();
        assertThat(partial).startsWith("{").doesNotEndWith("}");
        // The server is still well after a client went away mid-answer.
        assertThat(bench.service(model).run(RemoteTestBench.stage1(bench.variant("img_gen", "done", 4)), null, null))
                .isInstanceOf(RunOutcome.Done.class);
    }

    @Test
    void aBatchOfEightRunsFourAtATimeEachWithItsOwnClaim() {
        List<UUID> variants = new ArrayList<>();
        List<RunRequest> requests = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            UUID v = bench.variant("img_gen", "done", 4 + i);
            variants.add(v);
            requests.add(RemoteTestBench.stage1(v));
        }
        long t0 = System.nanoTime();
        List<BatchResult> results = new BatchRunner(bench.service(model), 4).run(requests, new CancellationGroup(), null);
        BatchReport report = BatchReport.of(results, 4, (System.nanoTime() - t0) / 1_000_000);
        System.out.println("llama-server batch: " + report.line());

        assertThat(results).extracting(BatchResult::kind).containsOnly(BatchResult.Kind.DONE);
        for (UUID v : variants) {
            assertThat(bench.db.state(v)).isEqualTo("done/vlm_analyze");
            assertThat(bench.claim(v)).isEqualTo("done true");
            assertThat(bench.traces(v)).hasSize(1);
        }
        assertThat(report.count(BatchResult.Kind.DONE)).isEqualTo(8);
    }

    @Test
    void theServerKilledInTheMiddleOfAnAnswerFailsTheRunWithATraceAndClosesTheClaim() {
        try (LlamaServer doomed = LlamaServer.start(1, Path.of("target", "llama-server"))) {
            OpenAiReviewModel m = new OpenAiReviewModel(RemoteSettings.of(doomed.endpoint(), null, null));
            UUID v = bench.variant("img_gen", "done", 5);
            RunOutcome o = bench.service(m).run(RemoteTestBench.stage1(v), new RunListener() {
                @Override
                public void token(int n, int max, String textSoFar) {
                    if (n == 3) {
                        doomed.kill();
                    }
                }
            }, null);

            assertThat(o).isInstanceOf(RunOutcome.Failed.class);
            RunOutcome.Failed f = (RunOutcome.Failed) o;
            assertThat(f.error()).startsWith("The inference server at 127.0.0.1:" + doomed.port()
                    + " closed the stream in the middle of the answer (");
            assertThat(f.rawText()).startsWith("{");
            assertThat(bench.db.state(v)).isEqualTo("failed/vlm_analyze");
            assertThat(bench.claim(v)).isEqualTo("failed true");
            Trace t = bench.traces(v).get(0);
            assertThat(t.response().get("error").asText()).isEqualTo(f.error());
            assertThat(t.response().get("raw_text").asText()).isEqualTo(f.rawText());
        }
    }
}

package adreview.review;

import adreview.review.prompt.Prompt;
import adreview.review.prompt.PromptLibrary;
import adreview.store.AdCopyResolver;
import adreview.store.AssetResolver;
import adreview.store.ProcessIdentity;
import adreview.store.RenderResolver;
import adreview.store.RunClaims;
import adreview.store.RunRecovery;
import adreview.store.Trace;
import adreview.store.TraceRepository;
import adreview.store.VariantRepository;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pipeline's state survives whatever happens during a run, on a real PostgreSQL: the variant moved by
 * someone else (no lost update, the trace kept as superseded), an {@code OutOfMemoryError} from the model,
 * a NUL in the answer, a run stopped by the process ending, the heartbeat, and the recovery rules for dead
 * claims (this host's dead process, another host's expired heartbeat, the pipeline's own running).
 */
class RunIntegrityTest {

    static ReviewTestDatabase db;
    static Path assets;
    static RunClaims claims;

    @BeforeAll
    static void start() throws Exception {
        db = ReviewTestDatabase.start();
        assets = db.dir().resolve("assets");
        Files.createDirectories(assets.resolve("i"));
        ImageIO.write(new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB), "png", assets.resolve("i/image.png").toFile());
        ImageIO.write(new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB), "png", assets.resolve("i/render.png").toFile());
        Files.writeString(assets.resolve("i/corrupt.png"), "\u0089PNG but not really");
        // A fast heartbeat, so that a test sees it move within a second.
        claims = new RunClaims(db.database(), ProcessIdentity.current(), Duration.ofMillis(200), Duration.ofSeconds(5));
    }

    @AfterAll
    static void stop() {
        claims.close();
        db.close();
    }

    static ReviewService service(ReviewModel model) {
        return service(model, claims);
    }

    static ReviewService service(ReviewModel model, RunClaims runClaims) {
        return new ReviewService(db.database(), new VariantRepository(db.database()), new TraceRepository(db.database()),
                new AdCopyResolver(db.database()), new RenderResolver(db.database()), new AssetResolver(assets),
                new PromptLibrary(), model, null, runClaims);
    }

    static UUID variant(String step, String status) {
        return variant(step, status, "/assets/i/image.png");
    }

    static UUID variant(String step, String status, String imageUrl) {
        UUID job = db.insertJob("Running shoes, 30% off");
        return db.insertVariant(job, db.insertAsset(imageUrl), db.insertAsset("/assets/i/render.png"), step, status);
    }

    static RunRequest pipeline(int stage, UUID v) {
        return RunRequest.pipeline(stage == 1 ? Prompt.Stage.STAGE1 : Prompt.Stage.STAGE2, v).withConstrained(false);
    }

    static List<Trace> traces(UUID v) {
        return new TraceRepository(db.database()).forVariant(v);
    }

    static String claim(UUID v, String columns) {
        return db.query("SELECT " + columns + " FROM desk_runs WHERE job_variants_id = ? ORDER BY started_at DESC LIMIT 1", v);
    }

    @Test
    void aStepMovedByThePipelineDuringTheRunIsNotOverwritten() {
        UUID v = variant("overlay", "done");
        ScriptedModel model = ScriptedModel.fast().onPiece(n -> {
            if (n == 3) { // the pipeline moves on while the desk's model writes
                db.exec("UPDATE jobs_variants SET current_step = 'ocr_eval', status = 'running' WHERE job_variants_id = ?", v);
            }
        });
        RunOutcome o = service(model).run(pipeline(2, v), null, null);

        assertThat(o).isInstanceOf(RunOutcome.Superseded.class);
        RunOutcome.Superseded s = (RunOutcome.Superseded) o;
        assertThat(s.foundStep()).isEqualTo("ocr_eval");
        assertThat(s.message()).contains("superseded").contains("ocr_eval/running");
        assertThat(db.state(v)).isEqualTo("running/ocr_eval"); // no lost update
        Trace t = traces(v).get(0);
        assertThat(t.traceId()).isEqualTo(s.trace().traceId());
        assertThat(t.response().at("/superseded/found_step").asText()).isEqualTo("ocr_eval");
        assertThat(t.response().at("/superseded/found_status").asText()).isEqualTo("running");
        assertThat(t.response().get("on_brief").asBoolean()).isTrue(); // the answer itself is kept
        assertThat(claim(v, "outcome || ' ' || (finished_at IS NOT NULL)")).isEqualTo("superseded true");
        // A superseded trace is not the pipeline's result in the list.
        assertThat(new VariantRepository(db.database()).findRow(v).orElseThrow().stage2Verdict()).isNull();
    }

    @Test
    void aStage2EndingAfterTheVariantWentBackToStage1DoesNotLandAsStage1Done() {
        UUID v = variant("overlay", "done");
        ScriptedModel model = ScriptedModel.fast().onPiece(n -> {
            if (n == 2) {
                db.exec("UPDATE jobs_variants SET current_step = 'vlm_analyze', status = 'running' WHERE job_variants_id = ?", v);
            }
        });
        assertThat(service(model).run(pipeline(2, v), null, null)).isInstanceOf(RunOutcome.Superseded.class);
        assertThat(db.state(v)).isEqualTo("running/vlm_analyze");
    }

    @Test
    void anOutOfMemoryErrorFromTheModelEndsAsAFailedTraceWithThePartialAnswer() {
        UUID v = variant("img_gen", "done");
        ScriptedModel model = ScriptedModel.fast().throwing(4, () -> new OutOfMemoryError("Java heap space (test)"));
        RunOutcome o = service(model).run(pipeline(1, v), null, null);

        assertThat(o).isInstanceOf(RunOutcome.Failed.class);
        RunOutcome.Failed f = (RunOutcome.Failed) o;
        assertThat(f.error()).contains("OutOfMemoryError").contains("Java heap space (test)");
        assertThat(f.rawText()).isEqualTo(ScriptedModel.STAGE1_ANSWER.substring(0, 24));
        assertThat(db.state(v)).isEqualTo("failed/vlm_analyze");
        Trace t = traces(v).get(0);
        assertThat(t.response().get("raw_text").asText()).isEqualTo(f.rawText());
        assertThat(claim(v, "outcome")).isEqualTo("failed");
    }

    @Test
    void aStackOverflowErrorFailsTheRunToo() {
        UUID v = variant("vlm_analyze", "queued");
        RunOutcome o = service(ScriptedModel.fast().throwing(1, StackOverflowError::new)).run(pipeline(1, v), null, null);
        assertThat(((RunOutcome.Failed) o).error()).contains("StackOverflowError");
        assertThat(db.state(v)).isEqualTo("failed/vlm_analyze");
    }

    @Test
    void imageDataThatDoesNotDecodeFailsTheRun() {
        UUID v = variant("img_gen", "done", "/assets/i/corrupt.png");
        RunOutcome o = service(ScriptedModel.fast()).run(pipeline(1, v), null, null);
        assertThat(((RunOutcome.Failed) o).error()).contains("Cannot decode image");
        assertThat(db.state(v)).isEqualTo("failed/vlm_analyze");
        assertThat(traces(v)).hasSize(1);
    }

    @Test
    void aNulCharacterInTheAnswerIsEscapedSoTheTraceIsStored() {
        String answer = "{\"is_valid\": true, \"image_quality_ok\": true, \"relevance_score\": 0.5, "
                + "\"analysis\": \"bad\\u0000byte\", \"issues\": [], \"recommendations\": []}";
        UUID v = variant("img_gen", "done");
        RunOutcome o = service(ScriptedModel.answering(answer)).run(pipeline(1, v), null, null);
        assertThat(o).isInstanceOf(RunOutcome.Done.class);
        Trace t = traces(v).get(0);
        assertThat(t.response().get("analysis").asText()).isEqualTo("bad\\u0000byte");
        assertThat(db.state(v)).isEqualTo("done/vlm_analyze");

        // Unparseable text with a NUL: the failed trace keeps it, escaped.
        UUID w = variant("img_gen", "done");
        RunOutcome f = service(ScriptedModel.answering("no json \u0000 here")).run(pipeline(1, w), null, null);
        assertThat(f).isInstanceOf(RunOutcome.Failed.class);
        assertThat(traces(w).get(0).response().get("raw_text").asText()).isEqualTo("no json \\u0000 here");
        assertThat(db.state(w)).isEqualTo("failed/vlm_analyze");
    }

    @Test
    void aRunStoppedBecauseTheProcessEndsIsRecordedFailedWithItsPartialAnswer() {
        UUID v = variant("vlm_judge", "failed");
        Cancellation stop = Cancellation.manual();
        ScriptedModel model = ScriptedModel.fast().onPiece(n -> {
            if (n == 5) {
                stop.cancel(Cancellation.Effect.FAIL, "SIGTERM received");
            }
        });
        RunOutcome o = service(model).run(pipeline(2, v), null, stop);

        assertThat(o).isInstanceOf(RunOutcome.Failed.class);
        assertThat(db.state(v)).isEqualTo("failed/vlm_judge");
        JsonNode response = traces(v).get(0).response();
        assertThat(response.get("cancelled").asBoolean()).isTrue();
        assertThat(response.get("error").asText()).isEqualTo("cancelled: SIGTERM received");
        assertThat(response.get("raw_text").asText()).isEqualTo(ScriptedModel.STAGE2_ANSWER.substring(0, 40));
        assertThat(claim(v, "outcome")).isEqualTo("cancelled");
    }

    @Test
    void abandoningARunThatDoesNotStopRecordsItAtOnce() throws Exception {
        UUID v = variant("img_gen", "done");
        Cancellation stop = Cancellation.manual();
        java.util.concurrent.CountDownLatch writing = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        ScriptedModel model = ScriptedModel.fast().onPiece(n -> {
            if (n == 2) {
                writing.countDown();
                try {
                    release.await(); // a model stuck in one step: polls nothing
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        AtomicReference<RunOutcome> result = new AtomicReference<>();
        Thread run = new Thread(() -> result.set(service(model).run(pipeline(1, v), null, stop)));
        run.start();
        writing.await();
        stop.cancel(Cancellation.Effect.FAIL, "SIGINT (Ctrl-C) received");
        stop.abandon();
        // Recorded while the model is still stuck.
        assertThat(db.state(v)).isEqualTo("failed/vlm_analyze");
        assertThat(traces(v)).singleElement().satisfies(t -> assertThat(t.response().get("raw_text").asText())
                .isEqualTo(ScriptedModel.STAGE1_ANSWER.substring(0, 16)));
        release.countDown();
        run.join(10_000);
        // The run's own end finds it written: one trace, and the outcome of the abandon.
        assertThat(result.get()).isInstanceOf(RunOutcome.Failed.class);
        assertThat(traces(v)).hasSize(1);
        assertThat(claim(v, "outcome")).isEqualTo("cancelled");
    }

    @Test
    void aLiveRunKeepsItsHeartbeatAndSavesItsAnswerSoFar() throws Exception {
        UUID v = variant("img_gen", "done");
        AtomicReference<String> seen = new AtomicReference<>();
        ScriptedModel model = ScriptedModel.slow(60).onPiece(n -> {
            if (n == 12) {
                seen.set(claim(v, "(heartbeat_at > started_at) || ' ' || coalesce(length(partial_text), 0)"));
            }
        });
        service(model).run(pipeline(1, v), null, null);
        // After ~0.7 s of a 200 ms heartbeat: refreshed, and the partial answer saved.
        String[] parts = seen.get().split(" ");
        assertThat(parts[0]).isEqualTo("true");
        assertThat(Integer.parseInt(parts[1])).isGreaterThan(0);
        assertThat(claim(v, "outcome")).isEqualTo("done");
    }

    @Test
    void deadClaimsAreRecoveredAndLiveOnesAndThePipelinesOwnRunningAreLeftAlone() throws Exception {
        long deadPid = deadPid();
        String host = ProcessIdentity.current().host();
        // 1. this host, process gone: recovered at once.
        UUID dead = variant("vlm_analyze", "running");
        UUID deadRun = insertClaim(dead, 1, "vlm_analyze", host, deadPid, "0 seconds", "{\"is_valid\": tr");
        // 2. another host, fresh heartbeat: its owner may still be working.
        UUID fresh = variant("vlm_judge", "running");
        insertClaim(fresh, 2, "vlm_judge", "other-host", 4242, "10 seconds", "");
        // 3. another host, heartbeat 3 minutes old: expired.
        UUID expired = variant("vlm_judge", "running");
        insertClaim(expired, 2, "vlm_judge", "other-host", 4243, "3 minutes", "");
        // 4. running set by the pipeline's own service: no claim, never touched.
        UUID pipelines = variant("yolo_detect", "running");
        // 5. this host, process gone, but the variant moved on meanwhile: claim closed, variant left alone.
        UUID moved = variant("ocr_eval", "queued");
        insertClaim(moved, 2, "vlm_judge", host, deadPid, "0 seconds", "");
        // 6. a claim naming this very process that is not live here (a reused pid).
        UUID reused = variant("vlm_analyze", "running");
        insertClaim(reused, 1, "vlm_analyze", host, ProcessHandle.current().pid(), "0 seconds", "");

        List<RunRecovery.Recovered> recovered = new RunRecovery(db.database()).recoverDead();

        assertThat(recovered).extracting(r -> r.claim().variantId())
                .containsExactlyInAnyOrder(dead, expired, moved, reused);
        assertThat(db.state(dead)).isEqualTo("failed/vlm_analyze");
        assertThat(db.state(expired)).isEqualTo("failed/vlm_judge");
        assertThat(db.state(reused)).isEqualTo("failed/vlm_analyze");
        assertThat(db.state(fresh)).isEqualTo("running/vlm_judge");
        assertThat(db.state(pipelines)).isEqualTo("running/yolo_detect");
        assertThat(db.state(moved)).isEqualTo("queued/ocr_eval");

        JsonNode r1 = traces(dead).get(0).response();
        assertThat(r1.get("interrupted").asBoolean()).isTrue();
        assertThat(r1.get("reason").asText()).isEqualTo("process_ended");
        assertThat(r1.get("error").asText()).startsWith("interrupted: the process that ran it ended");
        assertThat(r1.get("raw_text").asText()).isEqualTo("{\"is_valid\": tr"); // as of the last heartbeat
        assertThat(traces(dead).get(0).request().get("run_id").asText()).isEqualTo(deadRun.toString());
        assertThat(traces(expired).get(0).response().get("reason").asText()).isEqualTo("heartbeat_expired");
        assertThat(traces(moved).get(0).response().at("/superseded/found_step").asText()).isEqualTo("ocr_eval");
        assertThat(traces(fresh)).isEmpty();
        assertThat(traces(pipelines)).isEmpty();
        assertThat(claim(dead, "outcome")).isEqualTo("recovered");
        assertThat(claim(fresh, "coalesce(outcome, 'open')")).isEqualTo("open");

        // Nothing left to recover the second time; a new pipeline run on the recovered variant succeeds.
        assertThat(new RunRecovery(db.database()).recoverDead()).isEmpty();
        assertThat(service(ScriptedModel.fast()).run(pipeline(1, dead), null, null)).isInstanceOf(RunOutcome.Done.class);
        assertThat(db.state(dead)).isEqualTo("done/vlm_analyze");
    }

    @Test
    void aRunWhoseClaimWasRecoveredMeanwhileIsSupersededAndLeavesTheRecoveryAlone() {
        UUID v = variant("img_gen", "done");
        // Another host's desk that thinks this claim's heartbeat has expired (as after a 2-minute pause).
        RunRecovery impatient = new RunRecovery(db.database(), new ProcessIdentity("elsewhere", 1), Duration.ZERO);
        ScriptedModel model = ScriptedModel.fast().onPiece(n -> {
            if (n == 3) {
                db.exec("UPDATE desk_runs SET heartbeat_at = now() - interval '1 hour' WHERE job_variants_id = ?", v);
                assertThat(impatient.recoverDead()).hasSize(1);
            }
        });
        // No heartbeat during this run: the simulated pause must not be refreshed away.
        RunOutcome o;
        try (RunClaims paused = new RunClaims(db.database(), ProcessIdentity.current(), Duration.ofHours(1),
                Duration.ofSeconds(5))) {
            o = service(model, paused).run(pipeline(1, v), null, null);
        }

        assertThat(o).isInstanceOf(RunOutcome.Superseded.class);
        assertThat(db.state(v)).isEqualTo("failed/vlm_analyze"); // the recovery's, not overwritten by done
        assertThat(traces(v)).hasSize(2);
        assertThat(traces(v)).anySatisfy(t -> assertThat(t.response().path("interrupted").asBoolean()).isTrue());
        assertThat(traces(v)).anySatisfy(t -> assertThat(t.response().at("/superseded/claim").asText())
                .contains("recovered"));
        assertThat(claim(v, "outcome")).isEqualTo("recovered");
    }

    @Test
    void theNewestOverlayLayoutIsJudgedAndNamedInTheTrace() {
        UUID job = db.insertJob("Layouts");
        UUID v = db.insertVariant(job, db.insertAsset("/assets/i/image.png"), null, "overlay", "done");
        UUID older = UUID.fromString("ffffffff-0000-0000-0000-000000000001");
        UUID newer = UUID.fromString("00000000-0000-0000-0000-000000000002");
        db.exec("INSERT INTO overlay_layouts (overlay_id, job_variants_id, layout, created_at) VALUES "
                + "(?, ?, '{\"render\": {\"url\": \"/assets/i/missing-old.png\"}}', now() - interval '1 day')", older, v);
        db.exec("INSERT INTO overlay_layouts (overlay_id, job_variants_id, layout, created_at) VALUES "
                + "(?, ?, '{\"render\": {\"url\": \"/assets/i/render.png\"}}', now())", newer, v);
        RunOutcome o = service(ScriptedModel.fast()).run(pipeline(2, v), null, null);
        assertThat(o).isInstanceOf(RunOutcome.Done.class);
        JsonNode request = traces(v).get(0).request();
        assertThat(request.get("overlay_id").asText()).isEqualTo(newer.toString());
        assertThat(request.get("render_asset_url").asText()).isEqualTo("/assets/i/render.png");
        assertThat(new VariantRepository(db.database()).findRow(v).orElseThrow().renderUrl()).isEqualTo("/assets/i/render.png");
    }

    /** A pid that belonged to a process of this machine which has ended. */
    static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }

    static UUID insertClaim(UUID variant, int stage, String step, String host, long pid, String heartbeatAge,
                            String partial) {
        UUID run = UUID.randomUUID();
        String job = db.query("SELECT job_id::text FROM jobs_variants WHERE job_variants_id = ?", variant);
        db.exec("INSERT INTO desk_runs (run_id, job_variants_id, job_id, stage, expected_step, from_step, from_status, "
                        + "host, pid, started_at, heartbeat_at, request, partial_text) VALUES (?, ?, ?::uuid, ?, ?, 'img_gen', "
                        + "'done', ?, ?, now() - interval '1 hour', now() - ?::interval, '{\"prompt\": \"p\"}', ?)",
                run, variant, job, stage, step, host, pid, heartbeatAge, partial);
        return run;
    }
}

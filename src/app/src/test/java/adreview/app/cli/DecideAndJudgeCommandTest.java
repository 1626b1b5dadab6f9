package adreview.app.cli;

import adreview.app.Main;
import adreview.review.ReviewTestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The CLI's decide and judge commands against a real embedded PostgreSQL. */
class DecideAndJudgeCommandTest {

    static ReviewTestDatabase db;

    @BeforeAll
    static void start() {
        db = ReviewTestDatabase.start();
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    static CliRun cli(String... args) {
        return CliRun.against(db, args);
    }

    static CliRun cli(CommandLine cl, String... args) {
        return CliRun.against(cl, db, args);
    }

    @Test
    void decideStoresADecisionAndPrintsIt() {
        UUID v = db.insertVariant(db.insertJob("brief"), db.insertAsset("/assets/t/a.png"), null, "ocr_eval", "done");
        CliRun r = cli("decide", "--variant", v.toString(), "--verdict", "fix", "--comment", "CTA too small", "--reviewer", "mina");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Needs fix recorded for variant " + v + " by mina: CTA too small");
        assertThat(db.query("SELECT verdict || '|' || comment || '|' || reviewer FROM reviewer_decisions WHERE job_variants_id = ?", v))
                .isEqualTo("fix|CTA too small|mina");

        CliRun json = cli("decide", "--variant", v.toString(), "--verdict", "ACCEPT", "--json");
        assertThat(json.code()).isZero();
        assertThat(json.out()).contains("\"verdict\" : \"accept\"");
        assertThat(db.count("reviewer_decisions", "job_variants_id = ?", v)).isEqualTo(2);
    }

    @Test
    void decideRefusesBadInputWithOneLine() {
        CliRun bad = cli("decide", "--variant", UUID.randomUUID().toString(), "--verdict", "maybe");
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err().strip()).startsWith("error: Unknown verdict 'maybe'").doesNotContain("\n");
        UUID missing = UUID.randomUUID();
        CliRun unknown = cli("decide", "--variant", missing.toString(), "--verdict", "reject");
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err()).contains(missing.toString()).contains("not found");
        CliRun notUuid = cli("decide", "--variant", "abc", "--verdict", "reject");
        assertThat(notUuid.err()).contains("'abc' is not a variant id");
    }

    @Test
    void judgeWithoutAUsableModelIsRefusedWithOneLineAndChangesNothing() throws Exception {
        java.nio.file.Path image = db.dir().resolve("assets/t/a.png");
        java.nio.file.Files.createDirectories(image.getParent());
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB),
                "png", image.toFile());
        UUID v = db.insertVariant(db.insertJob("brief"), db.insertAsset("/assets/t/a.png"), null, "img_gen", "done");
        CliRun r = cli("judge", "--stage", "1", "--variant", v.toString(), "--model-dir", db.dir().resolve("no-model").toString());
        // No model here is this machine's problem: refused (2), the variant untouched.
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("refused:").contains("no-model").doesNotContain("\n");
        assertThat(db.state(v)).isEqualTo("done/img_gen");
        assertThat(db.count("vlm_traces", "job_variants_id = ?", v)).isZero();
        UUID notReady = db.insertVariant(db.insertJob("brief"), db.insertAsset("/assets/t/a.png"), null, "vlm_analyze", "done");
        CliRun refused = cli("judge", "--stage", "2", "--variant", notReady.toString());
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err().strip()).startsWith("refused: Stage 2 refused for variant " + notReady).doesNotContain("\n");
        assertThat(db.state(notReady)).isEqualTo("done/vlm_analyze");
        CliRun badStage = cli("judge", "--stage", "3", "--variant", v.toString());
        assertThat(badStage.code()).isNotZero();
        assertThat(badStage.err()).contains("--stage must be 1 or 2");
    }

    @Test
    void decideRefusesATraceOfAnotherVariant() {
        UUID job = db.insertJob("brief");
        UUID mine = db.insertVariant(job, db.insertAsset("/assets/t/a.png"), null, "ocr_eval", "done");
        UUID other = db.insertVariant(job, db.insertAsset("/assets/t/b.png"), null, "ocr_eval", "done");
        UUID otherTrace = UUID.randomUUID();
        UUID myTrace = UUID.randomUUID();
        db.exec("INSERT INTO vlm_traces (vlm_trace_id, job_id, job_variants_id, provider, operation_type, request) "
                + "VALUES (?, ?, ?, 'llava', 'judge', '{}'), (?, ?, ?, 'llava', 'judge', '{}')",
                otherTrace, job, other, myTrace, job, mine);

        CliRun refused = cli("decide", "--variant", mine.toString(), "--verdict", "accept", "--trace", otherTrace.toString());
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err().strip()).contains("belongs to variant " + other).doesNotContain("\n");
        CliRun unknown = cli("decide", "--variant", mine.toString(), "--verdict", "accept", "--trace", UUID.randomUUID().toString());
        assertThat(unknown.err()).contains("not found in vlm_traces");
        assertThat(db.count("reviewer_decisions", "job_variants_id = ?", mine)).isZero();

        CliRun ok = cli("decide", "--variant", mine.toString(), "--verdict", "accept", "--trace", myTrace.toString());
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(db.query("SELECT vlm_trace_id::text FROM reviewer_decisions WHERE job_variants_id = ?", mine))
                .isEqualTo(myTrace.toString());
    }

    @Test
    void judgeExitsThreeWhenThePipelineMovedTheVariantDuringTheRun() throws Exception {
        java.nio.file.Path image = db.dir().resolve("assets/t/s.png");
        java.nio.file.Files.createDirectories(image.getParent());
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB),
                "png", image.toFile());
        UUID v = db.insertVariant(db.insertJob("brief"), db.insertAsset("/assets/t/s.png"), null, "vlm_analyze", "queued");
        adreview.review.ScriptedModel model = adreview.review.ScriptedModel.fast().onPiece(n -> {
            if (n == 2) {
                db.exec("UPDATE jobs_variants SET current_step = 'yolo_detect', status = 'running' WHERE job_variants_id = ?", v);
            }
        });
        CliRun r = cli(Main.commandLine(config -> model), "judge", "--stage", "1", "--variant", v.toString(), "--free-text");
        assertThat(r.code()).as(r.err()).isEqualTo(3);
        assertThat(r.err().strip()).startsWith("superseded: ").contains("yolo_detect/running").doesNotContain("\n");
        assertThat(db.state(v)).isEqualTo("running/yolo_detect");
        assertThat(db.query("SELECT response -> 'superseded' ->> 'found_step' FROM vlm_traces WHERE job_variants_id = ?", v))
                .isEqualTo("yolo_detect");
    }

    @Test
    void recoverListsWhatItRecoveredAsJson() throws Exception {
        UUID v = db.insertVariant(db.insertJob("brief"), db.insertAsset("/assets/t/r.png"), null, "vlm_judge", "running");
        String job = db.query("SELECT job_id::text FROM jobs_variants WHERE job_variants_id = ?", v);
        db.exec("INSERT INTO desk_runs (run_id, job_variants_id, job_id, stage, expected_step, host, pid, heartbeat_at) "
                + "VALUES (gen_random_uuid(), ?, ?::uuid, 2, 'vlm_judge', 'another-host', 7, now() - interval '5 minutes')", v, job);
        CliRun r = cli("recover", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        com.fasterxml.jackson.databind.JsonNode out = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
        assertThat(out.get("recovered")).anySatisfy(n -> {
            assertThat(n.get("variant_id").asText()).isEqualTo(v.toString());
            assertThat(n.get("reason").asText()).isEqualTo("heartbeat_expired");
            assertThat(n.get("variant_failed").asBoolean()).isTrue();
            assertThat(n.get("host").asText()).isEqualTo("another-host");
        });
        assertThat(out.get("live").isArray()).isTrue();
        assertThat(db.state(v)).isEqualTo("failed/vlm_judge");
        CliRun again = cli("recover");
        assertThat(again.out()).contains("No interrupted runs to recover.");
    }
}

package adreview.app.cli;

import adreview.review.ReviewTestDatabase;
import adreview.review.remote.LlamaKit;
import adreview.review.remote.LlamaServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code judge} on the openai backend and on several variants, through the real command line and a real PostgreSQL:
 * batches against a real {@code llama-server} (named variants, a filter, mixed outcomes and their exit codes,
 * {@code --json}), and the refusals before anything is written (no server URL, no server there).
 */
class JudgeBatchCommandTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static ReviewTestDatabase db;
    static LlamaServer server;

    @BeforeAll
    static void start() throws Exception {
        db = ReviewTestDatabase.start();
        Path dir = db.dir().resolve("assets/b");
        Files.createDirectories(dir);
        for (int i = 0; i < 6; i++) {
            BufferedImage img = new BufferedImage(64 + 8 * i, 48, BufferedImage.TYPE_INT_RGB);
            img.setRGB(i, i, 0xff8800);
            ImageIO.write(img, "png", dir.resolve("image-" + i + ".png").toFile());
        }
        Files.writeString(dir.resolve("corrupt.png"), "\u0089PNG but not really");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        db.close();
    }

    static synchronized String endpoint() {
        if (server == null) {
            server = LlamaServer.start(4, Path.of("target", "llama-server"));
        }
        return server.endpoint();
    }

    static CliRun cli(String... args) {
        return CliRun.against(db, args);
    }

    static UUID variant(UUID job, String step, String status, String image) {
        return db.insertVariant(job, db.insertAsset("/assets/b/" + image), db.insertAsset("/assets/b/image-0.png"), step, status);
    }

    @Test
    @ExtendWith(LlamaKit.class)
    void severalVariantsRunInParallelOnTheServerAndTheSummaryListsEach() {
        UUID job = db.insertJob("Lemonade, fresh every morning");
        List<String> args = new ArrayList<>(List.of("--backend", "openai", "--endpoint", endpoint(), "--concurrency", "3",
                "judge", "--stage", "1"));
        List<UUID> variants = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            UUID v = variant(job, "img_gen", "done", "image-" + i + ".png");
            variants.add(v);
            args.addAll(List.of("--variant", v.toString()));
        }
        CliRun r = cli(args.toArray(String[]::new));

        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("Stage 1 of 4 variants, 3 at a time, on OpenAI-compatible server at 127.0.0.1:"
                + server.port() + ", model tiny-llava");
        for (UUID v : variants) {
            assertThat(r.out()).containsPattern("done +" + v + " +\\d+ ms  trace ");
            assertThat(db.state(v)).isEqualTo("done/vlm_analyze");
            assertThat(db.query("SELECT request->>'backend' FROM vlm_traces WHERE job_variants_id = ?", v)).isEqualTo("openai");
        }
        assertThat(r.out()).containsPattern("4 runs at concurrency 3 in [0-9.]+ s: 4 done; [0-9.]+ runs/min, median [0-9.]+ s per run");
    }

    @Test
    @ExtendWith(LlamaKit.class)
    void aFilteredBatchWithMixedOutcomesExitsWithTheMostSeriousAndPrintsJson() throws Exception {
        UUID job = db.insertJob("Cold brew, bold and smooth");
        UUID ok = variant(job, "overlay", "done", "image-1.png");
        UUID notReady = variant(job, "yolo_detect", "done", "image-2.png"); // Stage 2 may not start here: refused
        UUID corrupt = db.insertVariant(job, db.insertAsset("/assets/b/image-3.png"), db.insertAsset("/assets/b/corrupt.png"),
                "overlay", "done"); // its render does not decode: failed
        CliRun r = cli("--backend", "openai", "--endpoint", endpoint(), "judge", "--stage", "2", "--job", job.toString(), "--json");

        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(JudgeCommand.FAILED);
        JsonNode json = JSON.readTree(r.out());
        assertThat(json.get("backend").asText()).isEqualTo("openai");
        assertThat(json.get("concurrency").asInt()).isEqualTo(4); // the openai default
        assertThat(json.at("/summary/runs").asInt()).isEqualTo(3);
        assertThat(json.at("/summary/done").asInt()).isEqualTo(1);
        assertThat(json.at("/summary/failed").asInt()).isEqualTo(1);
        assertThat(json.at("/summary/refused").asInt()).isEqualTo(1);
        for (JsonNode run : json.get("runs")) {
            UUID v = UUID.fromString(run.get("variant_id").asText());
            String outcome = run.get("outcome").asText();
            if (v.equals(ok)) {
                assertThat(outcome).isEqualTo("done");
                assertThat(run.at("/result/on_brief").isBoolean()).isTrue();
            } else if (v.equals(notReady)) {
                assertThat(outcome).isEqualTo("refused");
                assertThat(run.get("message").asText()).contains("yolo_detect/done");
            } else {
                assertThat(v).isEqualTo(corrupt);
                assertThat(outcome).isEqualTo("failed");
                assertThat(run.get("message").asText()).contains("Cannot decode image");
            }
        }
        assertThat(db.state(ok)).isEqualTo("done/vlm_judge");
        assertThat(db.state(notReady)).isEqualTo("done/yolo_detect");
        assertThat(db.state(corrupt)).isEqualTo("failed/vlm_judge");

        // Only refusals and done: exit 2.
        UUID ok2 = variant(job, "img_gen", "done", "image-4.png");
        UUID past = variant(job, "ocr_eval", "done", "image-5.png");
        CliRun mixed = cli("--backend", "openai", "--endpoint", endpoint(), "judge", "--stage", "1", "--variant", ok2 + "," + past);
        assertThat(mixed.code()).as(mixed.out() + mixed.err()).isEqualTo(JudgeCommand.REFUSED);
        assertThat(mixed.out()).contains("1 done, 1 refused");
    }

    @Test
    void theOpenaiBackendWithoutAServerUrlRefusesWithOneLine() {
        UUID v = variant(db.insertJob("brief"), "img_gen", "done", "image-0.png");
        CliRun r = cli("--backend", "openai", "judge", "--stage", "1", "--variant", v.toString());
        assertThat(r.code()).isEqualTo(JudgeCommand.REFUSED);
        assertThat(r.err().strip()).isEqualTo("refused: The openai backend has no server URL: set ADREVIEW_ENDPOINT, "
                + "endpoint in desk.properties or --endpoint (e.g. http://host:8000/v1)");
        assertThat(db.state(v)).isEqualTo("done/img_gen");
    }

    @Test
    void aServerThatIsNotThereRefusesABatchBeforeAnythingIsWritten() {
        UUID job = db.insertJob("brief");
        UUID a = variant(job, "img_gen", "done", "image-0.png");
        UUID b = variant(job, "img_gen", "done", "image-1.png");
        String nobody = "http://127.0.0.1:" + LlamaServer.freePort() + "/v1";
        CliRun r = cli("--backend", "openai", "--endpoint", nobody, "judge", "--stage", "1", "--variant", a.toString(),
                "--variant", b.toString());
        assertThat(r.code()).isEqualTo(JudgeCommand.REFUSED);
        assertThat(r.err().strip()).startsWith("refused: The inference server at 127.0.0.1:")
                .contains("refused the connection (3 attempts)").doesNotContain("\n");
        assertThat(db.state(a)).isEqualTo("done/img_gen");
        assertThat(db.count("vlm_traces", "job_variants_id IN (?, ?)", a, b)).isZero();
        assertThat(db.count("desk_runs", "job_variants_id IN (?, ?)", a, b)).isZero();
    }

    @Test
    void aBadServerUrlOrConcurrencyIsAConfigurationError() {
        CliRun url = cli("--backend", "openai", "--endpoint", "gpu-box:8000", "list");
        assertThat(url.code()).isEqualTo(1);
        assertThat(url.err().strip()).contains("invalid server URL (from --endpoint)");
        CliRun n = cli("--concurrency", "0", "list");
        assertThat(n.err().strip()).contains("invalid concurrency '0' (from --concurrency)");
        CliRun backend = cli("--backend", "vllm", "list");
        assertThat(backend.err().strip()).contains("invalid backend 'vllm' (from --backend): use local or openai");
    }

    @Test
    @ExtendWith(LlamaKit.class)
    void theSettingsConnectionTestListsTheModelsAndTimesOneTinyRequest() {
        adreview.app.DeskConfig c = adreview.app.DeskConfig.resolve(java.util.Map.of("ADREVIEW_BACKEND", "openai",
                "ADREVIEW_ENDPOINT", endpoint(), "ADREVIEW_API_KEY", "sk-settings-test"), new java.util.Properties(), null,
                java.util.Map.of(), db.dir().resolve("data"));
        String line = adreview.app.ReviewWiring.testConnection(c);
        assertThat(line).startsWith("OK: Connected to 127.0.0.1:" + server.port() + ": 1 model listed in ")
                .contains("(tiny-llava), model tiny-llava answered a ").doesNotContain("sk-settings-test");
    }
}

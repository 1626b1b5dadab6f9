package adreview.app;

import adreview.review.ReviewTestDatabase;
import adreview.review.ScriptedModel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code judge} in a child JVM (the real command line on a scripted model that writes slowly) against a real
 * PostgreSQL, stopped in the middle of its run: SIGKILL leaves an open claim that the next command recovers
 * (variant failed, an {@code interrupted} trace) after which a new run succeeds; SIGTERM and Ctrl-C stop the
 * model, record the run as failed with its partial answer and exit 143 / 130; a model that does not stop, or
 * one still loading, does not keep the process alive. Times are printed, not asserted.
 */
class RunProcessTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static ReviewTestDatabase db;
    static Path assets;
    static Path logs;

    @BeforeAll
    static void start() throws Exception {
        db = ReviewTestDatabase.start();
        assets = db.dir().resolve("assets");
        Files.createDirectories(assets.resolve("p"));
        ImageIO.write(new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB), "png", assets.resolve("p/image.png").toFile());
        logs = db.dir().resolve("logs");
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    /** A child running the scripted judge; its output goes to files. */
    record Child(Process process, Path out, Path err) {
        String stderr() throws Exception {
            return Files.readString(err, StandardCharsets.UTF_8);
        }

        /** Stderr without the scripted model's progress lines: what a user would read. */
        List<String> userErrLines() throws Exception {
            return stderr().lines().filter(l -> !l.startsWith("scripted-model")).toList();
        }

        void waitFor(String line) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (!stderr().contains(line)) {
                assertThat(process.isAlive()).as("child ended before '%s': %s", line, stderr()).isTrue();
                assertThat(System.nanoTime()).as("'%s' within 90 s", line).isLessThan(deadline);
                Thread.sleep(20);
            }
        }
    }

    static Child judge(UUID variant, String... properties) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-Djava.awt.headless=true");
        command.add("-Dadreview.log.dir=" + logs);
        // The shipped logging (log file, one line on the terminal), not the tests' logback-test.xml on this class path.
        command.add("-Dlogback.configurationFile=logback.xml");
        command.add("--enable-native-access=ALL-UNNAMED");
        for (String p : properties) {
            command.add("-D" + p);
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ScriptedJudge.class.getName());
        command.addAll(List.of("--db-url", db.jdbcUrl(), "--db-user", "postgres", "--asset-root", assets.toString(),
                "judge", "--stage", "1", "--variant", variant.toString(), "--free-text"));
        Path out = Files.createTempFile(db.dir(), "out", ".txt");
        Path err = Files.createTempFile(db.dir(), "err", ".txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        return new Child(p, out, err);
    }

    static UUID variant() {
        UUID job = db.insertJob("Trail running shoes");
        return db.insertVariant(job, db.insertAsset("/assets/p/image.png"), null, "img_gen", "done");
    }

    static JsonNode lastTrace(UUID v) throws Exception {
        return JSON.readTree(db.query("SELECT json_build_object('request', request, 'response', response)::text "
                + "FROM vlm_traces WHERE job_variants_id = ? ORDER BY created_at DESC LIMIT 1", v));
    }

    static int exit(Child c) throws Exception {
        assertThat(c.process().waitFor(60, TimeUnit.SECONDS)).as("child exits").isTrue();
        return c.process().exitValue();
    }

    @Test
    void aRunKilledWithSigkillIsRecoveredByTheNextCommandAndANewRunSucceeds() throws Exception {
        UUID v = variant();
        Child child = judge(v, "scripted.delayMillis=200");
        child.waitFor("scripted-model piece 3");
        child.process().destroyForcibly(); // SIGKILL: no handler, no hook runs
        long killed = System.nanoTime();
        child.process().waitFor(30, TimeUnit.SECONDS);
        assertThat(db.state(v)).isEqualTo("running/vlm_analyze");
        assertThat(db.query("SELECT coalesce(outcome, 'open') FROM desk_runs WHERE job_variants_id = ?", v)).isEqualTo("open");

        // Any command recovers it when it opens the database: here `list`, in this JVM.
        long t0 = System.nanoTime();
        StringWriter out = new StringWriter();
        CommandLine list = Main.commandLine();
        list.setOut(new PrintWriter(out));
        assertThat(list.execute("--db-url", db.jdbcUrl(), "--db-user", "postgres", "list", "--json")).isZero();
        long t1 = System.nanoTime();
        System.out.println("SIGKILL mid-run: the next command (list) recovered the run; the command took "
                + (t1 - t0) / 1_000_000 + " ms, " + (t1 - killed) / 1_000_000 + " ms after the kill");

        assertThat(db.state(v)).isEqualTo("failed/vlm_analyze");
        JsonNode t = lastTrace(v);
        assertThat(t.at("/response/interrupted").asBoolean()).isTrue();
        assertThat(t.at("/response/reason").asText()).isEqualTo("process_ended");
        assertThat(t.at("/response/error").asText()).contains("pid " + child.process().pid());
        assertThat(ScriptedModel.STAGE1_ANSWER).startsWith(t.at("/response/raw_text").asText());
        assertThat(db.query("SELECT outcome FROM desk_runs WHERE job_variants_id = ?", v)).isEqualTo("recovered");
        assertThat(JSON.readTree(out.toString()).toString()).contains(v.toString());

        // The variant is failed/vlm_analyze, a state Stage 1 starts from: a new run goes through.
        Child again = judge(v);
        assertThat(exit(again)).as(again.stderr()).isZero();
        assertThat(db.state(v)).isEqualTo("done/vlm_analyze");
        assertThat(db.count("vlm_traces", "job_variants_id = ?", v)).isEqualTo(2);
    }

    @Test
    void sigtermMidRunStopsTheModelRecordsTheRunFailedAndExits143() throws Exception {
        UUID v = variant();
        Child child = judge(v, "scripted.delayMillis=200");
        child.waitFor("scripted-model piece 3");
        long t0 = System.nanoTime();
        child.process().destroy(); // SIGTERM
        int code = exit(child);
        System.out.println("SIGTERM mid-run: exit " + code + " after " + (System.nanoTime() - t0) / 1_000_000 + " ms");

        assertThat(code).as(child.stderr()).isEqualTo(143);
        assertThat(db.state(v)).isEqualTo("failed/vlm_analyze");
        JsonNode t = lastTrace(v);
        assertThat(t.at("/response/cancelled").asBoolean()).isTrue();
        assertThat(t.at("/response/error").asText()).isEqualTo("cancelled: SIGTERM received");
        String partial = t.at("/response/raw_text").asText();
        assertThat(partial).startsWith(ScriptedModel.STAGE1_ANSWER.substring(0, 24));
        assertThat(ScriptedModel.STAGE1_ANSWER).startsWith(partial).isNotEqualTo(partial);
        assertThat(db.query("SELECT outcome FROM desk_runs WHERE job_variants_id = ?", v)).isEqualTo("cancelled");
        assertThat(child.userErrLines()).singleElement().asString()
                .startsWith("cancelled: SIGTERM received; recorded as failed, trace ");
    }

    @Test
    void ctrlCMidRunExits130() throws Exception {
        UUID v = variant();
        Child child = judge(v, "scripted.delayMillis=200");
        child.waitFor("scripted-model piece 2");
        Assumptions.assumeFalse(ignores(child.process().pid(), 2), "SIGINT is ignored in this environment");
        long t0 = System.nanoTime();
        new ProcessBuilder("kill", "-INT", Long.toString(child.process().pid())).start().waitFor();
        int code = exit(child);
        System.out.println("SIGINT mid-run: exit " + code + " after " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        assertThat(code).as(child.stderr()).isEqualTo(130);
        assertThat(db.state(v)).isEqualTo("failed/vlm_analyze");
        assertThat(lastTrace(v).at("/response/error").asText()).isEqualTo("cancelled: SIGINT (Ctrl-C) received");
    }

    @Test
    void aModelThatDoesNotStopIsRecordedFromTheSignalAndTheProcessStillExits() throws Exception {
        UUID v = variant();
        Child child = judge(v, "scripted.delayMillis=300", "scripted.ignoreCancel=true");
        child.waitFor("scripted-model piece 2");
        long t0 = System.nanoTime();
        child.process().destroy();
        int code = exit(child);
        System.out.println("SIGTERM, model ignoring cancel: exit " + code + " after "
                + (System.nanoTime() - t0) / 1_000_000 + " ms");
        assertThat(code).isEqualTo(143);
        assertThat(db.state(v)).isEqualTo("failed/vlm_analyze");
        assertThat(db.count("vlm_traces", "job_variants_id = ?", v)).isEqualTo(1);
        assertThat(lastTrace(v).at("/response/cancelled").asBoolean()).isTrue();
        assertThat(db.query("SELECT outcome FROM desk_runs WHERE job_variants_id = ?", v)).isEqualTo("cancelled");
        assertThat(child.userErrLines()).singleElement().asString().contains("did not stop within 3 s");
    }

    @Test
    void aSignalWhileTheModelLoadsLeavesTheVariantUntouched() throws Exception {
        UUID v = variant();
        Child child = judge(v, "scripted.prepareMillis=120000");
        child.waitFor("scripted-model loading");
        long t0 = System.nanoTime();
        child.process().destroy();
        int code = exit(child);
        System.out.println("SIGTERM while the model loads: exit " + code + " after "
                + (System.nanoTime() - t0) / 1_000_000 + " ms");
        assertThat(code).isEqualTo(143);
        assertThat(db.state(v)).isEqualTo("done/img_gen");
        assertThat(db.count("vlm_traces", "job_variants_id = ?", v)).isZero();
        assertThat(db.count("desk_runs", "job_variants_id = ?", v)).isZero();
    }

    @Test
    @org.junit.jupiter.api.extension.ExtendWith(adreview.review.remote.LlamaKit.class)
    void sigtermDuringARemoteBatchStopsEveryRunInFlightAndStartsNoMore() throws Exception {
        try (adreview.review.remote.LlamaServer server = adreview.review.remote.LlamaServer.start(2, Path.of("target", "llama-server"))) {
            UUID job = db.insertJob("Trail running shoes");
            List<UUID> variants = new ArrayList<>();
            List<String> args = new ArrayList<>(List.of("--backend", "openai", "--endpoint", server.endpoint(),
                    "--concurrency", "2", "judge", "--stage", "1"));
            for (int i = 0; i < 8; i++) {
                UUID v = db.insertVariant(job, db.insertAsset("/assets/p/image.png"), null, "img_gen", "done");
                variants.add(v);
                args.addAll(List.of("--variant", v.toString()));
            }
            Child child = child(Main.class.getName(), args);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!Files.readString(child.out()).contains("\ndone ")) {
                assertThat(child.process().isAlive()).as("batch ended early: %s", child.stderr()).isTrue();
                assertThat(System.nanoTime()).as("a first run done within 120 s").isLessThan(deadline);
                Thread.sleep(20);
            }
            child.process().destroy(); // SIGTERM
            int code = exit(child);
            System.out.println("SIGTERM during a remote batch: " + Files.readString(child.out()).lines()
                    .filter(l -> l.contains(" runs at concurrency")).findFirst().orElse("(no summary)"));

            assertThat(code).as(child.stderr()).isEqualTo(143);
            int done = 0;
            int stopped = 0;
            int untouched = 0;
            for (UUID v : variants) {
                String state = db.state(v);
                int traces = db.count("vlm_traces", "job_variants_id = ?", v);
                switch (state) {
                    case "done/vlm_analyze" -> done++;
                    case "failed/vlm_analyze" -> {
                        stopped++;
                        assertThat(lastTrace(v).at("/response/error").asText()).isEqualTo("cancelled: SIGTERM received");
                    }
                    case "done/img_gen" -> {
                        untouched++;
                        assertThat(traces).isZero();
                    }
                    default -> throw new AssertionError("variant " + v + " left at " + state);
                }
            }
            assertThat(done).isPositive();
            assertThat(untouched).isPositive();
            assertThat(done + stopped + untouched).isEqualTo(8);
            assertThat(db.count("desk_runs", "job_variants_id IN (" + String.join(",", variants.stream()
                    .map(v -> "'" + v + "'").toList()) + ") AND finished_at IS NULL")).isZero();
            assertThat(child.stderr()).contains("cancelled: SIGTERM received; runs in flight were recorded as failed, "
                    + "the rest were not started");
        }
    }

    /** The desk's real entry point {@code mainClass} in a child JVM on the test database. */
    static Child child(String mainClass, List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Djava.awt.headless=true", "-Dadreview.log.dir=" + logs,
                "-Dlogback.configurationFile=logback.xml", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), mainClass,
                "--db-url", db.jdbcUrl(), "--db-user", "postgres", "--asset-root", assets.toString()));
        command.addAll(args);
        Path out = Files.createTempFile(db.dir(), "out", ".txt");
        Path err = Files.createTempFile(db.dir(), "err", ".txt");
        return new Child(new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start(), out, err);
    }

    /** Whether the process ignores signal {@code number} (Linux: the SigIgn mask in /proc/PID/status). */
    static boolean ignores(long pid, int number) throws Exception {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        if (!Files.exists(status)) {
            return false;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("SigIgn:")) {
                return new BigInteger(line.substring(7).strip(), 16).testBit(number - 1);
            }
        }
        return false;
    }
}

package adreview.app;

import static org.assertj.core.api.Assertions.assertThat;

import adreview.store.demo.DemoVariants;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import picocli.CommandLine;

/**
 * The program as a user runs it: CLI commands in child JVMs on the embedded database (data kept
 * between runs, no postgres left behind, also after SIGTERM), and one-line errors.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeskProcessTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path home;

    @BeforeAll
    static void createHome() throws IOException {
        home = Files.createTempDirectory("adreview-home-");
    }

    @AfterAll
    static void deleteHome() throws IOException {
        assertThat(postgresServing(home)).isEmpty();
        try (var paths = Files.walk(home)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Result of a child JVM. */
    record Run(int exitCode, String stdout, String stderr) {
    }

    private static ProcessBuilder javaCommand(String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-Djava.awt.headless=true");
        command.add("-D" + DeskConfig.HOME_PROPERTY + "=" + home);
        // The shipped logging (log file, one line on the terminal), not the tests' logback-test.xml on this class path.
        command.add("-Dlogback.configurationFile=logback.xml");
        command.add("--enable-native-access=ALL-UNNAMED");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    private static Run run(String... args) throws Exception {
        Path out = Files.createTempFile(home, "out", ".txt");
        Path err = Files.createTempFile(home, "err", ".txt");
        Process process = javaCommand(Main.class.getName(), args)
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("ad-review-desk " + String.join(" ", args) + " did not finish in 5 minutes");
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /**
     * PostgreSQL server processes (postmasters) started on a data folder under {@code dir}. Matched by their
     * {@code -D} argument: the binaries live under the desk's data folder too, so every backend's executable
     * path names {@code dir}.
     */
    static List<ProcessHandle> postgresServing(Path dir) {
        String needle = "-D " + dir;
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                .filter(p -> p.info().commandLine().map(cl -> cl.contains(needle)).orElse(false))
                .toList();
    }

    @Test
    @Order(1)
    void listOnTheEmbeddedDatabaseSeedsTheDemoAndLeavesNoPostgresBehind() throws Exception {
        long start = System.nanoTime();
        Run run = run("list", "--json");
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("first `list --json` (initdb + migrate + demo seed + images): " + millis + " ms");
        assertThat(run.exitCode()).as("stderr: %s", run.stderr()).isZero();
        JsonNode rows = JSON.readTree(run.stdout());
        assertThat(rows).hasSize(DemoVariants.ALL.size());
        assertThat(rows.get(0).has("variant_id")).isTrue();
        assertThat(Files.exists(home.resolve("data/assets/demo/stride-shoe-good.png"))).isTrue();
        assertThat(Files.exists(home.resolve("data/pg/PG_VERSION"))).isTrue();
        assertThat(Files.exists(home.resolve("data/pg/postmaster.pid"))).as("server stopped cleanly").isFalse();
        assertThat(postgresServing(home)).isEmpty();
    }

    @Test
    @Order(2)
    void showReadsThePersistedDataWithoutSeedingAgain() throws Exception {
        Run run = run("show", DemoVariants.SHOE_GOOD.toString(), "--json");
        assertThat(run.exitCode()).as("stderr: %s", run.stderr()).isZero();
        JsonNode shown = JSON.readTree(run.stdout());
        assertThat(shown.at("/variant/variant_id").asText()).isEqualTo(DemoVariants.SHOE_GOOD.toString());
        assertThat(shown.at("/job/tenant_id").asText()).isEqualTo("stride-athletics");
        assertThat(shown.at("/ad_copy/source").asText()).isEqualTo("GENERATED_COPY");
        assertThat(shown.at("/ad_copy/text").asText()).contains("running shoes");
        assertThat(shown.at("/image/exists").asBoolean()).isTrue();
        assertThat(shown.at("/image/path").asText()).endsWith("data/assets/demo/stride-shoe-good.png");
        assertThat(shown.at("/render/source").asText()).isEqualTo("OVERLAID_ASSET");
        assertThat(shown.at("/render/exists").asBoolean()).isTrue();
        assertThat(shown.get("traces")).hasSize(3);

        Run missing = run("show", DemoVariants.MISSING_IMAGE.toString());
        assertThat(missing.exitCode()).isZero();
        assertThat(missing.stdout()).contains("aqua-bottle-missing.png  (MISSING)");
        assertThat(postgresServing(home)).isEmpty();
    }

    @Test
    @Order(3)
    void sigtermStopsTheEmbeddedPostgres() throws Exception {
        Path out = Files.createTempFile(home, "hold", ".txt");
        Process process = javaCommand(HoldDatabaseOpen.class.getName())
                .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (!Files.readString(out).contains("ready") && System.nanoTime() < deadline && process.isAlive()) {
                Thread.sleep(200);
            }
            assertThat(Files.readString(out)).contains("ready embedded PostgreSQL");
            List<ProcessHandle> running = postgresServing(home);
            assertThat(running).as("the postmaster runs while the desk does").hasSize(1);

            process.destroy(); // SIGTERM, what Ctrl-C's shutdown path runs too
            assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
            running.get(0).onExit().get(30, TimeUnit.SECONDS);
            assertThat(running.get(0).isAlive()).isFalse();
            assertThat(postgresServing(home)).isEmpty();
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    @Order(4)
    void aUiExceptionIsShownAndAFatalErrorStopsTheEmbeddedPostgres() throws Exception {
        Path out = Files.createTempFile(home, "crash", ".txt");
        Process process = javaCommand(HoldDatabaseOpen.class.getName(), "crash")
                .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("the crashed desk exits").isTrue();
            String stdout = Files.readString(out);
            assertThat(stdout).contains("ready embedded PostgreSQL");
            // The JavaFX thread's exception: one line shown, and the database still answers afterwards.
            assertThat(stdout).contains("shown: simulated UI bug on two lines\n");
            assertThat(stdout).contains("alive with " + DemoVariants.ALL.size() + " variants");
            // Then the worker's OutOfMemoryError: the database is stopped, no orphaned postmaster.
            assertThat(process.exitValue()).isEqualTo(DeskContext.CRASH_EXIT_STATUS).isEqualTo(70);
            assertThat(postgresServing(home)).isEmpty();
            assertThat(Files.exists(home.resolve("data/pg/postmaster.pid"))).isFalse();
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    @Order(5)
    void unreachableDatabaseExitsNonZeroWithOneLine() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/pipeline";
        for (String[] args : List.of(new String[] {"--db-url", url, "list"}, new String[] {"list", "--db-url", url})) {
            StringWriter err = new StringWriter();
            StringWriter out = new StringWriter();
            CommandLine cli = Main.commandLine();
            cli.setErr(new PrintWriter(err));
            cli.setOut(new PrintWriter(out));
            int code = cli.execute(args);
            assertThat(code).isNotZero();
            assertThat(out.toString()).isEmpty();
            assertThat(err.toString().lines().toList()).containsExactly("error: cannot connect to database at " + url
                    + ": Connection refused. Check --db-url / ADREVIEW_DB_URL.");
        }
    }

    @Test
    @Order(6)
    void badVariantIdAndBadStatusAreOneLineErrors() {
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err));
        assertThat(cli.execute("show", "not-a-uuid")).isNotZero();
        assertThat(err.toString().lines().toList()).hasSize(1).first().asString()
                .startsWith("error: 'not-a-uuid' is not a variant id");

        StringWriter err2 = new StringWriter();
        CommandLine cli2 = Main.commandLine();
        cli2.setErr(new PrintWriter(err2));
        assertThat(cli2.execute("--db-url", "jdbc:postgresql://127.0.0.1:1/x", "list", "--status", "finished"))
                .isNotZero();
        assertThat(err2.toString().lines().toList()).hasSize(1).first().asString()
                .startsWith("error: unknown status 'finished'");
    }
}

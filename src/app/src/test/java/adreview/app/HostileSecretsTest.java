package adreview.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import adreview.app.DeskConfig.Key;
import adreview.app.DeskConfig.Setting;
import adreview.store.Database;
import adreview.store.DatabaseUnavailableException;
import adreview.store.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Passwords against a second local account and a terminal: never displayed, logged or put in a message; never on
 * the command line without a warning; never read from a file others can read; and database text that would drive
 * the terminal (ESC sequences) is shown, not obeyed.
 */
class HostileSecretsTest {

    static final String SECRET = "hunter2-correct-horse";

    @TempDir
    Path home;

    @AfterEach
    void clearHome() {
        System.clearProperty(DeskConfig.HOME_PROPERTY);
    }

    private static void chmod(Path file, String mode) throws Exception {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
    }

    @Test
    void settingsShowBulletsAndTheSourceNeverThePassword() {
        DeskConfig c = DeskConfig.resolve(Map.of("ADREVIEW_DB_PASSWORD", SECRET,
                        "ADREVIEW_DB_URL", "jdbc:postgresql://db:5432/pipeline?user=desk&password=" + SECRET),
                new Properties(), null, Map.of(), home);
        for (Setting s : c.settings()) {
            assertThat(s.value()).as(s.key().name()).doesNotContain(SECRET);
        }
        Setting password = c.settings().stream().filter(s -> s.key() == Key.DB_PASSWORD).findFirst().orElseThrow();
        assertThat(password.value()).isEqualTo("••••");
        assertThat(password.source()).isEqualTo(ConfigSource.ENVIRONMENT);
        Setting url = c.settings().stream().filter(s -> s.key() == Key.DB_URL).findFirst().orElseThrow();
        assertThat(url.value()).isEqualTo("jdbc:postgresql://db:5432/pipeline?user=desk&password=••••");
        assertThat(DeskServices.settings(c)).allSatisfy(e -> assertThat(e.toString()).doesNotContain(SECRET));
    }

    @Test
    void errorMessagesNeverCarryThePassword() {
        DatabaseUnavailableException inUrl = catchThrowableOfType(DatabaseUnavailableException.class,
                () -> Database.connect("jdbc:postgresql://127.0.0.1:1/pipeline?password=" + SECRET
                        + "&connectTimeout=2", "desk", ""));
        assertThat(inUrl.getMessage()).doesNotContain(SECRET).contains("password=••••");
        assertThat(adreview.desk.Problems.describe(inUrl)).doesNotContain(SECRET);
        DatabaseUnavailableException given = catchThrowableOfType(DatabaseUnavailableException.class,
                () -> Database.connect("jdbc:postgresql://127.0.0.1:1/pipeline", "desk", SECRET));
        assertThat(given.getMessage()).doesNotContain(SECRET);
        DatabaseUnavailableException userInfo = catchThrowableOfType(DatabaseUnavailableException.class,
                () -> Database.connect("jdbc:postgresql://desk:" + SECRET + "@127.0.0.1:1/pipeline", "desk", ""));
        assertThat(userInfo.getMessage()).doesNotContain(SECRET);
    }

    @Test
    void aConfigFileWithAPasswordMustBeTheOwnersAlone() throws Exception {
        Path file = Files.writeString(home.resolve("desk.properties"), "db.password=" + SECRET + "\n");
        chmod(file, "rw-r--r--");
        DeskConfig.ConfigException e = catchThrowableOfType(DeskConfig.ConfigException.class,
                () -> DeskConfig.readProperties(file));
        assertThat(e.getMessage()).contains(file.toString()).contains("mode 0644").contains("chmod 600 " + file)
                .contains("ADREVIEW_DB_PASSWORD").doesNotContain(SECRET);
        chmod(file, "rw-------");
        assertThat(DeskConfig.readProperties(file).getProperty("db.password")).isEqualTo(SECRET);
        // Without a password, a readable file is fine (model.dir and the like are no secret).
        Path plain = Files.writeString(home.resolve("plain.properties"), "device=cpu\n");
        chmod(plain, "rw-r--r--");
        assertThat(DeskConfig.readProperties(plain).getProperty("device")).isEqualTo("cpu");
    }

    @Test
    void aPgpassFileGivesThePasswordWhenNothingElseDoes() throws Exception {
        System.setProperty(DeskConfig.HOME_PROPERTY, home.toString());
        Path pgpass = Files.writeString(home.resolve("pgpass"),
                "# host:port:database:user:password\nother:5432:*:*:nope\ndb:5433:pipeline:desk:" + SECRET + "\n");
        chmod(pgpass, "rw-------");
        Map<Key, String> flags = Map.of(Key.DB_URL, "jdbc:postgresql://db:5433/pipeline", Key.DB_USER, "desk");
        DeskConfig c = DeskConfig.load(Map.of("PGPASSFILE", pgpass.toString()), flags);
        assertThat(c.dbPassword()).isEqualTo(SECRET);
        assertThat(c.sourceOf(Key.DB_PASSWORD)).isEqualTo(ConfigSource.PASSWORD_FILE);
        assertThat(c.settings()).noneMatch(s -> s.value() != null && s.value().contains(SECRET));
        // The environment wins over the file; a file others can read is refused, with how to fix it.
        assertThat(DeskConfig.load(Map.of("PGPASSFILE", pgpass.toString(), "ADREVIEW_DB_PASSWORD", "env"), flags)
                .dbPassword()).isEqualTo("env");
        chmod(pgpass, "rw-r--r--");
        assertThat(catchThrowableOfType(DeskConfig.ConfigException.class,
                () -> DeskConfig.load(Map.of("PGPASSFILE", pgpass.toString()), flags)))
                .hasMessageContaining("chmod 600 " + pgpass).hasMessageNotContaining(SECRET);
    }

    @Test
    void thePasswordFlagStillWorksButWarnsOnce() {
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            CommandLine cli = Main.commandLine();
            cli.parseArgs("--db-url", "jdbc:postgresql://db/pipeline", "--db-password", SECRET);
            Main main = cli.getCommand();
            assertThat(main.flags().get(Key.DB_PASSWORD)).isEqualTo(SECRET);
            main.flags();
        } finally {
            System.setErr(original);
        }
        String warning = err.toString(StandardCharsets.UTF_8);
        assertThat(warning).contains("warning: --db-password is visible to every account").contains("ADREVIEW_DB_PASSWORD")
                .doesNotContain(SECRET);
        assertThat(warning.split("warning:", -1)).hasSize(2);
    }

    @Test
    void databaseTextCannotDriveTheTerminal() {
        try (TestDatabase db = TestDatabase.start()) {
            UUID job = UUID.randomUUID();
            UUID variant = UUID.randomUUID();
            String tenant = "\u001b]0;owned\u0007\u001b[2Jtenant\u009b31m";
            db.sql("INSERT INTO jobs (job_id, tenant_id) VALUES ('" + job + "', '" + tenant + "')",
                    "INSERT INTO jobs_variants (job_variants_id, job_id, status, current_step) VALUES ('" + variant
                            + "', '" + job + "', 'done', 'img_gen')",
                    "INSERT INTO job_inputs (job_id, desc_eng) VALUES ('" + job + "', 'copy\u001b[8mhidden')");
            String url = db.database().url();
            for (String[] args : new String[][] {{"list"}, {"show", variant.toString()}}) {
                StringWriter out = new StringWriter();
                CommandLine cli = Main.commandLine();
                cli.setOut(new PrintWriter(out));
                cli.setErr(new PrintWriter(new StringWriter()));
                String[] all = new String[args.length + 2];
                System.arraycopy(args, 0, all, 0, args.length);
                all[args.length] = "--db-url";
                all[args.length + 1] = url;
                assertThat(cli.execute(all)).as(String.join(" ", args)).isZero();
                String text = out.toString();
                assertThat(text).as(args[0]).doesNotContain("\u001b").doesNotContain("\u0007").doesNotContain("\u009b")
                        .contains("\\u001b]0;owned\\u0007\\u001b[2Jtenant\\u009b31m");
            }
        }
    }

    @Test
    void theTerminalFilterKeepsLinesAndTabs() {
        assertThat(adreview.app.cli.Terminal.safe("a\tb\nc\rd\u001b[31me\u007f")).isEqualTo("a\tb\nc\\u000dd\\u001b[31me\\u007f");
        StringWriter out = new StringWriter();
        PrintWriter writer = new PrintWriter(new adreview.app.cli.Terminal.SafeWriter(out));
        writer.print("x\u001by");
        writer.print('\u0007');
        writer.flush();
        assertThat(out.toString()).isEqualTo("x\\u001by\\u0007");
    }
}

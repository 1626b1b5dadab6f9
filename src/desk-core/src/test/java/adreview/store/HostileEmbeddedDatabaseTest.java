package adreview.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The desk's own PostgreSQL against a second local account: against the real embedded server, a connection
 * without the password is refused, the password lives in a 0600 file in a 0700 folder, the server listens on
 * loopback only and commits durably, and a trust cluster made by an earlier desk is converted without losing a row.
 */
class HostileEmbeddedDatabaseTest {

    @TempDir
    static Path home;
    static EmbeddedDatabase server;

    @BeforeAll
    static void start() {
        server = EmbeddedDatabase.start(home.resolve("data/pg"));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static Connection connect(String url, String password) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", "postgres");
        if (password != null) {
            props.setProperty("password", password);
        }
        props.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(url, props);
    }

    private static String show(Connection c, String setting) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void aConnectionWithoutThePasswordIsRefused() {
        assertThatThrownBy(() -> connect(server.jdbcUrl(), null).close())
                .isInstanceOf(SQLException.class).hasMessageContaining("password");
        assertThatThrownBy(() -> connect(server.jdbcUrl(), "guess").close())
                .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
    }

    @Test
    void theServerIsDurableAndListensOnLoopbackOnly() throws Exception {
        try (Connection c = connect(server.jdbcUrl(), server.password())) {
            assertThat(show(c, "fsync")).isEqualTo("on");
            assertThat(show(c, "synchronous_commit")).isEqualTo("on");
            assertThat(show(c, "full_page_writes")).isEqualTo("on");
            assertThat(show(c, "listen_addresses")).isEqualTo("localhost");
            assertThat(show(c, "unix_socket_directories")).isEmpty();
            assertThat(show(c, "password_encryption")).isEqualTo("scram-sha-256");
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT rolpassword FROM pg_authid WHERE rolname = 'postgres'")) {
                rs.next();
                assertThat(rs.getString(1)).startsWith("SCRAM-SHA-256$4096:");
            }
        }
        String hba = readString(server.dataDir().resolve("pg_hba.conf"));
        assertThat(hba).contains("127.0.0.1/32  scram-sha-256").contains("::1/128       scram-sha-256")
                .doesNotContain("trust").doesNotContain("local ");
    }

    @Test
    void thePasswordFileAndFoldersAreTheOwnersAlone() throws Exception {
        Path passwordFile = server.dataDir().resolve(EmbeddedAccess.PASSWORD_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile))).isEqualTo("rw-------");
        assertThat(readString(passwordFile).strip()).isEqualTo(server.password()).hasSizeGreaterThanOrEqualTo(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(server.dataDir())))
                .isEqualTo("rwx------");
        Path binaries = EmbeddedDatabase.defaultBinaries(server.dataDir());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(binaries))).isEqualTo("rwx------");
        // The running server is the copy in the desk's (or the build's) own folder, not the shared temp one.
        long pid = Long.parseLong(Files.readAllLines(server.dataDir().resolve("postmaster.pid")).get(0).trim());
        String command = ProcessHandle.of(pid).flatMap(p -> p.info().command()).orElseThrow();
        assertThat(command).startsWith(binaries.toString());
        assertThat(command).doesNotStartWith(Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg").toString());
    }

    @Test
    void theDatabaseSeesThePasswordButNeverShowsIt() throws SQLException {
        try (Database db = Database.connect(server.jdbcUrl(), server.user(), server.password())) {
            assertThat(db.url()).doesNotContain(server.password());
            String fsync = db.withConnection(c -> show(c, "fsync"));
            assertThat(fsync).isEqualTo("on");
        }
        // A password written into the URL works and is never shown.
        String withPassword = server.jdbcUrl() + "&password=" + server.password();
        try (Database db = Database.connect(withPassword, server.user(), "")) {
            assertThat(db.url()).doesNotContain(server.password()).contains("password=••••");
        }
        assertThatThrownBy(() -> Database.connect(server.jdbcUrl() + "&password=wrong-secret", server.user(), ""))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageNotContaining("wrong-secret").hasMessageContaining("password authentication failed");
    }

    @Test
    void anOldTrustClusterIsConvertedWithoutLosingARow(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("pg");
        // The earlier desk: zonky's defaults, trust for every local connection, fsync off.
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false)
                .start();
             Connection c = connect(old.getJdbcUrl("postgres", "postgres"), null);
             Statement st = c.createStatement()) {
            st.execute("CREATE TABLE reviewer_notes (id int primary key, note text)");
            st.execute("INSERT INTO reviewer_notes SELECT g, 'note ' || g FROM generate_series(1, 250) g");
        }
        assertThat(readString(data.resolve("pg_hba.conf"))).contains("trust");

        try (EmbeddedDatabase converted = EmbeddedDatabase.start(data)) {
            assertThatThrownBy(() -> connect(converted.jdbcUrl(), null).close()).isInstanceOf(SQLException.class)
                    .hasMessageContaining("password");
            try (Connection c = connect(converted.jdbcUrl(), converted.password());
                 Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*), max(note) FROM reviewer_notes")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(250);
                assertThat(rs.getString(2)).isEqualTo("note 99");
                assertThat(show(c, "fsync")).isEqualTo("on");
            }
        }
        assertThat(readString(data.resolve("pg_hba.conf"))).startsWith(EmbeddedAccess.MANAGED).doesNotContain("trust");

        // The next start keeps the password and does not convert again.
        String password = readString(data.resolve(EmbeddedAccess.PASSWORD_FILE)).strip();
        try (EmbeddedDatabase again = EmbeddedDatabase.start(data);
             Connection c = connect(again.jdbcUrl(), password)) {
            assertThat(again.password()).isEqualTo(password);
            assertThat(show(c, "fsync")).isEqualTo("on");
        }
    }

    @Test
    void aLostPasswordFileIsReplacedWithANewPassword(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("pg");
        String first;
        try (EmbeddedDatabase db = EmbeddedDatabase.start(data)) {
            first = db.password();
        }
        Files.delete(data.resolve(EmbeddedAccess.PASSWORD_FILE));
        try (EmbeddedDatabase db = EmbeddedDatabase.start(data)) {
            assertThat(db.password()).isNotEqualTo(first);
            assertThatThrownBy(() -> connect(db.jdbcUrl(), first).close()).isInstanceOf(SQLException.class);
            try (Connection c = connect(db.jdbcUrl(), db.password())) {
                assertThat(show(c, "fsync")).isEqualTo("on");
            }
        }
    }

    private static String readString(Path file) throws java.io.IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}

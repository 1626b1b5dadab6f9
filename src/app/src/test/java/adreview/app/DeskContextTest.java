package adreview.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import adreview.app.DeskConfig.Key;
import adreview.store.Database;
import adreview.store.SchemaMismatchException;
import adreview.store.TestDatabase;
import adreview.store.VariantFilter;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** DeskContext against an external database: validate without --migrate, migrate with it, never seed. */
class DeskContextTest {

    private static TestDatabase server;

    @BeforeAll
    static void start() {
        server = TestDatabase.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static DeskConfig external(String url, boolean migrate) {
        Map<Key, String> flags = new EnumMap<>(Key.class);
        flags.put(Key.DB_URL, url);
        flags.put(Key.DB_USER, "postgres");
        if (migrate) {
            flags.put(Key.MIGRATE, "true");
        }
        return DeskConfig.resolve(Map.of(), new Properties(), null, flags, server.dir().resolve("data"));
    }

    @Test
    void anEmptyExternalDatabaseIsNotTouchedWithoutMigrate() {
        String url = server.createDatabase("empty_pipeline");
        assertThatThrownBy(() -> DeskContext.open(external(url, false)))
                .isInstanceOf(SchemaMismatchException.class)
                .hasMessageContaining("table jobs").hasMessageContaining("table vlm_traces")
                .hasMessageContaining("--migrate");
        // Validation created nothing there.
        try (Database empty = Database.connect(url, "postgres", "")) {
            long tables = empty.withConnection(c -> {
                try (var rs = c.createStatement().executeQuery(
                        "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            assertThat(tables).isZero();
        }
        try (DeskContext ignored = DeskContext.open(external(url, true))) {
            assertThat(ignored.startup().migrations()).isGreaterThanOrEqualTo(2); // V1, V2 and later features
            assertThat(ignored.startup().demoSeeded()).isFalse();
            assertThat(ignored.variants().list(VariantFilter.ALL)).isEmpty();
            assertThat(ignored.embedded()).isEmpty();
            assertThat(ignored.databaseDescription()).isEqualTo(url);
        }
        // Once migrated it validates and opens without --migrate.
        try (DeskContext again = DeskContext.open(external(url, false))) {
            assertThat(again.startup().migrations()).isZero();
            assertThat(again.assets().assetRoot()).isEqualTo(Path.of(server.dir().resolve("data/assets").toString()));
        }
    }

    @Test
    void openingTheDatabaseRecoversDeadRunsAndTheDeskSaysHowMany() throws Exception {
        String url = server.createDatabase("with_dead_run");
        java.util.UUID variant = java.util.UUID.randomUUID();
        try (DeskContext first = DeskContext.open(external(url, true))) {
            Process gone = new ProcessBuilder("true").start();
            gone.waitFor();
            first.database().runInTransaction(c -> {
                try (var st = c.createStatement()) {
                    st.execute("INSERT INTO jobs (job_id, tenant_id) VALUES ('" + variant + "', 't')");
                    st.execute("INSERT INTO jobs_variants (job_variants_id, job_id, current_step, status) VALUES ('"
                            + variant + "', '" + variant + "', 'vlm_judge', 'running')");
                    st.execute("INSERT INTO desk_runs (run_id, job_variants_id, job_id, stage, expected_step, host, pid) "
                            + "VALUES (gen_random_uuid(), '" + variant + "', '" + variant + "', 2, 'vlm_judge', '"
                            + adreview.store.ProcessIdentity.current().host() + "', " + gone.pid() + ")");
                }
            });
        }
        DeskServices starter = new DeskServices(() -> external(url, false), false);
        try (var service = starter.start(step -> { })) {
            assertThat(service.recoveredRuns()).isEqualTo(1);
            assertThat(service.variants()).singleElement()
                    .satisfies(v -> assertThat(v.row().status() + "/" + v.row().currentStep()).isEqualTo("failed/vlm_judge"));
        }
        try (DeskContext again = DeskContext.open(external(url, false))) {
            assertThat(again.recovered()).isEmpty();
        }
    }
}

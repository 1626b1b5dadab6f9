package adreview.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Migrations, constraints, schema validation and connection failures against a real PostgreSQL. */
class StoreSchemaTest {

    private static TestDatabase db;

    @BeforeAll
    static void start() {
        db = TestDatabase.start();
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    private static List<String> tables() {
        return db.database().withConnection(c -> {
            List<String> names = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1");
                 ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            return names;
        });
    }

    @Test
    void migrationsCreateEveryPipelineTableWithTheColumnsTheDeskNeeds() {
        assertThat(tables()).contains("jobs", "job_inputs", "image_assets", "jobs_variants",
                "txt_ad_copy_generations", "overlay_layouts", "vlm_traces", "desk_meta", Migrations.HISTORY_TABLE);
        assertThat(db.database().withConnection(SchemaValidator::missing)).isEmpty();
        SchemaValidator.validate(db.database()); // does not throw
    }

    @Test
    void migratingAgainAppliesNothing() {
        assertThat(Migrations.migrate(db.database().dataSource())).isZero();
    }

    @Test
    void indexesServeTheDesksQueries() {
        long indexes = db.count("SELECT count(*) FROM pg_indexes WHERE schemaname = 'public' AND indexname IN ("
                + "'jobs_variants_status_idx', 'jobs_variants_current_step_idx', 'jobs_variants_job_idx', "
                + "'vlm_traces_job_time_idx', 'vlm_traces_variant_time_idx', 'vlm_traces_time_idx')");
        assertThat(indexes).isEqualTo(6);
    }

    @Test
    void checkConstraintsRejectUnknownStatusAndStep() {
        db.sql("INSERT INTO jobs (job_id, tenant_id) VALUES ('00000000-0000-0000-0000-00000000c001', 't')");
        assertThatThrownBy(() -> db.sql("INSERT INTO jobs_variants (job_id, status) VALUES "
                + "('00000000-0000-0000-0000-00000000c001', 'finished')"))
                .isInstanceOf(StoreException.class).hasMessageContaining("jobs_variants_status_check");
        assertThatThrownBy(() -> db.sql("INSERT INTO jobs_variants (job_id, current_step) VALUES "
                + "('00000000-0000-0000-0000-00000000c001', 'painting')"))
                .isInstanceOf(StoreException.class).hasMessageContaining("jobs_variants_current_step_check");
        assertThatThrownBy(() -> db.sql("UPDATE jobs SET status = 'paused' "
                + "WHERE job_id = '00000000-0000-0000-0000-00000000c001'"))
                .isInstanceOf(StoreException.class).hasMessageContaining("jobs_status_check");
    }

    @Test
    void foreignKeysRejectAVariantOfAMissingJob() {
        assertThatThrownBy(() -> db.sql("INSERT INTO jobs_variants (job_id) VALUES "
                + "('00000000-0000-0000-0000-00000000dead')"))
                .isInstanceOf(StoreException.class).hasMessageContaining("foreign key");
    }

    @Test
    void traceVariantIdIsOptional() {
        db.sql("INSERT INTO jobs (job_id, tenant_id) VALUES ('00000000-0000-0000-0000-00000000c002', 't')",
                "INSERT INTO vlm_traces (job_id, provider, operation_type, request) VALUES "
                        + "('00000000-0000-0000-0000-00000000c002', 'llava', 'analyze', '{}')");
        assertThat(db.count("SELECT count(*) FROM vlm_traces WHERE job_id = '00000000-0000-0000-0000-00000000c002' "
                + "AND job_variants_id IS NULL")).isEqualTo(1);
    }

    @Test
    void validationOfADatabaseMissingATableNamesThatTable() {
        String url = db.createDatabase("partial_pipeline");
        try (Database partial = Database.connect(url, "postgres", "")) {
            partial.runInTransaction(c -> {
                try (var st = c.createStatement()) {
                    st.execute("CREATE TABLE jobs (job_id uuid primary key, tenant_id text, status text, "
                            + "current_step text, created_at timestamptz, updated_at timestamptz)");
                    st.execute("CREATE TABLE job_inputs (job_id uuid, desc_eng text)");
                    // image_assets without a primary key: the desk must not fail adding its foreign keys.
                    st.execute("CREATE TABLE image_assets (image_asset_id uuid, image_url text, created_at timestamptz)");
                    st.execute("CREATE TABLE jobs_variants (job_variants_id uuid primary key, job_id uuid, "
                            + "img_asset_id uuid, overlaid_img_asset_id uuid, status text, current_step text, "
                            + "updated_at timestamptz)");
                    st.execute("CREATE TABLE txt_ad_copy_generations (job_id uuid, generation_stage text, "
                            + "ad_copy_eng text, status text, created_at timestamptz)");
                    // overlay_layouts is missing; vlm_traces is the pipeline's, without job_variants_id.
                    st.execute("CREATE TABLE vlm_traces (vlm_trace_id uuid primary key, job_id uuid, provider text, "
                            + "operation_type text, request jsonb, response jsonb, latency_ms int, "
                            + "created_at timestamptz, updated_at timestamptz)");
                }
            });
            assertThatThrownBy(() -> SchemaValidator.validate(partial))
                    .isInstanceOf(SchemaMismatchException.class)
                    .hasMessageContaining("table overlay_layouts")
                    .hasMessageContaining("column vlm_traces.job_variants_id")
                    .hasMessageContaining("--migrate")
                    .satisfies(e -> assertThat(((SchemaMismatchException) e).missing())
                            .containsExactly("table overlay_layouts", "column vlm_traces.job_variants_id", "table desk_runs"));

            // --migrate on that pipeline database: baseline, then add only what is missing.
            Migrations.migrate(partial.dataSource());
            SchemaValidator.validate(partial);
            List<String> foreignKeys = partial.withConnection(c -> {
                List<String> names = new ArrayList<>();
                try (var rs = c.createStatement().executeQuery(
                        "SELECT conname FROM pg_constraint WHERE contype = 'f' AND confrelid <> conrelid ORDER BY 1")) {
                    while (rs.next()) {
                        names.add(rs.getString(1));
                    }
                }
                return names;
            });
            // The pipeline's database gets no foreign keys between tables from the desk (see PipelineMigrationTest):
            // only reviewer_decisions' retraction key, which points at its own table and puts no trigger elsewhere.
            assertThat(foreignKeys).isEmpty();
        }
    }

    @Test
    void unreachableDatabaseGivesOneClearReason() throws Exception {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + freePort + "/pipeline";
        assertThatThrownBy(() -> Database.connect(url, "postgres", "secret"))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessage("cannot connect to database at " + url + ": Connection refused")
                .satisfies(e -> assertThat(((DatabaseUnavailableException) e).url()).isEqualTo(url));
    }

    @Test
    void aUrlThatIsNotPostgresIsRejectedByName() {
        assertThatThrownBy(() -> Database.connect("jdbc:mysql://localhost/x", "u", "p"))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining("jdbc:mysql://localhost/x")
                .hasMessageContaining("not a PostgreSQL JDBC URL");
    }

    @Test
    void aTransactionCommitsTogetherOrNotAtAll() {
        db.sql("INSERT INTO jobs (job_id, tenant_id) VALUES ('00000000-0000-0000-0000-00000000c003', 't')");
        assertThatThrownBy(() -> db.database().runInTransaction(c -> {
            try (var st = c.createStatement()) {
                st.execute("INSERT INTO job_inputs (job_id, desc_eng) VALUES "
                        + "('00000000-0000-0000-0000-00000000c003', 'first write')");
            }
            throw new IllegalStateException("model failed after the first write");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(db.count("SELECT count(*) FROM job_inputs WHERE job_id = '00000000-0000-0000-0000-00000000c003'"))
                .isZero();

        assertThatThrownBy(() -> db.database().runInTransaction(c -> {
            try (var st = c.createStatement()) {
                st.execute("INSERT INTO job_inputs (job_id, desc_eng) VALUES "
                        + "('00000000-0000-0000-0000-00000000c003', 'first write')");
                st.execute("INSERT INTO jobs_variants (job_id, status) VALUES "
                        + "('00000000-0000-0000-0000-00000000c003', 'bogus')");
            }
        })).isInstanceOf(StoreException.class);
        assertThat(db.count("SELECT count(*) FROM job_inputs WHERE job_id = '00000000-0000-0000-0000-00000000c003'"))
                .isZero();

        String stored = db.database().inTransaction(c -> {
            try (var st = c.createStatement()) {
                st.execute("INSERT INTO job_inputs (job_id, desc_eng) VALUES "
                        + "('00000000-0000-0000-0000-00000000c003', 'kept')");
            }
            return "kept";
        });
        assertThat(db.count("SELECT count(*) FROM job_inputs WHERE desc_eng = '" + stored + "'")).isEqualTo(1);
    }
}

package adreview.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code --migrate} against the pipeline's own database (its tables, with their primary keys, and nothing of
 * the desk's): no foreign key or cascade is added to (or pointing at) the pipeline's tables, the desk's
 * indexes on them are built CONCURRENTLY so that the pipeline's writes go on meanwhile, and the newest
 * overlay layout is found without a {@code created_at} column.
 */
class PipelineMigrationTest {

    static final List<String> PIPELINE_TABLES = List.of("jobs", "job_inputs", "image_assets", "jobs_variants",
            "txt_ad_copy_generations", "overlay_layouts", "vlm_traces");
    static final UUID JOB = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    static final UUID A = UUID.fromString("00000000-0000-0000-0000-0000000000a2");
    static final UUID B = UUID.fromString("00000000-0000-0000-0000-0000000000a3");

    static TestDatabase server;
    static Database pipeline;

    @BeforeAll
    static void start() {
        server = TestDatabase.start();
        pipeline = Database.connect(server.createDatabase("pipeline_only"), "postgres", "");
        pipeline.runInTransaction(c -> {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE jobs (job_id uuid PRIMARY KEY, tenant_id text, status text, current_step text, "
                        + "created_at timestamptz DEFAULT now(), updated_at timestamptz DEFAULT now())");
                st.execute("CREATE TABLE job_inputs (job_id uuid PRIMARY KEY, desc_eng text, desc_kor text)");
                st.execute("CREATE TABLE image_assets (image_asset_id uuid PRIMARY KEY, image_url text, "
                        + "created_at timestamptz DEFAULT now())");
                st.execute("CREATE TABLE jobs_variants (job_variants_id uuid PRIMARY KEY, job_id uuid, img_asset_id uuid, "
                        + "overlaid_img_asset_id uuid, status text, current_step text, updated_at timestamptz DEFAULT now())");
                st.execute("CREATE TABLE txt_ad_copy_generations (id serial PRIMARY KEY, job_id uuid, generation_stage text, "
                        + "ad_copy_eng text, status text, created_at timestamptz DEFAULT now())");
                // As SPEC section 1 lists it: no created_at.
                st.execute("CREATE TABLE overlay_layouts (overlay_id uuid PRIMARY KEY, job_variants_id uuid, layout jsonb)");
                st.execute("CREATE TABLE vlm_traces (vlm_trace_id uuid PRIMARY KEY, job_id uuid, provider text, "
                        + "operation_type text, request jsonb, response jsonb, latency_ms int, "
                        + "created_at timestamptz DEFAULT now(), updated_at timestamptz DEFAULT now())");
                st.execute("INSERT INTO jobs (job_id, tenant_id, status, current_step) VALUES ('" + JOB + "', 't', 'running', 'overlay')");
                st.execute("INSERT INTO jobs_variants (job_variants_id, job_id, status, current_step) VALUES "
                        + "('" + A + "', '" + JOB + "', 'done', 'overlay'), ('" + B + "', '" + JOB + "', 'queued', 'vlm_judge')");
            }
        });
    }

    @AfterAll
    static void stop() {
        pipeline.close();
        server.close();
    }

    @Test
    void migrateAddsNoForeignKeysAndBuildsItsIndexesWithoutStoppingThePipelinesWrites() throws Exception {
        // A pipeline service is in the middle of a transaction that wrote to jobs_variants.
        try (Connection writer = pipeline.dataSource().getConnection()) {
            writer.setAutoCommit(false);
            try (Statement st = writer.createStatement()) {
                st.execute("UPDATE jobs_variants SET status = 'running' WHERE job_variants_id = '" + A + "'");
            }
            CompletableFuture<Integer> migration = CompletableFuture.supplyAsync(() -> Migrations.migrate(pipeline.dataSource()));
            // The index build waits for that transaction to end, as CREATE INDEX CONCURRENTLY does...
            awaitWaitingIndexBuild();
            // ...and meanwhile another writer goes through: a plain CREATE INDEX would hold it back.
            try (Connection other = pipeline.dataSource().getConnection(); Statement st = other.createStatement()) {
                st.execute("SET lock_timeout = '5s'");
                st.execute("UPDATE jobs_variants SET status = 'running' WHERE job_variants_id = '" + B + "'");
            }
            writer.commit();
            assertThat(migration.get(2, TimeUnit.MINUTES)).isPositive();
        }

        long foreignKeys = pipeline.withConnection(c -> {
            try (Statement st = c.createStatement(); var rs = st.executeQuery("SELECT count(*) FROM pg_constraint "
                    + "WHERE contype = 'f' AND (conrelid::regclass::text = ANY ('" + array(PIPELINE_TABLES) + "') "
                    + "OR confrelid::regclass::text = ANY ('" + array(PIPELINE_TABLES) + "'))")) {
                rs.next();
                return rs.getLong(1);
            }
        });
        assertThat(foreignKeys).as("foreign keys on or to the pipeline's tables").isZero();
        List<String> indexes = pipeline.withConnection(c -> {
            List<String> names = new java.util.ArrayList<>();
            try (Statement st = c.createStatement(); var rs = st.executeQuery("SELECT i.indexrelid::regclass::text "
                    + "FROM pg_index i WHERE i.indisvalid AND i.indrelid::regclass::text = ANY ('" + array(PIPELINE_TABLES)
                    + "') AND NOT i.indisprimary")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            return names;
        });
        assertThat(indexes).contains("jobs_variants_status_idx", "jobs_variants_current_step_idx", "jobs_variants_job_idx",
                "jobs_variants_updated_idx", "overlay_layouts_variant_idx", "vlm_traces_variant_time_idx");
        SchemaValidator.validate(pipeline); // desk_runs, reviewer_decisions and vlm_traces.job_variants_id are there
        assertThat(Migrations.migrate(pipeline.dataSource())).isZero();
    }

    @Test
    void withoutCreatedAtTheLayoutWrittenLastIsTheNewest() {
        UUID v = UUID.randomUUID();
        UUID first = UUID.fromString("ffffffff-ffff-ffff-ffff-fffffffffff1");
        UUID second = UUID.fromString("00000000-0000-0000-0000-00000000000f");
        pipeline.runInTransaction(c -> {
            try (Statement st = c.createStatement()) {
                st.execute("INSERT INTO jobs_variants (job_variants_id, job_id, status, current_step) VALUES "
                        + "('" + v + "', '" + JOB + "', 'done', 'overlay')");
                st.execute("INSERT INTO overlay_layouts (overlay_id, job_variants_id, layout) VALUES ('" + first + "', '"
                        + v + "', '{\"render\": {\"url\": \"/assets/first.png\"}}')");
            }
        });
        pipeline.runInTransaction(c -> {
            try (Statement st = c.createStatement()) {
                st.execute("INSERT INTO overlay_layouts (overlay_id, job_variants_id, layout) VALUES ('" + second + "', '"
                        + v + "', '{\"render\": {\"url\": \"/assets/second.png\"}}')");
            }
        });
        assertThat(pipeline.hasColumn("overlay_layouts", "created_at")).isFalse();
        ResolvedRender r = new RenderResolver(pipeline).resolve(v, null);
        assertThat(r.url()).isEqualTo("/assets/second.png");
        assertThat(r.overlayId()).isEqualTo(second);
        assertThat(new OverlayLayoutRepository(pipeline).forVariant(v).orElseThrow().overlayId()).isEqualTo(second);
    }

    @Test
    void aDatabaseMigratedWithTheEarlierV1AndV10IsRealignedAndAnyOtherEditStillFails() {
        try (Database old = Database.connect(server.createDatabase("migrated_earlier"), "postgres", "")) {
            Migrations.migrate(old.dataSource());
            old.runInTransaction(c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("UPDATE desk_schema_history SET checksum = -330258202 WHERE version = '1'");
                    st.execute("UPDATE desk_schema_history SET checksum = 1683004739 WHERE version = '10'");
                }
            });
            assertThat(Migrations.migrate(old.dataSource())).isZero();
            long realigned = old.withConnection(c -> {
                try (Statement st = c.createStatement(); var rs = st.executeQuery(
                        "SELECT count(*) FROM desk_schema_history WHERE checksum IN (-330258202, 1683004739)")) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            assertThat(realigned).isZero();

            old.runInTransaction(c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("UPDATE desk_schema_history SET checksum = 12345 WHERE version = '2'");
                }
            });
            assertThatThrownBy(() -> Migrations.migrate(old.dataSource()))
                    .isInstanceOf(StoreException.class).hasMessageContaining("checksum");
        }
    }

    private static void awaitWaitingIndexBuild() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            long waiting = server.count("SELECT count(*) FROM pg_stat_activity WHERE datname = 'pipeline_only' "
                    + "AND query ILIKE '%CREATE INDEX CONCURRENTLY%' AND wait_event_type = 'Lock'");
            if (waiting > 0) {
                return;
            }
            Thread.sleep(50);
        }
        String activity = server.database().withConnection(c -> {
            StringBuilder sb = new StringBuilder();
            try (Statement st = c.createStatement(); var rs = st.executeQuery("SELECT state, wait_event_type, wait_event, "
                    + "left(query, 200) FROM pg_stat_activity WHERE datname = 'pipeline_only'")) {
                while (rs.next()) {
                    sb.append(rs.getString(1)).append(" | ").append(rs.getString(2)).append(" | ").append(rs.getString(3))
                            .append(" | ").append(rs.getString(4).replace('\n', ' ')).append('\n');
                }
            }
            return sb.toString();
        });
        throw new AssertionError("no CREATE INDEX CONCURRENTLY waited for the open pipeline transaction:\n" + activity);
    }

    private static String array(List<String> names) {
        return "{" + String.join(",", names) + "}";
    }
}

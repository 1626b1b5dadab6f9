package adreview.review;

import adreview.store.Database;
import adreview.store.Migrations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * A real embedded PostgreSQL for the review tests: temp data folder, all migrations, and small
 * helpers that insert pipeline rows the way the pipeline writes them. Close it in {@code @AfterAll}.
 */
public final class ReviewTestDatabase implements AutoCloseable {

    private final Path dir;
    private final EmbeddedPostgres embedded;
    private final Database database;

    private ReviewTestDatabase(Path dir, EmbeddedPostgres embedded, Database database) {
        this.dir = dir;
        this.embedded = embedded;
        this.database = database;
    }

    public static ReviewTestDatabase start() {
        try {
            Path dir = Files.createTempDirectory("adreview-review-pg");
            EmbeddedPostgres embedded = EmbeddedPostgres.builder()
                    .setDataDirectory(dir.resolve("pg"))
                    .setCleanDataDirectory(true)
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .start();
            Database database = Database.connect(embedded.getJdbcUrl("postgres", "postgres"), "postgres", "");
            Migrations.migrate(database.dataSource());
            return new ReviewTestDatabase(dir, embedded, database);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** JDBC URL of the test database (user {@code postgres}, no password). */
    public String jdbcUrl() {
        return embedded.getJdbcUrl("postgres", "postgres");
    }

    public Database database() {
        return database;
    }

    /** A temp folder beside the database, e.g. for an asset root. */
    public Path dir() {
        return dir;
    }

    public UUID insertJob(String descEng) {
        UUID job = UUID.randomUUID();
        exec("INSERT INTO jobs (job_id, tenant_id, status, current_step) VALUES (?, 'tenant-test', 'running', 'img_gen')", job);
        if (descEng != null) {
            exec("INSERT INTO job_inputs (job_id, desc_eng) VALUES (?, ?)", job, descEng);
        }
        return job;
    }

    public void insertAdCopy(UUID job, String text, String status) {
        exec("INSERT INTO txt_ad_copy_generations (job_id, generation_stage, ad_copy_eng, status) VALUES (?, 'ad_copy_eng', ?, ?)",
                job, text, status);
    }

    public UUID insertAsset(String url) {
        UUID id = UUID.randomUUID();
        exec("INSERT INTO image_assets (image_asset_id, image_url) VALUES (?, ?)", id, url);
        return id;
    }

    public UUID insertVariant(UUID job, UUID image, UUID overlaid, String step, String status) {
        UUID id = UUID.randomUUID();
        exec("INSERT INTO jobs_variants (job_variants_id, job_id, img_asset_id, overlaid_img_asset_id, current_step, status) "
                + "VALUES (?, ?, ?, ?, ?, ?)", id, job, image, overlaid, step, status);
        return id;
    }

    public UUID insertOverlay(UUID variant, String renderUrl) {
        UUID id = UUID.randomUUID();
        exec("INSERT INTO overlay_layouts (overlay_id, job_variants_id, layout) VALUES (?, ?, ?::jsonb)", id, variant,
                "{\"render\": {\"url\": \"" + renderUrl + "\"}, \"text_boxes\": []}");
        return id;
    }

    /** {@code status/current_step} of a variant, e.g. {@code done/vlm_analyze}. */
    public String state(UUID variant) {
        return query("SELECT status || '/' || current_step FROM jobs_variants WHERE job_variants_id = ?", variant);
    }

    public int count(String table, String where, Object... params) {
        return Integer.parseInt(query("SELECT count(*)::text FROM " + table + " WHERE " + where, params));
    }

    public void exec(String sql, Object... params) {
        database.runInTransaction(c -> {
            try (PreparedStatement st = c.prepareStatement(sql)) {
                bind(st, params);
                st.executeUpdate();
            }
        });
    }

    public String query(String sql, Object... params) {
        return database.withConnection(c -> {
            try (PreparedStatement st = c.prepareStatement(sql)) {
                bind(st, params);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
    }

    private static void bind(PreparedStatement st, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            st.setObject(i + 1, params[i]);
        }
    }

    public Connection connection() throws SQLException {
        return database.dataSource().getConnection();
    }

    @Override
    public void close() {
        try {
            database.close();
        } finally {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}

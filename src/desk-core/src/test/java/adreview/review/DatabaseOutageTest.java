package adreview.review;

import adreview.review.prompt.Prompt;
import adreview.review.prompt.PromptLibrary;
import adreview.store.AdCopyResolver;
import adreview.store.AssetResolver;
import adreview.store.Database;
import adreview.store.Migrations;
import adreview.store.ProcessIdentity;
import adreview.store.RenderResolver;
import adreview.store.RunClaims;
import adreview.store.RunRecovery;
import adreview.store.TraceRepository;
import adreview.store.VariantRepository;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The database stops in the middle of a run (a server of its own, restarted on the same data folder and
 * port): a short outage is ridden out by the final write's retries; a long one is reported in one line, the
 * claim stays open, and the recovery fails the variant once the database is back.
 */
class DatabaseOutageTest {

    static Path dir;
    static int port;
    static volatile EmbeddedPostgres server;
    static Database database;
    static Path assets;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("adreview-outage-");
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        server = startServer();
        database = Database.connect(server.getJdbcUrl("postgres", "postgres"), "postgres", "");
        Migrations.migrate(database.dataSource());
        assets = dir.resolve("assets");
        Files.createDirectories(assets);
        ImageIO.write(new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB), "png", assets.resolve("o.png").toFile());
    }

    @AfterAll
    static void stop() throws IOException {
        database.close();
        if (server != null) {
            server.close();
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    static EmbeddedPostgres startServer() {
        try {
            return EmbeddedPostgres.builder()
                    .setDataDirectory(dir.resolve("pg"))
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("fsync", "off")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void stopServer() {
        try {
            server.close();
            server = null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static UUID variant() {
        UUID job = UUID.randomUUID();
        UUID image = UUID.randomUUID();
        UUID v = UUID.randomUUID();
        database.runInTransaction(c -> {
            try (var st = c.createStatement()) {
                st.execute("INSERT INTO jobs (job_id, tenant_id) VALUES ('" + job + "', 't')");
                st.execute("INSERT INTO image_assets (image_asset_id, image_url) VALUES ('" + image + "', '/assets/o.png')");
                st.execute("INSERT INTO jobs_variants (job_variants_id, job_id, img_asset_id, current_step, status) "
                        + "VALUES ('" + v + "', '" + job + "', '" + image + "', 'img_gen', 'done')");
            }
        });
        return v;
    }

    static String query(String sql, UUID v) {
        return database.withConnection(c -> {
            try (PreparedStatement st = c.prepareStatement(sql)) {
                st.setObject(1, v);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
    }

    static ReviewService service(ReviewModel model, RunClaims claims) {
        return new ReviewService(database, new VariantRepository(database), new TraceRepository(database),
                new AdCopyResolver(database), new RenderResolver(database), new AssetResolver(assets),
                new PromptLibrary(), model, null, claims);
    }

    @Test
    void aShortOutageDuringTheFinalWriteIsRetriedAndTheRunEndsDone() throws Exception {
        UUID v = variant();
        CountDownLatch down = new CountDownLatch(1);
        ScriptedModel model = ScriptedModel.fast().onPiece(n -> {
            if (n == 3) {
                stopServer();
                down.countDown();
            }
        });
        Thread restarter = new Thread(() -> {
            try {
                down.await();
                Thread.sleep(4_000);
                server = startServer();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        restarter.start();
        long t0 = System.nanoTime();
        RunOutcome o;
        try (RunClaims claims = new RunClaims(database, ProcessIdentity.current(), Duration.ofMillis(500),
                RunClaims.FINAL_WRITE_RETRY)) {
            o = service(model, claims).run(RunRequest.pipeline(Prompt.Stage.STAGE1, v).withConstrained(false), null, null);
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        restarter.join();
        System.out.println("database down ~4 s during a run: final write stored after " + millis + " ms");

        assertThat(o).isInstanceOf(RunOutcome.Done.class);
        assertThat(query("SELECT status || '/' || current_step FROM jobs_variants WHERE job_variants_id = ?", v))
                .isEqualTo("done/vlm_analyze");
        assertThat(query("SELECT count(*)::text FROM vlm_traces WHERE job_variants_id = ?", v)).isEqualTo("1");
        assertThat(query("SELECT outcome FROM desk_runs WHERE job_variants_id = ?", v)).isEqualTo("done");
    }

    @Test
    void anOutageLongerThanTheRetryWindowIsOneLineAndTheVariantIsRecoveredLater() throws Exception {
        UUID v = variant();
        ScriptedModel model = ScriptedModel.fast().onPiece(n -> {
            if (n == 3) {
                stopServer();
            }
        });
        long t0 = System.nanoTime();
        try (RunClaims claims = new RunClaims(database, ProcessIdentity.current(), Duration.ofMillis(500),
                Duration.ofSeconds(2))) {
            assertThatThrownBy(() -> service(model, claims)
                    .run(RunRequest.pipeline(Prompt.Stage.STAGE1, v).withConstrained(false), null, null))
                    .isInstanceOf(ResultNotStoredException.class)
                    .hasMessageContaining("unreachable for 2 s")
                    .hasMessageContaining("until its claim expires")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        } finally {
            System.out.println("database down for good: run gave up after " + (System.nanoTime() - t0) / 1_000_000
                    + " ms (retry window 2 s; the pool waits up to 10 s per attempt)");
            server = startServer();
        }
        // Back up: the run's running and its open claim are still there, nothing else was written.
        assertThat(query("SELECT status || '/' || current_step FROM jobs_variants WHERE job_variants_id = ?", v))
                .isEqualTo("running/vlm_analyze");
        assertThat(query("SELECT coalesce(outcome, 'open') FROM desk_runs WHERE job_variants_id = ?", v)).isEqualTo("open");
        // The claim is no longer live anywhere: the next recovery (any desk process opening the database) fails it.
        assertThat(new RunRecovery(database).recoverDead()).singleElement()
                .satisfies(r -> assertThat(r.variantFailed()).isTrue());
        assertThat(query("SELECT status || '/' || current_step FROM jobs_variants WHERE job_variants_id = ?", v))
                .isEqualTo("failed/vlm_analyze");
        assertThat(query("SELECT response ->> 'interrupted' FROM vlm_traces WHERE job_variants_id = ?", v)).isEqualTo("true");
    }
}

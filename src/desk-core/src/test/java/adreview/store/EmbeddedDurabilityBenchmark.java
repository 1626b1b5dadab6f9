package adreview.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What durability costs the embedded server (the README's numbers): start-up of a new cluster and of an existing
 * one, and a batch of 100 reviewer decisions each committed on its own (as the desk commits them), with fsync and
 * synchronous commit on and off. Prints; asserts nothing about time. Tagged slow: run it with
 * {@code ./mvnw test -Pall-tests -Dtest=EmbeddedDurabilityBenchmark}.
 */
@Tag("slow")
class EmbeddedDurabilityBenchmark {

    @TempDir
    Path dir;

    @Test
    void fsyncCost() throws Exception {
        Path binaries = EmbeddedDatabase.defaultBinaries(dir.resolve("pg"));
        for (int round = 0; round < 2; round++) {
            for (boolean durable : new boolean[] {false, true}) {
                Path data = dir.resolve("pg-" + durable + "-" + round);
                long t0 = System.nanoTime();
                try (EmbeddedDatabase db = EmbeddedDatabase.start(data, binaries, durable)) {
                    long created = System.nanoTime() - t0;
                    db.close();
                    long t1 = System.nanoTime();
                    try (EmbeddedDatabase again = EmbeddedDatabase.start(data, binaries, durable);
                         Database database = Database.connect(again.jdbcUrl(), again.user(), again.password())) {
                        long restarted = System.nanoTime() - t1;
                        Migrations.migrate(database.dataSource());
                        UUID job = UUID.randomUUID();
                        UUID variant = UUID.randomUUID();
                        database.runInTransaction(c -> {
                            try (var st = c.createStatement()) {
                                st.execute("INSERT INTO jobs (job_id, tenant_id) VALUES ('" + job + "', 't')");
                                st.execute("INSERT INTO jobs_variants (job_variants_id, job_id, status, current_step)"
                                        + " VALUES ('" + variant + "', '" + job + "', 'done', 'overlay')");
                            }
                        });
                        long t2 = System.nanoTime();
                        for (int i = 0; i < 100; i++) {
                            int n = i;
                            database.runInTransaction(c -> {
                                try (PreparedStatement st = c.prepareStatement("INSERT INTO reviewer_decisions"
                                        + " (job_variants_id, verdict, comment, reviewer) VALUES (?, 'accept', ?, 'bench')")) {
                                    st.setObject(1, variant);
                                    st.setString(2, "decision " + n);
                                    st.executeUpdate();
                                }
                            });
                        }
                        long batch = System.nanoTime() - t2;
                        System.out.printf("fsync %-3s round %d: new cluster start %5.0f ms, restart %5.0f ms,"
                                        + " 100 decisions (one commit each) %5.0f ms (%.1f ms/commit)%n",
                                durable ? "on" : "off", round, created / 1e6, restarted / 1e6, batch / 1e6,
                                batch / 1e6 / 100);
                    }
                }
                if (!Files.isDirectory(data)) {
                    throw new AssertionError(data + " vanished");
                }
            }
        }
    }
}

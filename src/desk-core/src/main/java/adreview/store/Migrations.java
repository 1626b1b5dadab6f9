package adreview.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flyway migrations in {@code db/migration}: V1-V9 are the pipeline schema and the desk's own
 * bookkeeping, V10 and up belong to later features (reviewer decisions, run claims, ...).
 *
 * <p>The history table is {@code desk_schema_history}, so that a pipeline which uses Flyway itself
 * keeps its own history untouched; an existing non-empty schema is baselined at version 0 and
 * the idempotent V1 then only adds what is missing. That baseline row is also how the scripts tell
 * the pipeline's own database from one the desk created: only the latter gets foreign keys.
 * Indexes on the pipeline's tables are built {@code CONCURRENTLY} (V12, outside a transaction).
 */
public final class Migrations {

    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

    /** Flyway's history table for the desk's migrations. */
    public static final String HISTORY_TABLE = "desk_schema_history";

    /**
     * Checksums of applied scripts that were later edited on purpose (V1 and V10 stopped adding
     * foreign keys to a pipeline database, V1's indexes moved to V12). A database that applied the
     * old text is realigned to the new checksum instead of failing validation; any other mismatch
     * still fails as Flyway reports it.
     */
    static final Map<String, Integer> EDITED_CHECKSUMS = Map.of("1", -330258202, "10", 1683004739);

    private Migrations() {
    }

    /** Applies pending migrations; returns how many ran. */
    public static int migrate(DataSource dataSource) {
        try {
            realignEditedChecksums(flyway(dataSource), dataSource);
            // A fresh instance: Flyway caches the history rows it has read.
            MigrateResult result = flyway(dataSource).migrate();
            return result.migrationsExecuted;
        } catch (FlywayValidateException e) {
            // Its first line only says that validation failed; the second names the migration and the problem.
            String[] lines = e.getMessage().split("\\R");
            throw new StoreException("database migration failed: " + lines[0]
                    + (lines.length > 1 ? " (" + lines[1].strip() + ")" : ""), e);
        } catch (RuntimeException e) {
            throw new StoreException("database migration failed: " + Database.reason(e), e);
        }
    }

    static Flyway flyway(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .table(HISTORY_TABLE)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                // A transaction-scoped advisory lock would keep a transaction open on Flyway's lock
                // connection, and CREATE INDEX CONCURRENTLY (V12) waits for every open transaction.
                .configuration(Map.of("flyway.postgresql.transactional.lock", "false"))
                .loggers("slf4j")
                .load();
    }

    private static void realignEditedChecksums(Flyway flyway, DataSource dataSource) {
        for (MigrationInfo info : flyway.info().applied()) {
            if (info.getVersion() == null || info.isChecksumMatching()) {
                continue;
            }
            Integer old = EDITED_CHECKSUMS.get(info.getVersion().getVersion());
            Integer applied = info.getAppliedChecksum();
            Integer resolved = info.getResolvedChecksum();
            if (old == null || !old.equals(applied) || resolved == null) {
                continue;
            }
            try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement(
                    "UPDATE " + HISTORY_TABLE + " SET checksum = ? WHERE version = ? AND checksum = ?")) {
                st.setInt(1, resolved);
                st.setString(2, info.getVersion().getVersion());
                st.setInt(3, old);
                st.executeUpdate();
            } catch (SQLException e) {
                throw new StoreException("cannot realign the checksum of migration V" + info.getVersion() + ": "
                        + Database.reason(e), e);
            }
            LOG.info("migration V{} was applied in its earlier text; checksum realigned to the edited script",
                    info.getVersion().getVersion());
        }
    }
}

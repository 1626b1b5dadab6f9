package adreview.store;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Flyway migrations in {@code db/migration}: V1-V9 are the pipeline schema and the desk's own
 * bookkeeping, V10 and up belong to later features (reviewer decisions, ...).
 *
 * <p>The history table is {@code desk_schema_history}, so that a pipeline which uses Flyway itself
 * keeps its own history untouched; an existing non-empty schema is baselined at version 0 and
 * the idempotent V1 then only adds what is missing.
 */
public final class Migrations {

    /** Flyway's history table for the desk's migrations. */
    public static final String HISTORY_TABLE = "desk_schema_history";

    private Migrations() {
    }

    /** Applies pending migrations; returns how many ran. */
    public static int migrate(DataSource dataSource) {
        try {
            MigrateResult result = flyway(dataSource).migrate();
            return result.migrationsExecuted;
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
                .loggers("slf4j")
                .load();
    }
}

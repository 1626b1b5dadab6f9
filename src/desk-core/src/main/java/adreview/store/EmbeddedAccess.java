package adreview.store;

import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Who may connect to the embedded PostgreSQL: only a client that knows the cluster's password, over loopback. The
 * password is random, made when the cluster is first secured and kept in {@value #PASSWORD_FILE} inside the data
 * folder (mode 0600, in a 0700 folder); {@code pg_hba.conf} allows {@code scram-sha-256} from 127.0.0.1 and ::1
 * and nothing else. A cluster made by an earlier desk (trust for everyone on loopback) is converted the same way
 * on its first start: its rows are not touched.
 *
 * <p>The password is set while no server runs, in PostgreSQL's single-user mode (no socket at all), and the server
 * is given a SCRAM verifier rather than the password: there is no moment at which another local account could
 * connect without it, and nothing the server logs contains it.
 */
final class EmbeddedAccess {

    static final String PASSWORD_FILE = "desk-password";
    static final String HBA_FILE = "pg_hba.conf";
    /** First line of a pg_hba.conf the desk wrote; without it the cluster still needs securing. */
    static final String MANAGED = "# Ad Review Desk: scram-sha-256 on loopback only; the desk rewrites this file.";
    static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");

    private final Path dataDir;
    private final Path binaries;
    private final String password;
    private final boolean fresh;

    private EmbeddedAccess(Path dataDir, Path binaries, String password, boolean fresh) {
        this.dataDir = dataDir;
        this.binaries = binaries;
        this.password = password;
        this.fresh = fresh;
    }

    /**
     * The cluster's password: the one in its password file, or a new one (written to the file only when the
     * cluster is secured, after initdb, which needs an empty folder).
     *
     * @param binaries the folder zonky unpacks the PostgreSQL binaries into (searched for {@code postgres})
     */
    static EmbeddedAccess prepare(Path dataDir, Path binaries) {
        Path file = dataDir.resolve(PASSWORD_FILE);
        if (Files.isRegularFile(file)) {
            try {
                String stored = Files.readString(file, StandardCharsets.US_ASCII).strip();
                if (!stored.isEmpty()) {
                    return new EmbeddedAccess(dataDir, binaries, stored, false);
                }
            } catch (IOException e) {
                throw new StoreException("cannot read the database password file " + file + ": " + e.getMessage()
                        + "; delete it and start the desk again to set a new password", e);
            }
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        return new EmbeddedAccess(dataDir, binaries, Base64.getUrlEncoder().withoutPadding().encodeToString(random),
                true);
    }

    /** The password every connection must give. Never shown, never logged. */
    String password() {
        return password;
    }

    /**
     * Makes the stopped cluster private if it is not yet (a new cluster, one from an earlier desk, or a lost
     * password file): password file, role password, pg_hba.conf. Called by zonky after initdb, before the server
     * starts. Returns true when something was changed.
     */
    boolean secure() {
        Path hba = dataDir.resolve(HBA_FILE);
        boolean managed;
        try {
            managed = Files.isRegularFile(hba) && Files.readString(hba, StandardCharsets.UTF_8).startsWith(MANAGED);
        } catch (IOException e) {
            throw new StoreException("cannot read " + hba + ": " + e.getMessage(), e);
        }
        restrict(dataDir, OWNER_ONLY_DIR);
        if (managed && !fresh) {
            restrict(dataDir.resolve(PASSWORD_FILE), OWNER_ONLY_FILE);
            return false;
        }
        writePrivate(dataDir.resolve(PASSWORD_FILE), password + "\n");
        setRolePassword();
        writePrivate(hba, MANAGED + "\n"
                + "# TYPE  DATABASE  USER  ADDRESS       METHOD\n"
                + "host    all       all   127.0.0.1/32  scram-sha-256\n"
                + "host    all       all   ::1/128       scram-sha-256\n");
        return true;
    }

    /** {@code ALTER ROLE postgres PASSWORD '<verifier>'} in single-user mode: no listener, no other client. */
    private void setRolePassword() {
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            // As zonky runs initdb and pg_ctl when the desk runs as root: PostgreSQL refuses to run as root.
            command.addAll(List.of("unshare", "-U"));
        }
        command.add(postgresBinary().toString());
        command.addAll(List.of("--single", "-D", dataDir.toString(), "-c", "exit_on_error=true",
                "-c", "log_min_error_statement=panic", "-c", "password_encryption=scram-sha-256", "postgres"));
        String statement = "ALTER ROLE postgres WITH LOGIN PASSWORD '" + ScramVerifier.of(password) + "'\n";
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            try (OutputStream in = process.getOutputStream()) {
                in.write(statement.getBytes(StandardCharsets.US_ASCII));
            }
            String output = drain(process.getInputStream());
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new StoreException("setting the embedded database's password in " + dataDir
                        + " did not finish within 60 s");
            }
            if (process.exitValue() != 0 || output.contains("ERROR") || output.contains("FATAL")) {
                throw new StoreException("cannot set the embedded database's password in " + dataDir + ": "
                        + firstProblem(output));
            }
        } catch (IOException e) {
            throw new StoreException("cannot run PostgreSQL in single-user mode to secure " + dataDir + ": "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while securing the embedded database in " + dataDir, e);
        }
    }

    /** The {@code postgres} executable zonky unpacked: the newest complete unpack under the binaries folder. */
    private Path postgresBinary() {
        String exe = System.getProperty("os.name", "").startsWith("Windows") ? "postgres.exe" : "postgres";
        try (Stream<Path> dirs = Files.list(binaries)) {
            Optional<Path> found = dirs
                    .filter(d -> d.getFileName().toString().startsWith("PG-"))
                    .filter(d -> Files.isRegularFile(d.resolve(".exists")) && Files.isExecutable(d.resolve("bin").resolve(exe)))
                    .max(Comparator.comparingLong(d -> d.resolve(".exists").toFile().lastModified()));
            return found.orElseThrow(() -> new StoreException("no unpacked PostgreSQL binaries in " + binaries
                    + "; delete that folder and start the desk again")).resolve("bin").resolve(exe);
        } catch (IOException e) {
            throw new StoreException("cannot list " + binaries + ": " + e.getMessage(), e);
        }
    }

    private static String drain(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The first ERROR or FATAL line of PostgreSQL's output (it never holds the password: only a verifier). */
    private static String firstProblem(String output) {
        return output.lines().filter(l -> l.contains("ERROR") || l.contains("FATAL")).findFirst()
                .orElse(output.isBlank() ? "no output" : output.lines().reduce((a, b) -> b).orElse("")).strip();
    }

    /** Writes {@code text} to a new file that only the owner can read, then moves it over {@code file}. */
    static void writePrivate(Path file, String text) {
        Path tmp = file.resolveSibling(file.getFileName() + ".new");
        try {
            Files.deleteIfExists(tmp);
            if (posix(file)) {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
            } else {
                Files.createFile(tmp);
            }
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new StoreException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Sets owner-only permissions where the file system has POSIX permissions. */
    static void restrict(Path path, Set<PosixFilePermission> permissions) {
        if (!Files.exists(path) || !posix(path)) {
            return;
        }
        try {
            Files.setPosixFilePermissions(path, permissions);
        } catch (IOException e) {
            throw new StoreException("cannot make " + path + " private to this account: " + e.getMessage(), e);
        }
    }

    private static boolean posix(Path path) {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                && path.getFileSystem().equals(FileSystems.getDefault());
    }
}

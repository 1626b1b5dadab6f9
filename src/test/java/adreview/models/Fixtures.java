package adreview.models;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.stream.Stream;

/** Where the shared test fixtures are, and a writable copy of the tiny model for tests that damage it. */
public final class Fixtures {

    private Fixtures() {
    }

    public static Path tinyModel() {
        return Paths.get(System.getProperty("adreview.shared", "../shared"), "fixtures", "llava-tiny");
    }

    public static Path copyOfTinyModel(Path into) throws IOException {
        Files.createDirectories(into);
        try (Stream<Path> files = Files.list(tinyModel())) {
            for (Path f : files.toList()) {
                Path dest = into.resolve(f.getFileName().toString());
                Files.copy(f, dest);
                dest.toFile().setWritable(true);
            }
        }
        return into;
    }
}

package adreview.models;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The tiny model of the engine's fixtures, and a writable copy of it for tests that damage it. */
public final class Fixtures {

    private Fixtures() {
    }

    public static Path tinyModel() {
        return adreview.llava.Fixtures.tinyModel();
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

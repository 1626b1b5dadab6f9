package adreview.llava;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the shared test fixtures are: system property {@code adreview.shared}, else {@code ../shared}. */
public final class Fixtures {
    private Fixtures() {
    }

    public static Path shared() {
        String prop = System.getProperty("adreview.shared");
        Path p = prop != null ? Path.of(prop) : Path.of("..", "shared");
        if (!Files.isDirectory(p)) {
            throw new IllegalStateException("shared fixtures not found at " + p.toAbsolutePath());
        }
        return p;
    }

    public static Path fixtures() {
        return shared().resolve("fixtures");
    }

    public static Path tinyModel() {
        return fixtures().resolve("llava-tiny");
    }

    public static Path reference() {
        return fixtures().resolve("reference.safetensors");
    }

    public static Path referenceJson() {
        return fixtures().resolve("reference.json");
    }
}

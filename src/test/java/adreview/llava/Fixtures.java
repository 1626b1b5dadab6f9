package adreview.llava;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the shared test fixtures are: system property {@code adreview.shared}, else {@code ../shared}. */
public final class Fixtures {
    static {
        // The tiny model's steps are a few microseconds of arithmetic each; with two intra-op threads on a loaded
        // 2-core machine every parallel op waits on a descheduled OpenMP thread (about 30x slower). Must be set
        // before DJL's PyTorch engine starts; an explicit -Dai.djl.pytorch.num_threads wins.
        if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_threads", "1");
        }
    }

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

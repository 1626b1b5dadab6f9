package adreview.llava;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the test fixtures are (the tiny LLaVA, its reference outputs, the images): system property
 * {@code adreview.fixtures} (the build sets it), else {@code src/engine/src/test/fixtures} found upwards from the
 * working directory (a test started from an IDE).
 */
public final class Fixtures {
    static {
        // The tiny model's steps are a few microseconds of arithmetic each; with two intra-op threads on a loaded
        // 2-core machine every parallel op waits on a descheduled OpenMP thread (about 30x slower). Must be set
        // before DJL's PyTorch engine starts; an explicit -Dai.djl.pytorch.num_threads wins.
        if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_threads", "1");
        }
    }

    private static final Path IN_REPOSITORY = Path.of("src", "engine", "src", "test", "fixtures");

    private Fixtures() {
    }

    public static Path fixtures() {
        String prop = System.getProperty("adreview.fixtures");
        if (prop != null) {
            return requireFolder(Path.of(prop));
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(IN_REPOSITORY))) {
                return dir.resolve(IN_REPOSITORY);
            }
        }
        throw new IllegalStateException("test fixtures not found: set -Dadreview.fixtures or run from the checkout");
    }

    private static Path requireFolder(Path p) {
        if (!Files.isDirectory(p)) {
            throw new IllegalStateException("test fixtures not found at " + p.toAbsolutePath());
        }
        return p;
    }

    public static Path tinyModel() {
        return fixtures().resolve("llava-tiny");
    }

    public static Path images() {
        return fixtures().resolve("images");
    }

    /** The reference shard that holds one tensor (the reference is sharded like a model; see the fixtures' README). */
    public static Path referenceShard(String tensor) {
        try {
            JsonNode shard = new ObjectMapper().readTree(fixtures().resolve("reference.safetensors.index.json").toFile())
                    .path("weight_map").path(tensor);
            if (!shard.isTextual()) {
                throw new IllegalArgumentException("no reference tensor " + tensor);
            }
            return fixtures().resolve(shard.asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path referenceJson() {
        return fixtures().resolve("reference.json");
    }
}

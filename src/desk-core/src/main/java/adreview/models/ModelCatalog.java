package adreview.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The model folders a reviewer can choose from: every directory under the models directory (or the
 * models directory itself when it is a model folder) plus folders the user added elsewhere. Listing
 * reads config.json and the safetensors headers only, so it is quick even for a 13B model, but it is
 * still disk I/O: never call it on the JavaFX thread.
 */
public final class ModelCatalog {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path modelsDir;
    private final ModelVerifier verifier = new ModelVerifier();

    public ModelCatalog(Path modelsDir) {
        this.modelsDir = Objects.requireNonNull(modelsDir).toAbsolutePath().normalize();
    }

    /**
     * The catalog around the configured model folder: a model folder is listed beside its siblings (its parent is
     * the models directory); any other folder holds the models itself. The window and the CLI both start here, so
     * that {@code --model-dir} names the same list in both.
     */
    public static ModelCatalog around(Path modelDir) {
        Path dir = modelDir.toAbsolutePath().normalize();
        return new ModelCatalog(Files.isRegularFile(dir.resolve("config.json")) && dir.getParent() != null
                ? dir.getParent() : dir);
    }

    public Path modelsDir() {
        return modelsDir;
    }

    /** Where a download of {@code repoId} goes by default: {@code <models>/<last part of the id>}. */
    public Path folderFor(String repoId) {
        String name = repoId.substring(repoId.lastIndexOf('/') + 1);
        return modelsDir.resolve(name);
    }

    /** Folders under the models directory and the added ones, each once, in that order. */
    public List<Path> folders(Collection<Path> added) {
        Set<Path> out = new LinkedHashSet<>();
        if (Files.isRegularFile(modelsDir.resolve("config.json"))) {
            out.add(modelsDir);
        } else if (Files.isDirectory(modelsDir)) {
            try (Stream<Path> children = Files.list(modelsDir)) {
                children.filter(Files::isDirectory)
                        .filter(p -> !p.getFileName().toString().startsWith("."))
                        .filter(ModelCatalog::looksLikeModelFolder)
                        .sorted()
                        .forEach(out::add);
            } catch (IOException e) {
                // An unreadable models directory lists nothing; the added folders still show.
            }
        }
        added.forEach(p -> out.add(p.toAbsolutePath().normalize()));
        return new ArrayList<>(out);
    }

    /** A folder with a config, weights or a download under way; other directories (images, notes) are not listed. */
    static boolean looksLikeModelFolder(Path dir) {
        if (Files.exists(dir.resolve("config.json")) || Files.exists(dir.resolve(ModelVerifier.INDEX))
                || Files.isDirectory(dir.resolve(ModelVerifier.DOWNLOAD_DIR))) {
            return true;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".safetensors"));
        } catch (IOException e) {
            return false;
        }
    }

    /** Describes every folder; the one equal to {@code inUse} (may be null) is marked. */
    public List<ModelFolderInfo> list(Collection<Path> added, Path inUse) {
        return folders(added).stream().map(f -> describe(f, inUse)).toList();
    }

    /** Reads one folder: architecture from config.json, dtype and completeness from the verifier. */
    public ModelFolderInfo describe(Path folder, Path inUse) {
        Path abs = folder.toAbsolutePath().normalize();
        ModelFolderReport report = verifier.verify(abs);
        boolean used = inUse != null && inUse.toAbsolutePath().normalize().equals(abs);
        return new ModelFolderInfo(abs.getFileName() == null ? abs.toString() : abs.getFileName().toString(), abs,
                architecture(abs).orElse("?"), ModelVerifier.sizeOnDisk(abs), report.dtypeSummary(),
                report.problems(), used);
    }

    /** "LlavaForConditionalGeneration (llava)" from config.json's architectures and model_type. */
    static Optional<String> architecture(Path folder) {
        Path config = folder.resolve("config.json");
        if (!Files.isRegularFile(config)) {
            return Optional.empty();
        }
        try {
            JsonNode root = JSON.readTree(config.toFile());
            String arch = root.path("architectures").path(0).asText("");
            String type = root.path("model_type").asText("");
            if (arch.isEmpty()) {
                return type.isEmpty() ? Optional.empty() : Optional.of(type);
            }
            return Optional.of(type.isEmpty() ? arch : arch + " (" + type + ")");
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}

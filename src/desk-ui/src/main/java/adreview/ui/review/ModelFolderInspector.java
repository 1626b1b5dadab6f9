package adreview.ui.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

/**
 * Checks, by looking at files only (no loading), that a folder holds a Hugging Face LLaVA model the engine
 * can read: config, tokenizer, preprocessor config and every safetensors shard the index names.
 * Cheap enough for the UI to call whenever the configuration changes (on a background thread all the same).
 */
public final class ModelFolderInspector {

    private static final List<String> REQUIRED = List.of("config.json", "tokenizer.json", "preprocessor_config.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    private ModelFolderInspector() {
    }

    /**
     * Inspects the configured model location ({@code model.dir} / {@code ADREVIEW_MODEL_DIR} / {@code --model-dir}),
     * which is either one model folder or a folder of them (like {@code models/}); in the latter case the LLaVA
     * folder in it (llava-1.5-7b-hf first) is inspected.
     */
    public static ModelReadiness inspectConfigured(Path modelDir) {
        if (modelDir == null || !Files.isDirectory(modelDir) || Files.isRegularFile(modelDir.resolve("config.json"))) {
            return inspect(modelDir);
        }
        List<Path> candidates = new ArrayList<>();
        try (var dirs = Files.list(modelDir)) {
            dirs.filter(d -> Files.isDirectory(d) && Files.isRegularFile(d.resolve("config.json"))).sorted().forEach(candidates::add);
        } catch (IOException e) {
            return ModelReadiness.missing("Model folder " + modelDir + " cannot be read: " + e.getMessage() + ".", REMEDY);
        }
        if (candidates.isEmpty()) {
            return ModelReadiness.missing("No model in " + modelDir + " yet.", REMEDY);
        }
        candidates.sort(java.util.Comparator.comparingInt(ModelFolderInspector::preference));
        return inspect(candidates.get(0));
    }

    private static int preference(Path p) {
        String n = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return n.contains("llava-1.5-7b") ? 0 : n.contains("llava") ? 1 : 2;
    }

    static final String REMEDY = "Get it with: " + ModelReadiness.DOWNLOAD_COMMAND
            + "  (or point ADREVIEW_MODEL_DIR / --model-dir at a model folder you have).";

    /** @param folder one model folder, or null when none is configured */
    public static ModelReadiness inspect(Path folder) {
        String remedy = REMEDY;
        if (folder == null) {
            return ModelReadiness.missing("No model folder is configured.", remedy);
        }
        if (!Files.isDirectory(folder)) {
            return ModelReadiness.missing("Model folder " + folder + " does not exist.", remedy);
        }
        List<String> missing = new ArrayList<>();
        for (String f : REQUIRED) {
            if (!Files.isRegularFile(folder.resolve(f))) {
                missing.add(f);
            }
        }
        try {
            missing.addAll(missingWeights(folder));
        } catch (IOException e) {
            missing.add("model.safetensors.index.json (unreadable: " + e.getMessage() + ")");
        }
        if (!missing.isEmpty()) {
            return ModelReadiness.missing("Model folder " + folder.getFileName() + " is incomplete: missing "
                    + String.join(", ", missing) + ".", remedy.replace("Get it with", "Complete it with"));
        }
        return ModelReadiness.ready(folder.getFileName().toString());
    }

    private static List<String> missingWeights(Path folder) throws IOException {
        Path index = folder.resolve("model.safetensors.index.json");
        if (Files.isRegularFile(index)) {
            JsonNode map = JSON.readTree(index.toFile()).path("weight_map");
            TreeSet<String> shards = new TreeSet<>();
            for (Iterator<JsonNode> it = map.elements(); it.hasNext(); ) {
                shards.add(it.next().asText());
            }
            if (shards.isEmpty()) {
                return List.of("the shards (model.safetensors.index.json lists none)");
            }
            List<String> missing = new ArrayList<>();
            for (String s : shards) {
                if (!Files.isRegularFile(folder.resolve(s))) {
                    missing.add(s);
                }
            }
            return missing;
        }
        if (Files.isRegularFile(folder.resolve("model.safetensors"))) {
            return List.of();
        }
        return List.of("the weights (model.safetensors or model.safetensors.index.json)");
    }
}

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

    /** @param folder the configured model folder, or null when none is configured */
    public static ModelReadiness inspect(Path folder) {
        String remedy = "Get it with: " + ModelReadiness.DOWNLOAD_COMMAND
                + "  (then set the model folder in the desk's settings or with -Dadreview.model=<folder>)";
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

package adreview.models.download;

import java.util.List;
import java.util.Set;

/**
 * Chooses, from a repository's file list, the files a model folder needs: configs, tokenizer,
 * processor configs and safetensors weights with their index. Other weight formats (.bin, .pt,
 * .msgpack, ONNX), files in sub-folders and everything else are left on the hub.
 */
public final class DownloadPlan {

    static final Set<String> NEEDED_NAMES = Set.of("config.json", "tokenizer.json", "tokenizer_config.json",
            "preprocessor_config.json", "processor_config.json", "special_tokens_map.json",
            "model.safetensors.index.json");
    /** Without these the engine cannot start. */
    static final List<String> REQUIRED = List.of("config.json", "tokenizer.json", "preprocessor_config.json");

    private DownloadPlan() {
    }

    /** The needed files, in listing order; throws when the repository lacks something the desk needs. */
    public static List<HubFile> choose(String what, List<HubFile> listing) throws DownloadException {
        List<HubFile> chosen = listing.stream().filter(f -> isNeeded(f.name())).toList();
        List<String> missing = REQUIRED.stream()
                .filter(r -> chosen.stream().noneMatch(f -> f.name().equals(r))).toList();
        if (!missing.isEmpty()) {
            throw new DownloadException(DownloadException.Kind.UNSUITABLE_REPO,
                    what + " lacks " + String.join(", ", missing) + ", which the desk needs to run the model.");
        }
        if (chosen.stream().noneMatch(f -> f.name().endsWith(".safetensors"))) {
            throw new DownloadException(DownloadException.Kind.UNSUITABLE_REPO,
                    what + " has no safetensors weights (the desk does not read .bin/.pt); choose a repository with *.safetensors.");
        }
        return chosen;
    }

    static boolean isNeeded(String name) {
        if (name.contains("/")) {
            return false;
        }
        return NEEDED_NAMES.contains(name) || name.endsWith(".safetensors");
    }
}

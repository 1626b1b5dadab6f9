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
        for (HubFile f : listing) {
            String problem = unsafeName(f.name());
            if (problem != null) {
                // A hub that lists such a name is not one to take files from: refuse the whole download.
                throw new DownloadException(DownloadException.Kind.UNSUITABLE_REPO, what + " lists a file named '"
                        + printable(f.name()) + "', which " + problem + "; nothing was downloaded.");
            }
        }
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

    /**
     * Null when {@code name} is a safe relative name inside the folder, else why not. Checked on every listed name,
     * whatever the platform: {@code ..\\x} is a plain name on Linux and a way out of the folder on Windows.
     */
    static String unsafeName(String name) {
        if (name.isEmpty()) {
            return "is empty";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0)) {
                return "contains a control character";
            }
        }
        if (name.indexOf('\\') >= 0) {
            return "contains a backslash";
        }
        if (name.startsWith("/")) {
            return "is an absolute path";
        }
        if (name.length() >= 2 && name.charAt(1) == ':' && Character.isLetter(name.charAt(0))) {
            return "starts with a drive letter";
        }
        for (String part : name.split("/", -1)) {
            if (part.equals("..")) {
                return "climbs out of the folder with ..";
            }
            if (part.isEmpty() || part.equals(".")) {
                return "has an empty or '.' path segment";
            }
        }
        return null;
    }

    /** The name with control characters shown as \\uXXXX, for the message. */
    private static String printable(String name) {
        StringBuilder out = new StringBuilder();
        for (char c : name.toCharArray()) {
            out.append(c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) ? String.format("\\u%04x", (int) c) : c);
        }
        return out.toString();
    }

    static boolean isNeeded(String name) {
        if (name.contains("/")) {
            return false;
        }
        return NEEDED_NAMES.contains(name) || name.endsWith(".safetensors");
    }
}

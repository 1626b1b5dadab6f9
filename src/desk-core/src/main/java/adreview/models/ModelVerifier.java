package adreview.models;

import adreview.llava.ModelFolder;
import adreview.llava.weights.SafetensorsFile;
import adreview.llava.weights.TensorInfo;
import adreview.llava.weights.WeightsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Judges whether a Hugging Face model folder is complete without loading any weights: the required
 * files are there, every shard named in {@code model.safetensors.index.json} is present with a header
 * that parses, every tensor the index names is in its shard, and each shard is exactly as long as its
 * header's data offsets say (a truncated download fails here). When the files are whole, the engine's
 * {@link ModelFolder#validate(Path)} adds what LLaVA needs: every tensor the config implies, with its shape.
 */
public final class ModelVerifier {

    /** Files the engine reads besides the weights. */
    public static final List<String> REQUIRED_FILES = List.of("config.json", "tokenizer.json", "preprocessor_config.json");
    public static final String INDEX = "model.safetensors.index.json";
    public static final String SINGLE_FILE = "model.safetensors";
    /** Where a download keeps its partial files (see {@code adreview.models.download}). */
    public static final String DOWNLOAD_DIR = ".download";
    /** What the hub listed for a downloaded folder: sizes and hashes (written by {@code ModelDownloader}). */
    public static final String MANIFEST = ".hub-files.json";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Name at most this many missing tensors per shard; the rest are counted. */
    private static final int NAMES_SHOWN = 5;

    public ModelFolderReport verify(Path folder) {
        List<String> problems = new ArrayList<>();
        Map<String, Long> dtypes = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return new ModelFolderReport(folder, List.of(folder + " is not a directory"), Map.of());
        }
        for (String name : REQUIRED_FILES) {
            Path f = folder.resolve(name);
            if (!Files.isRegularFile(f)) {
                problems.add(name + " is missing");
            } else if (name.endsWith(".json") && !parsesAsJson(f)) {
                problems.add(name + " is not valid JSON (damaged download?)");
            }
        }
        Path index = folder.resolve(INDEX);
        if (Files.isRegularFile(index)) {
            checkSharded(folder, index, problems, dtypes);
        } else if (Files.isRegularFile(folder.resolve(SINGLE_FILE))) {
            checkShard(folder.resolve(SINGLE_FILE), List.of(), problems, dtypes);
        } else {
            problems.add("no weights: neither " + INDEX + " nor " + SINGLE_FILE + " is present");
        }
        if (problems.isEmpty()) {
            // The files are whole; now what the engine needs: a LLaVA config and every tensor it implies,
            // with the right shape. (Skipped while files are missing: it would only repeat those problems.)
            problems.addAll(ModelFolder.validate(folder).problems());
        }
        Path partial = folder.resolve(DOWNLOAD_DIR);
        if (!problems.isEmpty() && Files.isDirectory(partial)) {
            // First, because it explains the others: the files are missing because they are still coming.
            problems.add(0, "unfinished download in " + DOWNLOAD_DIR + "/: run the download again to resume it");
        }
        return new ModelFolderReport(folder, problems, dtypes, checkManifest(folder, problems));
    }

    /**
     * Files the download could check by size only (the hub listed no hash for them), and a problem for each listed
     * file whose size no longer matches the listing. Nothing when the folder was not downloaded by the desk.
     */
    private static List<String> checkManifest(Path folder, List<String> problems) {
        Path manifest = folder.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            return List.of();
        }
        List<String> unverified = new ArrayList<>();
        try {
            for (JsonNode f : JSON.readTree(manifest.toFile()).path("files")) {
                String name = f.path("name").asText();
                Path file = folder.resolve(name).normalize();
                if (name.isEmpty() || !file.startsWith(folder.normalize()) || !Files.isRegularFile(file)) {
                    continue; // missing files are reported above
                }
                long listed = f.path("size").asLong(-1);
                if (listed >= 0 && Files.size(file) != listed) {
                    problems.add(name + " is " + Files.size(file) + " bytes but the hub listed " + listed
                            + "; download the model again");
                }
                if (!f.hasNonNull("sha256") && !f.hasNonNull("git_blob_id")) {
                    unverified.add(name);
                }
            }
        } catch (IOException e) {
            problems.add(MANIFEST + " is not valid JSON (damaged download?)");
        }
        return unverified;
    }

    private static void checkSharded(Path folder, Path index, List<String> problems, Map<String, Long> dtypes) {
        JsonNode weightMap;
        try {
            weightMap = JSON.readTree(index.toFile()).path("weight_map");
        } catch (IOException e) {
            problems.add(INDEX + " is not valid JSON (damaged download?)");
            return;
        }
        if (!weightMap.isObject() || weightMap.isEmpty()) {
            problems.add(INDEX + " has no weight_map");
            return;
        }
        Map<String, List<String>> tensorsByShard = new LinkedHashMap<>();
        weightMap.fields().forEachRemaining(e ->
                tensorsByShard.computeIfAbsent(e.getValue().asText(), k -> new ArrayList<>()).add(e.getKey()));
        for (Map.Entry<String, List<String>> shard : tensorsByShard.entrySet()) {
            Path file = folder.resolve(shard.getKey()).normalize();
            if (!file.startsWith(folder.normalize())) {
                problems.add(INDEX + " names a shard outside the folder: " + shard.getKey());
            } else if (!Files.isRegularFile(file)) {
                problems.add("shard " + shard.getKey() + " (named in " + INDEX + ") is missing");
            } else {
                checkShard(file, shard.getValue(), problems, dtypes);
            }
        }
    }

    private static void checkShard(Path file, List<String> expectedTensors, List<String> problems, Map<String, Long> dtypes) {
        String name = file.getFileName().toString();
        try (SafetensorsFile shard = SafetensorsFile.open(file)) {
            // The engine's reader rejects a tensor that lies past the end (a truncated file); bytes past the
            // last tensor it tolerates, but a download that left them is damaged, so they count here.
            long dataEnd = shard.tensors().values().stream()
                    .mapToLong(t -> t.fileOffset() + t.byteLength()).max().orElse(0);
            long length = Files.size(file);
            if (dataEnd > 0 && length > dataEnd) {
                problems.add(name + " has " + (length - dataEnd) + " bytes past the end its header declares");
            }
            List<String> absent = expectedTensors.stream().filter(t -> !shard.contains(t)).toList();
            if (!absent.isEmpty()) {
                String shown = String.join(", ", absent.subList(0, Math.min(NAMES_SHOWN, absent.size())));
                problems.add(absent.size() + " tensor(s) named in " + INDEX + " are not in " + name + ": " + shown
                        + (absent.size() > NAMES_SHOWN ? ", …" : ""));
            }
            for (TensorInfo t : shard.tensors().values()) {
                dtypes.merge(t.dtype().name(), t.byteLength(), Long::sum);
            }
        } catch (WeightsException e) {
            problems.add(e.getMessage());
        } catch (IOException e) {
            problems.add("cannot read " + file + ": " + e.getMessage());
        }
    }

    private static boolean parsesAsJson(Path f) {
        try {
            JSON.readTree(f.toFile());
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Bytes of all regular files under {@code folder}, partial downloads included. */
    public static long sizeOnDisk(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException e) {
            return 0;
        }
    }
}

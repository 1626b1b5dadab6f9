package adreview.llava.weights;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The weights of a Hugging Face model folder: either {@code model.safetensors}, or
 * {@code model.safetensors.index.json} and the shards it names. Every shard the index names must exist, and every
 * tensor the index places in a shard must be in that shard's header; problems name the file and the tensor.
 */
public final class ShardedWeights implements WeightSource {

    public static final String SINGLE_FILE = "model.safetensors";
    public static final String INDEX_FILE = "model.safetensors.index.json";

    private final Path folder;
    private final List<SafetensorsFile> files;
    private final Map<String, SafetensorsFile> byTensor;

    private ShardedWeights(Path folder, List<SafetensorsFile> files, Map<String, SafetensorsFile> byTensor) {
        this.folder = folder;
        this.files = files;
        this.byTensor = byTensor;
    }

    /** Opens the folder's weights; throws {@link WeightsException} naming the missing/broken file or tensor. */
    public static ShardedWeights open(Path folder) {
        Path index = folder.resolve(INDEX_FILE);
        Path single = folder.resolve(SINGLE_FILE);
        if (Files.isRegularFile(index)) {
            return openIndexed(folder, index);
        }
        if (Files.isRegularFile(single)) {
            SafetensorsFile file = SafetensorsFile.open(single);
            Map<String, SafetensorsFile> byTensor = new LinkedHashMap<>();
            for (String name : file.names()) {
                byTensor.put(name, file);
            }
            return new ShardedWeights(folder, List.of(file), byTensor);
        }
        throw new WeightsException("model folder " + folder + " has neither " + SINGLE_FILE + " nor " + INDEX_FILE
                + ": download the model's safetensors weights into it");
    }

    /**
     * Opens the tensors an index file lists (a {@code *.safetensors.index.json} of any name, its shards beside it):
     * for reference files sharded like a model.
     */
    public static ShardedWeights openIndex(Path index) {
        Path folder = index.toAbsolutePath().getParent();
        return openIndexed(folder, index);
    }

    private static ShardedWeights openIndexed(Path folder, Path index) {
        JsonNode weightMap;
        try {
            weightMap = new ObjectMapper().readTree(index.toFile()).path("weight_map");
        } catch (IOException e) {
            throw new WeightsException("cannot read " + index + ": " + e.getMessage(), e);
        }
        if (!weightMap.isObject() || weightMap.isEmpty()) {
            throw new WeightsException(index + " has no weight_map");
        }
        Map<String, String> tensorToShard = new LinkedHashMap<>();
        weightMap.fields().forEachRemaining(e -> tensorToShard.put(e.getKey(), e.getValue().asText()));
        Set<String> shardNames = new TreeSet<>(tensorToShard.values());
        List<String> missing = new ArrayList<>();
        for (String shard : shardNames) {
            if (!Files.isRegularFile(folder.resolve(shard))) {
                missing.add(shard);
            }
        }
        if (!missing.isEmpty()) {
            String example = tensorToShard.entrySet().stream().filter(e -> e.getValue().equals(missing.get(0)))
                    .map(Map.Entry::getKey).findFirst().orElse("?");
            throw new WeightsException("shard " + missing.get(0) + " is missing from " + folder
                    + (missing.size() > 1 ? " (and " + (missing.size() - 1) + " more)" : "")
                    + "; it holds tensor " + example + " among others: download it again");
        }
        Map<String, SafetensorsFile> opened = new LinkedHashMap<>();
        try {
            for (String shard : shardNames) {
                opened.put(shard, SafetensorsFile.open(folder.resolve(shard)));
            }
            Map<String, SafetensorsFile> byTensor = new LinkedHashMap<>();
            for (Map.Entry<String, String> e : tensorToShard.entrySet()) {
                SafetensorsFile file = opened.get(e.getValue());
                if (!file.contains(e.getKey())) {
                    throw new WeightsException("tensor " + e.getKey() + " is missing from shard " + e.getValue()
                            + " (the index " + INDEX_FILE + " places it there): the shard is damaged or"
                            + " from another model");
                }
                byTensor.put(e.getKey(), file);
            }
            return new ShardedWeights(folder, List.copyOf(opened.values()), byTensor);
        } catch (RuntimeException e) {
            opened.values().forEach(SafetensorsFile::close);
            throw e;
        }
    }

    public Path folder() {
        return folder;
    }

    public List<SafetensorsFile> files() {
        return files;
    }

    /** The total bytes of tensor data across all shards. */
    public long totalBytes() {
        return byTensor.keySet().stream().mapToLong(n -> info(n).byteLength()).sum();
    }

    @Override
    public Set<String> names() {
        return Collections.unmodifiableSet(byTensor.keySet());
    }

    @Override
    public boolean contains(String name) {
        return byTensor.containsKey(name);
    }

    private SafetensorsFile fileOf(String name) {
        SafetensorsFile file = byTensor.get(name);
        if (file == null) {
            throw new WeightsException("tensor " + name + " is missing from the weights in " + folder);
        }
        return file;
    }

    @Override
    public TensorInfo info(String name) {
        return fileOf(name).info(name);
    }

    @Override
    public NDArray load(String name, NDManager manager, DataType target) {
        return fileOf(name).load(name, manager, target);
    }

    @Override
    public void copyRowsInto(String name, NDArray target, long firstRow) {
        fileOf(name).copyRowsInto(name, target, firstRow);
    }

    @Override
    public float[] readFloats(String name) {
        return fileOf(name).readFloats(name);
    }

    @Override
    public long[] readLongs(String name) {
        return fileOf(name).readLongs(name);
    }

    @Override
    public void close() {
        files.forEach(SafetensorsFile::close);
    }
}

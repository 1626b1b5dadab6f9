package adreview.llava.net;

import adreview.llava.weights.TensorNames;
import adreview.llava.weights.WeightSource;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Loads tensors by legacy name onto the model's manager, counting resident bytes and reporting progress by bytes
 * read from the checkpoint.
 */
final class WeightLoader {
    private final WeightSource source;
    private final TensorNames names;
    private final NDManager manager;
    private final BiConsumer<Double, String> progress;
    private final long totalBytes;
    private long readBytes;
    private long residentBytes;
    private String phase = "";

    WeightLoader(WeightSource source, TensorNames names, NDManager manager, long totalBytes,
                 BiConsumer<Double, String> progress) {
        this.source = source;
        this.names = names;
        this.manager = manager;
        this.totalBytes = Math.max(1, totalBytes);
        this.progress = progress;
    }

    void phase(String text) {
        phase = text;
        progress.accept(Math.min(1.0, (double) readBytes / totalBytes), phase);
    }

    NDManager manager() {
        return manager;
    }

    /** A tensor kept as is (norms, embeddings): counted as resident. */
    NDArray keep(String legacyName, DataType type) {
        NDArray a = read(legacyName, type);
        residentBytes += Quantizer.bytes(a);
        return a;
    }

    /** A tensor that will be transformed further (not counted until the final form is known). */
    NDArray read(String legacyName, DataType type) {
        String stored = names.stored(legacyName);
        NDArray a = source.load(stored, manager, type);
        readBytes += source.info(stored).byteLength();
        progress.accept(Math.min(1.0, (double) readBytes / totalBytes), phase);
        return a;
    }

    /**
     * A linear layer from one or more [out_i, in] weights fused along the output axis; {@code firstPartScale}
     * multiplies the first part (and its bias) - used to fold the attention scale into the query projection.
     */
    LinearWeights linear(List<String> weightNames, List<String> biasNames, float firstPartScale, boolean quantize,
                         DataType computeType) {
        return linear(weightNames, biasNames, firstPartScale, quantize ? DataType.INT8 : computeType, computeType);
    }

    LinearWeights linear(List<String> weightNames, List<String> biasNames, float firstPartScale, DataType storageType,
                         DataType computeType) {
        // read in the compute type: the attention scale is folded in before any narrowing or quantization
        DataType readType = computeType;
        List<NDArray> parts = new ArrayList<>();
        for (String n : weightNames) {
            parts.add(read(n, readType));
        }
        List<NDArray> biases = new ArrayList<>();
        if (biasNames != null) {
            for (String n : biasNames) {
                biases.add(read(n, computeType));
            }
        }
        if (firstPartScale != 1f) {
            parts.get(0).muli(firstPartScale);
            if (!biases.isEmpty()) {
                biases.get(0).muli(firstPartScale);
            }
        }
        LinearWeights lw = LinearWeights.of(parts, biases, storageType, computeType, manager);
        residentBytes += lw.residentBytes();
        return lw;
    }

    long residentBytes() {
        return residentBytes;
    }
}

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
     * multiplies the first part (and its bias) - used to fold the attention scale into the query projection. Stored
     * as {@code storageType} (see {@link LinearWeights#of}); read in it, or in {@code computeType} to be quantized.
     */
    LinearWeights linear(List<String> weightNames, List<String> biasNames, float firstPartScale, DataType storageType,
                         DataType computeType) {
        NDArray fused = fusedRows(weightNames, storageType == DataType.INT8 ? computeType : storageType);
        if (firstPartScale != 1f) {
            // folded in the type the weights are kept in: one rounding, as scaling before narrowing would give
            long rows = source.info(names.stored(weightNames.get(0))).shape()[0];
            try (NDArray firstPart = TorchOps.slice(fused, 0, 0, rows)) {
                firstPart.muli(firstPartScale);
            }
        }
        List<NDArray> biases = new ArrayList<>();
        if (biasNames != null) {
            for (String n : biasNames) {
                biases.add(read(n, computeType));
            }
            if (firstPartScale != 1f) {
                biases.get(0).muli(firstPartScale);
            }
        }
        LinearWeights lw = LinearWeights.of(new ArrayList<>(List.of(fused)), biases, storageType, computeType, manager);
        residentBytes += lw.residentBytes();
        return lw;
    }

    /**
     * The [out_i, in] weights stacked along the output axis into one [sum out_i, in] tensor of {@code type}, each
     * copied straight from its mapping into its rows: no per-part tensor and no concatenation, so loading touches
     * each byte of the fused matrix once (on a CPU every fresh page costs a fault; on a GPU every pass is a launch).
     */
    private NDArray fusedRows(List<String> weightNames, DataType type) {
        long rows = 0;
        long[] first = null;
        for (String n : weightNames) {
            long[] shape = source.info(names.stored(n)).shape();
            first = first == null ? shape : first;
            rows += shape[0];
        }
        long[] fusedShape = first.clone();
        fusedShape[0] = rows;
        NDArray fused = manager.create(new ai.djl.ndarray.types.Shape(fusedShape), type);
        long at = 0;
        for (String n : weightNames) {
            String stored = names.stored(n);
            source.copyRowsInto(stored, fused, at);
            at += source.info(stored).shape()[0];
            readBytes += source.info(stored).byteLength();
            progress.accept(Math.min(1.0, (double) readBytes / totalBytes), phase);
        }
        return fused;
    }

    long residentBytes() {
        return residentBytes;
    }
}

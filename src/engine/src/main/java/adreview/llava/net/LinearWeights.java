package adreview.llava.net;

import adreview.llava.cpu.Matrix;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.core.Linear;

import java.util.List;

/**
 * The weight (and optional bias) of one linear layer, {@code y = x W^T + b}, possibly several fused along the output
 * axis (Q/K/V, gate/up) so that one matrix product serves them all. The weight is stored in one of the {@link Format}s:
 * {@link Dense} floats, or {@link Int8} rows with one scale each, {@code y = (x q^T) * s + b}, the int8 matrix widened
 * on use, one layer at a time.
 */
public final class LinearWeights implements AutoCloseable {

    /** How a linear's weight matrix [out, in] is stored; whatever reads the weights switches on it. */
    public sealed interface Format extends AutoCloseable permits Dense, Int8 {
        /** The matrix as stored. */
        NDArray weight();

        /** The bytes the format holds. */
        long bytes();

        @Override
        void close();
    }

    /** Floats (FP32, FP16 or BF16): at the compute type, or narrower and widened to it on use. */
    public record Dense(NDArray weight) implements Format {
        @Override
        public long bytes() {
            return Quantizer.bytes(weight);
        }

        @Override
        public void close() {
            weight.close();
        }
    }

    /** Int8 rows, each with its symmetric scale: {@code scale} [out] in the compute type (see {@link Quantizer}). */
    public record Int8(NDArray weight, NDArray scale) implements Format {
        @Override
        public long bytes() {
            return Quantizer.bytes(weight) + Quantizer.bytes(scale);
        }

        @Override
        public void close() {
            weight.close();
            scale.close();
        }
    }

    private final Format format;
    private final NDArray bias;
    private final DataType computeType;

    private LinearWeights(Format format, NDArray bias, DataType computeType) {
        this.format = format;
        this.bias = bias;
        this.computeType = computeType;
    }

    /**
     * Builds a layer from float parts (each [out_i, in]) concatenated along the output axis, stored as
     * {@code storageType}: INT8 quantizes the fused matrix into {@link Int8}; a float type keeps it {@link Dense}
     * (widened on use if not {@code computeType}). Parts and biases are consumed (closed).
     */
    public static LinearWeights of(List<NDArray> parts, List<NDArray> biases, DataType storageType,
                                   DataType computeType, NDManager owner) {
        NDArray w = parts.size() == 1 ? parts.get(0) : NDArrays.concat(new NDList(parts), 0);
        if (parts.size() > 1) {
            w.attach(owner);
            parts.forEach(NDArray::close);
        }
        NDArray b = null;
        if (biases != null && !biases.isEmpty()) {
            b = biases.size() == 1 ? biases.get(0) : NDArrays.concat(new NDList(biases), 0);
            if (biases.size() > 1) {
                b.attach(owner);
                biases.forEach(NDArray::close);
            }
            b = retyped(b, computeType, owner);
        }
        if (storageType == DataType.INT8) {
            Int8 q = Quantizer.quantizeRows(w, computeType, owner);
            w.close();
            return new LinearWeights(q, b, computeType);
        }
        return new LinearWeights(new Dense(retyped(w, storageType, owner)), b, computeType);
    }

    /** {@code a} as {@code type}: itself if it is, else a copy owned by {@code owner} (and {@code a} closed). */
    private static NDArray retyped(NDArray a, DataType type, NDManager owner) {
        NDArray typed = a.toType(type, false);
        if (typed != a) {
            typed.attach(owner);
            a.close();
        }
        return typed;
    }

    public NDArray apply(NDArray x) {
        return switch (format) {
            case Dense(NDArray w) when w.getDataType() == computeType -> Linear.linear(x, w, bias).singletonOrThrow();
            case Dense(NDArray w) -> {
                try (NDArray wide = w.toType(computeType, false)) {
                    yield Linear.linear(x, wide, bias).singletonOrThrow();
                }
            }
            case Int8(NDArray q, NDArray scale) -> {
                try (NDArray wide = q.toType(computeType, false)) {
                    NDArray y = Linear.linear(x, wide, null).singletonOrThrow().muli(scale);
                    yield bias == null ? y : y.addi(bias);
                }
            }
        };
    }

    /**
     * This layer as the CPU kernel reads it: libtorch's own memory of the weight (FP32, or int8 with its FP32 row
     * scales), no copy; the bias, if any, copied (one row of floats).
     */
    Matrix cpuMatrix() {
        int rows = Math.toIntExact(outFeatures());
        int cols = Math.toIntExact(inFeatures());
        return switch (format) {
            case Dense(NDArray w) when w.getDataType() == DataType.FLOAT32 ->
                    new Matrix.F32(TorchMemory.of(w), biasFloats(), rows, cols);
            case Int8(NDArray q, NDArray scale) when scale.getDataType() == DataType.FLOAT32 ->
                    new Matrix.Int8(TorchMemory.of(q), TorchMemory.of(scale), biasFloats(), rows, cols);
            case Dense(NDArray w) -> throw new IllegalStateException(
                    "the CPU kernel reads float32 or int8 weights with float32 scales, not " + w.getDataType());
            case Int8(NDArray q, NDArray scale) -> throw new IllegalStateException(
                    "the CPU kernel reads float32 or int8 weights with float32 scales, not int8 with "
                            + scale.getDataType() + " scales");
        };
    }

    private float[] biasFloats() {
        return bias == null ? null : bias.toType(DataType.FLOAT32, false).toFloatArray();
    }

    /** How the weight is stored. */
    public Format format() {
        return format;
    }

    boolean hasBias() {
        return bias != null;
    }

    public long residentBytes() {
        return format.bytes() + Quantizer.bytes(bias);
    }

    /**
     * The bytes a linear of {@code rows} x {@code cols} holds stored as {@code storageType} (as {@link #of} stores it,
     * bias not included): int8 adds one {@code computeType} scale per row. For plans made without loading anything.
     */
    public static long storedBytes(long rows, long cols, DataType storageType, DataType computeType) {
        long bytes = rows * cols * storageType.getNumOfBytes();
        return storageType == DataType.INT8 ? bytes + rows * computeType.getNumOfBytes() : bytes;
    }

    public long inFeatures() {
        return format.weight().getShape().get(1);
    }

    public long outFeatures() {
        return format.weight().getShape().get(0);
    }

    @Override
    public void close() {
        format.close();
        if (bias != null) {
            bias.close();
        }
    }
}

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
 * axis (Q/K/V, gate/up) so that one matrix product serves them all. Either floating (FP32/FP16) or int8 with one
 * scale per output row: {@code y = (x q^T) * s + b}; the int8 matrix is widened on use, one layer at a time.
 */
public final class LinearWeights implements AutoCloseable {
    private final NDArray weight;
    private final NDArray scale;
    private final NDArray bias;
    private final DataType computeType;

    private LinearWeights(NDArray weight, NDArray scale, NDArray bias, DataType computeType) {
        this.weight = weight;
        this.scale = scale;
        this.bias = bias;
        this.computeType = computeType;
    }

    /**
     * Builds a layer from float parts (each [out_i, in]) concatenated along the output axis; {@code quantize} turns
     * the fused matrix into int8 + per-row scales. Parts and biases are consumed (closed).
     */
    public static LinearWeights of(List<NDArray> parts, List<NDArray> biases, boolean quantize, DataType computeType,
                                   NDManager owner) {
        return of(parts, biases, quantize ? DataType.INT8 : computeType, computeType, owner);
    }

    /** As above with the storage type explicit: INT8 (quantized), or a float type, widened on use if not computeType. */
    public static LinearWeights of(List<NDArray> parts, List<NDArray> biases, DataType storageType,
                                   DataType computeType, NDManager owner) {
        boolean quantize = storageType == DataType.INT8;
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
            NDArray typed = b.toType(computeType, false);
            if (typed != b) {
                typed.attach(owner);
                b.close();
            }
            b = typed;
        }
        if (!quantize) {
            NDArray typed = w.toType(storageType, false);
            if (typed != w) {
                typed.attach(owner);
                w.close();
            }
            return new LinearWeights(typed, null, b, computeType);
        }
        NDArray[] q = Quantizer.quantizeRows(w, computeType, owner);
        w.close();
        return new LinearWeights(q[0], q[1], b, computeType);
    }

    public NDArray apply(NDArray x) {
        if (scale == null) {
            if (weight.getDataType() == computeType) {
                return Linear.linear(x, weight, bias).singletonOrThrow();
            }
            try (NDArray wide = weight.toType(computeType, false)) {
                return Linear.linear(x, wide, bias).singletonOrThrow();
            }
        }
        NDArray wide = weight.toType(computeType, false);
        try {
            NDArray y = Linear.linear(x, wide, null).singletonOrThrow().muli(scale);
            return bias == null ? y : y.addi(bias);
        } finally {
            wide.close();
        }
    }

    /**
     * This layer as the CPU kernel reads it: libtorch's own memory of the weight (FP32, or int8 with its FP32 row
     * scales), no copy; the bias, if any, copied (one row of floats).
     */
    Matrix cpuMatrix() {
        DataType w = weight.getDataType();
        if (w != DataType.FLOAT32 && w != DataType.INT8 || scale != null && scale.getDataType() != DataType.FLOAT32) {
            throw new IllegalStateException("the CPU kernel reads float32 or int8 weights with float32 scales, not "
                    + w + (scale == null ? "" : " with " + scale.getDataType() + " scales"));
        }
        float[] b = bias == null ? null : bias.toType(DataType.FLOAT32, false).toFloatArray();
        return new Matrix(TorchMemory.of(weight), scale == null ? null : TorchMemory.of(scale), b,
                Math.toIntExact(outFeatures()), Math.toIntExact(inFeatures()));
    }

    public NDArray weight() {
        return weight;
    }

    public boolean quantized() {
        return scale != null;
    }

    /** The int8 rows' scales [out], or null. */
    NDArray scale() {
        return scale;
    }

    boolean hasBias() {
        return bias != null;
    }

    public long residentBytes() {
        return Quantizer.bytes(weight) + Quantizer.bytes(scale) + Quantizer.bytes(bias);
    }

    public long inFeatures() {
        return weight.getShape().get(1);
    }

    public long outFeatures() {
        return weight.getShape().get(0);
    }

    @Override
    public void close() {
        weight.close();
        if (scale != null) {
            scale.close();
        }
        if (bias != null) {
            bias.close();
        }
    }
}

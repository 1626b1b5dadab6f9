package adreview.llava.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * LLaMA's RMSNorm, {@code w · x / sqrt(mean(x²) + eps)}, as one layer-norm kernel: over {@code z = [x, −x]} the mean
 * is zero and the variance is {@code mean(x²)}, so {@code layer_norm(z)} with weight {@code [w, w]} holds the RMSNorm
 * in its first half. Written out, RMSNorm is eight engine calls in FP16 (cast up, square, mean, add, sqrt, divide,
 * cast down, scale); this is four (negate, concatenate, layer norm, a slice view), three for one row
 * ({@link #applyRow}), and the layer-norm kernel keeps its statistics in FP32 whatever the input type, which is how
 * transformers computes RMSNorm too.
 */
final class RmsNorm implements AutoCloseable {
    private final NDArray doubledWeight;
    private final NDArray zeroBias;
    private final Shape doubled;
    /** The same weight and bias as [2, H] views, and the shared [[1], [-1]], for {@link #applyRow}. */
    private final PtNDArray rowWeight;
    private final PtNDArray rowBias;
    private final PtNDArray signs;
    private final Shape rows;
    /** w [H] itself, a view of the first half (the TorchScript step calls libtorch's rms_norm with it). */
    private final NDArray weight;
    private final long hidden;
    private final float eps;

    /**
     * Takes ownership of {@code weight} [H]; {@code zeroBias} [2H] and {@code signs} ({@link #signs}) are shared and
     * owned by the caller.
     */
    RmsNorm(NDArray weight, NDArray zeroBias, NDArray signs, float eps, NDManager owner) {
        this.hidden = weight.getShape().get(0);
        this.doubledWeight = NDArrays.concat(new NDList(weight, weight), 0);
        this.doubledWeight.attach(owner);
        weight.close();
        this.zeroBias = zeroBias;
        this.doubled = new Shape(2 * hidden);
        this.eps = eps;
        this.rows = new Shape(2, hidden);
        this.rowWeight = JniUtils.reshape((PtNDArray) doubledWeight, rows.getShape());
        this.rowBias = JniUtils.reshape((PtNDArray) zeroBias, rows.getShape());
        this.rowWeight.attach(owner);
        this.rowBias.attach(owner);
        this.signs = (PtNDArray) signs;
        this.weight = TorchOps.slice(doubledWeight, 0, 0, hidden);
        this.weight.attach(owner);
    }

    /** The weight w [H] (a view). */
    NDArray weight() {
        return weight;
    }

    /** [[1], [-1]] in the compute type: one row times it is [x, -x] as two rows. */
    static NDArray signs(NDManager manager, DataType type) {
        return manager.create(new float[] {1f, -1f}, new Shape(2, 1)).toType(type, false);
    }

    /** A zero bias [2H] for every norm of a model of hidden size H. */
    static NDArray zeroBias(NDManager manager, long hidden, DataType type) {
        return manager.zeros(new Shape(2 * hidden), type);
    }

    /** Normalises the last axis of {@code x} [..., H]. */
    NDArray apply(NDArray x) {
        NDArray z = TorchOps.cat(x, x.neg(), -1);
        NDArray normed = LayerNorm.layerNorm(z, doubled, doubledWeight, zeroBias, eps).singletonOrThrow();
        return TorchOps.slice(normed, -1, 0, hidden);
    }

    /**
     * Normalises one row {@code x} [1, H] in three engine calls: {@code x · [[1], [-1]]} is [x, -x] as [2, H] (one
     * broadcast product instead of a negation and a concatenation), layer norm over both dimensions, then a view of
     * the first row. The same statistics as {@link #apply}, over the same 2H values.
     */
    NDArray applyRow(NDArray x) {
        PtNDArray z = JniUtils.mul((PtNDArray) x, signs);
        return TorchOps.slice(JniUtils.layerNorm(z, rows, rowWeight, rowBias, eps), 0, 0, 1);
    }

    /** The weight w [H] as floats (for the CPU kernel, which normalises in Java). */
    float[] weightFloats() {
        try (NDArray first = TorchOps.slice(doubledWeight, 0, 0, hidden)) {
            return first.toType(DataType.FLOAT32, false).toFloatArray();
        }
    }

    long bytes() {
        return Quantizer.bytes(doubledWeight);
    }

    @Override
    public void close() {
        weight.close();
        rowWeight.close();
        rowBias.close();
        doubledWeight.close();
    }
}

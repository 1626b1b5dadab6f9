package adreview.llava.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.norm.LayerNorm;

/**
 * LLaMA's RMSNorm, {@code w · x / sqrt(mean(x²) + eps)}, as one layer-norm kernel: over {@code z = [x, −x]} the mean
 * is zero and the variance is {@code mean(x²)}, so {@code layer_norm(z)} with weight {@code [w, w]} holds the RMSNorm
 * in its first half. Written out, RMSNorm is eight engine calls in FP16 (cast up, square, mean, add, sqrt, divide,
 * cast down, scale); this is four (negate, concatenate, layer norm, a slice view), and the layer-norm kernel keeps
 * its statistics in FP32 whatever the input type, which is how transformers computes RMSNorm too.
 */
final class RmsNorm implements AutoCloseable {
    private final NDArray doubledWeight;
    private final NDArray zeroBias;
    private final Shape doubled;
    private final long hidden;
    private final float eps;

    /** Takes ownership of {@code weight} [H]; {@code zeroBias} [2H] is shared and owned by the caller. */
    RmsNorm(NDArray weight, NDArray zeroBias, float eps, NDManager owner) {
        this.hidden = weight.getShape().get(0);
        this.doubledWeight = NDArrays.concat(new NDList(weight, weight), 0);
        this.doubledWeight.attach(owner);
        weight.close();
        this.zeroBias = zeroBias;
        this.doubled = new Shape(2 * hidden);
        this.eps = eps;
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
        doubledWeight.close();
    }
}

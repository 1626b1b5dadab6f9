package adreview.llava.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.norm.LayerNorm;

/** The few tensor functions the network needs beyond DJL's own, each as few engine calls as possible. */
final class Ops {
    private Ops() {
    }

    static NDArray layerNorm(NDArray x, NDArray weight, NDArray bias, float eps) {
        return LayerNorm.layerNorm(x, new Shape(x.getShape().getShape()[x.getShape().dimension() - 1]), weight, bias, eps).singletonOrThrow();
    }

    /** CLIP's quick GELU: {@code x * sigmoid(1.702 x)}. */
    static NDArray quickGelu(NDArray x) {
        return x.mul(Activation.sigmoid(x.mul(1.702f)));
    }

    /** Exact (erf) GELU, what {@code projector_hidden_act: gelu} means. */
    static NDArray gelu(NDArray x) {
        return Activation.gelu(x);
    }

    static NDArray silu(NDArray x) {
        return x.mul(Activation.sigmoid(x));
    }

    /** Softmax over the last axis, in FP32 when the scores are FP16 (as transformers' eager attention does). */
    static NDArray softmaxLast(NDArray scores) {
        if (scores.getDataType() == DataType.FLOAT32) {
            return scores.softmax(-1);
        }
        // softmax with an FP32 result type upcasts inside the kernel: one launch fewer than casting first
        return TorchOps.softmaxFloat32(scores, -1).toType(scores.getDataType(), false);
    }

    /** Rotary embedding as transformers' LLaMA applies it: {@code x cos + rotate_half(x) sin}. */
    static NDArray rope(NDArray x, NDArray cos, NDArray sin) {
        long half = x.getShape().getLastDimension() / 2;
        int last = x.getShape().dimension() - 1;
        NDList parts = x.split(new long[] {half}, last);
        NDArray rotated = NDArrays.concat(new NDList(parts.get(1).neg(), parts.get(0)), last);
        return x.mul(cos).addi(rotated.muli(sin));
    }

    /** Scaled (scale folded into the query weights) causal attention; q [heads, T, hd], k/v [kv heads, L, hd]. */
    static NDArray attention(NDArray q, NDArray k, NDArray v, NDArray mask, int heads, int kvHeads, long t) {
        long hd = q.getShape().get(2);
        long len = k.getShape().get(1);
        if (kvHeads != heads) {
            int groups = heads / kvHeads;
            k = k.reshape(kvHeads, 1, len, hd).broadcast(new Shape(kvHeads, groups, len, hd)).reshape(heads, len, hd);
            v = v.reshape(kvHeads, 1, len, hd).broadcast(new Shape(kvHeads, groups, len, hd)).reshape(heads, len, hd);
        }
        NDArray scores = q.matMul(k.transpose(0, 2, 1));
        if (mask != null) {
            scores = scores.addi(mask);
        }
        return Ops.softmaxLast(scores).matMul(v).transpose(1, 0, 2).reshape(t, (long) heads * hd);
    }
}

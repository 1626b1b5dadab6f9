package adreview.llava.net;

import adreview.llava.config.TextConfig;
import adreview.llava.weights.Regions;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

import java.util.List;

/**
 * The decode step on libtorch, for every device (the CPU's usual one is {@link adreview.llava.cpu}): one new token
 * through the decoder's layers over the KV cache, in as few engine calls as DJL's JNI allows. Holds the step's
 * constants: the rotate-half and identity matrices and the per-position rotary buffer.
 */
final class TorchDecodeStep implements AutoCloseable {
    private final TextConfig config;
    private final DataType computeType;
    private final List<DecoderLayer> layers;
    private final RmsNorm finalNorm;
    private final NDArray cosTable;
    private final NDArray sinTable;
    /** Constants of the rotary matrix: identity and rotate-half, [hd, hd]. */
    private final NDArray ropeIdentity;
    private final NDArray ropeRotateHalf;
    /**
     * The rotary matrices of one position for every head of the fused Q/K/V projection, [heads + 2 kv heads, hd, hd]:
     * the position's M for the query and key heads (written per token), the identity for the value heads (written
     * once). Shared by all layers and steps: decode steps run one at a time.
     */
    private final PtNDArray rotations;

    /** The layers, final norm and cos/sin tables stay the caller's; the constants made here are this step's. */
    TorchDecodeStep(TextConfig config, DataType computeType, List<DecoderLayer> layers, RmsNorm finalNorm,
                    NDArray cosTable, NDArray sinTable, NDManager manager) {
        this.config = config;
        this.computeType = computeType;
        this.layers = layers;
        this.finalNorm = finalNorm;
        this.cosTable = cosTable;
        this.sinTable = sinTable;
        NDArray[] rope = ropeMatrices(manager, config.headDim(), computeType);
        this.ropeIdentity = rope[0];
        this.ropeRotateHalf = rope[1];
        int hd = config.headDim();
        long rotated = config.numAttentionHeads() + (long) config.numKeyValueHeads();
        long fused = rotated + config.numKeyValueHeads();
        this.rotations = (PtNDArray) manager.zeros(new Shape(fused, hd, hd), computeType);
        Regions.write(rotations, ropeIdentity, new long[] {rotated, 0, 0}, new long[] {fused, hd, hd});
    }

    /**
     * {@code x · R = rotate_half(x)} for a row x of one head: {@code R[j + hd/2][j] = -1} and
     * {@code R[j][j + hd/2] = 1} for j below hd/2. With {@code M = I·diag(cos) + R·diag(sin)},
     * {@code x · M = x cos + rotate_half(x) sin}: the rotary embedding of one position as one matrix product.
     */
    private static NDArray[] ropeMatrices(NDManager manager, int hd, DataType type) {
        float[] identity = new float[hd * hd];
        float[] rotate = new float[hd * hd];
        int half = hd / 2;
        for (int j = 0; j < hd; j++) {
            identity[j * hd + j] = 1f;
        }
        for (int j = 0; j < half; j++) {
            rotate[(j + half) * hd + j] = -1f;
            rotate[j * hd + j + half] = 1f;
        }
        Shape shape = new Shape(hd, hd);
        return new NDArray[] {manager.create(identity, shape).toType(type, false),
                manager.create(rotate, shape).toType(type, false)};
    }

    /**
     * One new token over the KV cache: the same arithmetic as the prefill's layers in about a third fewer engine calls,
     * which is what a decode step costs beyond its matrix-vector products (on a GPU each call is a kernel launch or
     * a JNI crossing from this thread). Every call goes to libtorch directly (DJL's own methods read shapes back
     * first). Per layer: RMSNorm as three calls ({@link RmsNorm#applyRow}); the rotary embedding of all query and key
     * heads as one batched product with {@link #rotations} (identity on the value heads), so the fused projection
     * needs no split before it; the position's keys and values written to the fused cache in one call; softmax
     * straight into the compute type (the kernel accumulates in FP32 either way); SiLU·up in place in the gate/up
     * output; both residual adds in place. No shape is read back from the engine.
     */
    NDArray run(NDArray embedding, KvCache cache) {
        int pos = cache.length();
        int heads = config.numAttentionHeads();
        int kvHeads = config.numKeyValueHeads();
        int hd = config.headDim();
        writeRotations(pos);
        long[] headsShape = {heads + 2L * kvHeads, 1, hd};
        long[] rowShape = {1, (long) heads * hd};
        long[] qSizes = {heads, 2L * kvHeads};
        long[] gateUpSizes = {config.intermediateSize(), config.intermediateSize()};
        PtNDArray h = (PtNDArray) embedding;
        for (int i = 0; i < layers.size(); i++) {
            DecoderLayer l = layers.get(i);
            PtNDArray qkv = JniUtils.reshape((PtNDArray) l.qkv().apply(l.inputNorm().applyRow(h)), headsShape);
            // q [heads, 1, hd]; the position's keys then values [2 kv, 1, hd], as the cache holds them
            NDList parts = TorchOps.split(JniUtils.matmul(qkv, rotations), qSizes, 0);
            cache.writeBoth(i, pos, parts.get(1));
            NDList kv = cache.keysAndValues(i, pos + 1);
            NDArray attn;
            if (kvHeads == heads) {
                PtNDArray scores = JniUtils.matmul((PtNDArray) parts.get(0),
                        JniUtils.transpose((PtNDArray) kv.get(0), 1, 2));
                attn = JniUtils.reshape(JniUtils.matmul(JniUtils.softmax(scores, -1, computeType),
                        (PtNDArray) kv.get(1)), rowShape);
            } else {
                attn = Ops.attention(parts.get(0), kv.get(0), kv.get(1), null, heads, kvHeads, 1);
            }
            PtNDArray o = (PtNDArray) l.out().apply(attn);
            if (i == 0) {
                h = JniUtils.add(h, o); // the first hidden state is a read-only view of the embedding table
            } else {
                JniUtils.addi(h, o);
            }
            NDList gateUp = TorchOps.split(l.gateUp().apply(l.postNorm().applyRow(h)), gateUpSizes, 1);
            PtNDArray gate = (PtNDArray) gateUp.get(0);
            JniUtils.muli(gate, JniUtils.sigmoid(gate)); // SiLU(gate) = gate · sigmoid(gate), then · up
            JniUtils.muli(gate, (PtNDArray) gateUp.get(1));
            JniUtils.addi(h, (PtNDArray) l.down().apply(gate));
        }
        cache.advance(1);
        return finalNorm.applyRow(h);
    }

    /**
     * The rotary embedding of position {@code pos} into the query and key heads' blocks of {@link #rotations}:
     * {@code M = I·diag(cos) + R·diag(sin)}, so that {@code x · M = x cos + rotate_half(x) sin} for a row x of one head.
     */
    private void writeRotations(int pos) {
        NDArray cos = TorchOps.slice(cosTable, 0, pos, pos + 1);
        NDArray sin = TorchOps.slice(sinTable, 0, pos, pos + 1);
        PtNDArray m = JniUtils.mul((PtNDArray) ropeIdentity, (PtNDArray) cos);
        JniUtils.addi(m, JniUtils.mul((PtNDArray) ropeRotateHalf, (PtNDArray) sin));
        long rotated = config.numAttentionHeads() + (long) config.numKeyValueHeads();
        Regions.write(rotations, m, new long[] {0, 0, 0}, new long[] {rotated, config.headDim(), config.headDim()});
    }

    NDArray identity() {
        return ropeIdentity;
    }

    NDArray rotateHalf() {
        return ropeRotateHalf;
    }

    /** The per-position rotary buffer (see the field); the TorchScript step writes and reads it too. */
    PtNDArray rotations() {
        return rotations;
    }

    long residentBytes() {
        return Quantizer.bytes(ropeIdentity) + Quantizer.bytes(ropeRotateHalf) + Quantizer.bytes(rotations);
    }

    @Override
    public void close() {
        ropeIdentity.close();
        ropeRotateHalf.close();
        rotations.close();
    }
}

package adreview.llava.cpu;

import adreview.llava.config.TextConfig;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The LLaMA decode step of {@code LanguageModel} in Java: the same arithmetic in FP32 (RMSNorm, fused Q/K/V with the
 * scale in Q, rotary embedding, causal attention over the cache, SwiGLU MLP, residual adds into the hidden state,
 * LM head), with every matrix-vector product and the attention heads split across a {@link RowPool}. Activations
 * live in arrays allocated once; a step makes no call into libtorch. Built only through {@link VectorSupport}.
 */
final class VectorDecoder implements CpuDecode {
    /** Bytes of weights per chunk a pool thread takes at a time. */
    private static final int CHUNK_BYTES = 64 * 1024;

    private final DecodeWeights w;
    private final TextConfig c;
    private final RowPool pool;
    private final float eps;
    private final float[] h;
    private final float[] x;
    private final float[] qkv;
    private final float[] attn;
    private final float[] gateUp;
    private final float[] logits;
    private float[][] scores = new float[0][];

    VectorDecoder(DecodeWeights weights, int threads) {
        this.w = weights;
        this.c = weights.config();
        this.pool = new RowPool(threads, "adreview-decode");
        this.eps = (float) c.rmsNormEps();
        int hidden = c.hiddenSize();
        this.h = new float[hidden];
        this.x = new float[hidden];
        this.qkv = new float[(c.numAttentionHeads() + 2 * c.numKeyValueHeads()) * c.headDim()];
        this.attn = new float[c.numAttentionHeads() * c.headDim()];
        this.gateUp = new float[2 * c.intermediateSize()];
        this.logits = new float[weights.lmHead().rows()];
        Kernels.warmUp();
    }

    @Override
    public float[] step(int id, int pos, MemorySegment[] keys, MemorySegment[] values, int capacity) {
        int hidden = c.hiddenSize();
        int heads = c.numAttentionHeads();
        int kvHeads = c.numKeyValueHeads();
        int hd = c.headDim();
        if (pos >= capacity) {
            throw new IllegalStateException("KV cache full: position " + pos + " of " + capacity);
        }
        MemorySegment.copy(w.embeddings(), ValueLayout.JAVA_FLOAT_UNALIGNED, (long) id * hidden * Float.BYTES, h, 0,
                hidden);
        ensureScores(capacity);
        for (int l = 0; l < w.layers().size(); l++) {
            DecodeWeights.Layer layer = w.layers().get(l);
            Kernels.rmsNorm(h, layer.inputNorm(), eps, x);
            product(layer.qkv(), x, qkv, false);
            Kernels.rope(qkv, 0, heads + kvHeads, hd, w.cos(), w.sin(), pos);
            writeCache(keys[l], values[l], capacity, pos);
            MemorySegment k = keys[l];
            MemorySegment v = values[l];
            int groups = heads / kvHeads;
            int len = pos + 1;
            pool.run(heads, 1, (from, to) -> {
                for (int head = from; head < to; head++) {
                    long base = (long) (head / groups) * capacity * hd * Float.BYTES;
                    Kernels.attend(qkv, head * hd, k, v, base, hd, len, scores[head], attn, head * hd);
                }
            });
            product(layer.out(), attn, h, true);
            Kernels.rmsNorm(h, layer.postNorm(), eps, x);
            product(layer.gateUp(), x, gateUp, false);
            int inter = c.intermediateSize();
            pool.run(inter, 1024, (from, to) -> Kernels.swiglu(gateUp, inter, from, to));
            product(layer.down(), gateUp, h, true); // reads the first half: the SwiGLU output
        }
        Kernels.rmsNorm(h, w.finalNorm(), eps, x);
        product(w.lmHead(), x, logits, false);
        return logits;
    }

    /** Keys and values of this position: the rotated K heads and the V heads, from the fused projection. */
    private void writeCache(MemorySegment keys, MemorySegment values, int capacity, int pos) {
        int heads = c.numAttentionHeads();
        int kvHeads = c.numKeyValueHeads();
        int hd = c.headDim();
        for (int kh = 0; kh < kvHeads; kh++) {
            long at = ((long) kh * capacity + pos) * hd * Float.BYTES;
            MemorySegment.copy(qkv, (heads + kh) * hd, keys, ValueLayout.JAVA_FLOAT_UNALIGNED, at, hd);
            MemorySegment.copy(qkv, (heads + kvHeads + kh) * hd, values, ValueLayout.JAVA_FLOAT_UNALIGNED, at, hd);
        }
    }

    private void product(Matrix m, float[] in, float[] out, boolean accumulate) {
        pool.run(m.rows(), grain(m), (from, to) -> Kernels.matVec(m, in, out, from, to, accumulate));
    }

    private static int grain(Matrix m) {
        return (int) Math.max(1, CHUNK_BYTES / m.rowBytes());
    }

    private void ensureScores(int capacity) {
        if (scores.length == 0 || scores[0].length < capacity) {
            scores = new float[c.numAttentionHeads()][capacity];
        }
    }

    @Override
    public void matVecPass() {
        float[] in = new float[Math.max(c.intermediateSize(), c.hiddenSize()) * 2];
        java.util.Arrays.fill(in, 1f);
        for (DecodeWeights.Layer l : w.layers()) {
            product(l.qkv(), in, qkv, false);
            product(l.out(), in, h, false);
            product(l.gateUp(), in, gateUp, false);
            product(l.down(), in, h, false);
        }
        product(w.lmHead(), in, logits, false);
    }

    @Override
    public String describe() {
        return "Java Vector API, " + Kernels.F.vectorBitSize() + "-bit, " + pool.threads() + " threads";
    }

    @Override
    public void close() {
        pool.close();
    }
}

package adreview.llava.cpu;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * The arithmetic of a decode step on the Vector API, single-threaded over a given range (callers split the work).
 * Weights are read straight from libtorch's memory; activations are small float arrays that stay in cache. Products
 * keep four accumulators so that loads, not the FMA latency, set the pace: a decode step is a walk over memory.
 */
final class Kernels {
    static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    static final int L = F.length();
    /** As many bytes as F has lanes: one load widens to exactly one float vector. */
    static final VectorSpecies<Byte> B = VectorSpecies.of(byte.class, VectorShape.forBitSize(Math.max(64, L * 8)));
    private static final ByteOrder ORDER = ByteOrder.nativeOrder();
    private static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT_UNALIGNED;

    private Kernels() {
    }

    private static final java.util.concurrent.atomic.AtomicBoolean WARM = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * Runs every kernel on small inputs until the JIT has compiled them, once per process. Until then Vector API code
     * runs interpreted, allocating objects for every vector operation: a first token of real size would be slow and
     * leave gigabytes of garbage, which grows the heap (and the resident set the benchmark reports).
     */
    static void warmUp() {
        if (!WARM.compareAndSet(false, true)) {
            return;
        }
        int cols = 4 * L + 3;
        int rows = 8;
        try (java.lang.foreign.Arena arena = java.lang.foreign.Arena.ofConfined()) {
            MemorySegment w32 = arena.allocate((long) rows * cols * Float.BYTES, 64);
            MemorySegment w8 = arena.allocate((long) rows * cols, 64);
            MemorySegment scales = arena.allocate((long) rows * Float.BYTES, 64);
            MemorySegment table = arena.allocate(4L * 4 * L * Float.BYTES, 64);
            Matrix fp32 = new Matrix.F32(w32, null, rows, cols);
            Matrix int8 = new Matrix.Int8(w8, scales, null, rows, cols);
            float[] x = new float[cols];
            float[] y = new float[rows];
            float[] norm = new float[cols];
            float[] scores = new float[4];
            float[] head = new float[4 * L];
            for (int i = 0; i < 12_000; i++) {
                matVec(fp32, x, y, 0, rows, false);
                matVec(int8, x, y, 0, rows, true);
                rmsNorm(x, x, 1e-5f, norm);
                rope(head, 0, 1, 4 * L, table, table, 1);
                attend(head, 0, table, table, 0, 4 * L, 4, scores, head, 0);
                swiglu(norm, cols / 2, 0, cols / 2);
            }
        }
    }

    /** Lanes of the preferred float vector (16 with AVX-512, 8 with AVX2); read by {@link VectorSupport}. */
    static int floatLanes() {
        return L;
    }

    /** {@code y[r] (+)= W[r, :] · x (+ bias[r])} for rows [from, to); {@code accumulate} adds to y (a residual). */
    static void matVec(Matrix m, float[] x, float[] y, int from, int to, boolean accumulate) {
        int cols = m.cols();
        float[] bias = m.bias();
        if (m instanceof Matrix.Int8 q) {
            MemorySegment w = q.weight();
            MemorySegment s = q.scales();
            for (int r = from; r < to; r++) {
                float v = dotI8(w, (long) r * cols, x, cols) * s.getAtIndex(FLOAT, r);
                y[r] = (accumulate ? y[r] : 0f) + v + (bias == null ? 0f : bias[r]);
            }
        } else {
            MemorySegment w = m.weight();
            long rowBytes = (long) cols * Float.BYTES;
            int r = from;
            for (; r + 1 < to; r += 2) {
                dotF32Pair(w, r * rowBytes, rowBytes, x, cols, y, r, accumulate);
            }
            if (r < to) {
                y[r] = (accumulate ? y[r] : 0f) + dotF32(w, r * rowBytes, x, cols);
            }
            if (bias != null) {
                for (int i = from; i < to; i++) {
                    y[i] += bias[i];
                }
            }
        }
    }

    /**
     * Rows r and r + 1 at once against the same x, results into y: two streams from memory instead of one, which
     * measured about 1.5× the bandwidth of one row with four accumulators on a 2-core EPYC (int8 rows are faster one
     * at a time).
     */
    static void dotF32Pair(MemorySegment w, long row0, long rowBytes, float[] x, int n, float[] y, int r,
                           boolean accumulate) {
        long row1 = row0 + rowBytes;
        FloatVector a0 = FloatVector.zero(F);
        FloatVector a1 = a0;
        FloatVector b0 = a0;
        FloatVector b1 = a0;
        int end = n - n % (2 * L);
        // a plain counted loop (j < end): C2 compiles it measurably better than one bounded by j + 2L <= n
        for (int j = 0; j < end; j += 2 * L) {
            FloatVector x0 = FloatVector.fromArray(F, x, j);
            FloatVector x1 = FloatVector.fromArray(F, x, j + L);
            long o = 4L * j;
            a0 = FloatVector.fromMemorySegment(F, w, row0 + o, ORDER).fma(x0, a0);
            a1 = FloatVector.fromMemorySegment(F, w, row0 + o + 4L * L, ORDER).fma(x1, a1);
            b0 = FloatVector.fromMemorySegment(F, w, row1 + o, ORDER).fma(x0, b0);
            b1 = FloatVector.fromMemorySegment(F, w, row1 + o + 4L * L, ORDER).fma(x1, b1);
        }
        int j = end;
        float s0 = a0.add(a1).reduceLanes(VectorOperators.ADD);
        float s1 = b0.add(b1).reduceLanes(VectorOperators.ADD);
        for (; j < n; j++) {
            s0 += w.get(FLOAT, row0 + (long) j * Float.BYTES) * x[j];
            s1 += w.get(FLOAT, row1 + (long) j * Float.BYTES) * x[j];
        }
        y[r] = (accumulate ? y[r] : 0f) + s0;
        y[r + 1] = (accumulate ? y[r + 1] : 0f) + s1;
    }

    static float dotF32(MemorySegment w, long offset, float[] x, int n) {
        FloatVector a0 = FloatVector.zero(F);
        FloatVector a1 = a0;
        FloatVector a2 = a0;
        FloatVector a3 = a0;
        int end = n - n % (4 * L);
        for (int k = 0; k < end; k += 4 * L) {
            int j = k;
            long o = offset + (long) j * Float.BYTES;
            a0 = FloatVector.fromMemorySegment(F, w, o, ORDER).fma(FloatVector.fromArray(F, x, j), a0);
            a1 = FloatVector.fromMemorySegment(F, w, o + 4L * L, ORDER).fma(FloatVector.fromArray(F, x, j + L), a1);
            a2 = FloatVector.fromMemorySegment(F, w, o + 8L * L, ORDER).fma(FloatVector.fromArray(F, x, j + 2 * L), a2);
            a3 = FloatVector.fromMemorySegment(F, w, o + 12L * L, ORDER).fma(FloatVector.fromArray(F, x, j + 3 * L), a3);
        }
        int j = end;
        for (; j + L <= n; j += L) {
            a0 = FloatVector.fromMemorySegment(F, w, offset + (long) j * Float.BYTES, ORDER)
                    .fma(FloatVector.fromArray(F, x, j), a0);
        }
        float sum = a0.add(a1).add(a2.add(a3)).reduceLanes(VectorOperators.ADD);
        for (; j < n; j++) {
            sum += w.get(FLOAT, offset + (long) j * Float.BYTES) * x[j];
        }
        return sum;
    }

    /** Int8 row · x: each load of L bytes widens (sign-extended, converted) to one float vector. */
    static float dotI8(MemorySegment w, long offset, float[] x, int n) {
        FloatVector a0 = FloatVector.zero(F);
        FloatVector a1 = a0;
        FloatVector a2 = a0;
        FloatVector a3 = a0;
        int end = n - n % (4 * L);
        for (int k = 0; k < end; k += 4 * L) {
            int j = k;
            long o = offset + j;
            a0 = widen(w, o).fma(FloatVector.fromArray(F, x, j), a0);
            a1 = widen(w, o + L).fma(FloatVector.fromArray(F, x, j + L), a1);
            a2 = widen(w, o + 2L * L).fma(FloatVector.fromArray(F, x, j + 2 * L), a2);
            a3 = widen(w, o + 3L * L).fma(FloatVector.fromArray(F, x, j + 3 * L), a3);
        }
        int j = end;
        for (; j + L <= n; j += L) {
            a0 = widen(w, offset + j).fma(FloatVector.fromArray(F, x, j), a0);
        }
        float sum = a0.add(a1).add(a2.add(a3)).reduceLanes(VectorOperators.ADD);
        for (; j < n; j++) {
            sum += w.get(ValueLayout.JAVA_BYTE, offset + j) * x[j];
        }
        return sum;
    }

    private static FloatVector widen(MemorySegment w, long offset) {
        return (FloatVector) ByteVector.fromMemorySegment(B, w, offset, ORDER).castShape(F, 0);
    }

    /** {@code out = x / sqrt(mean(x²) + eps) * weight}, the sum of squares in float as transformers does in FP32. */
    static void rmsNorm(float[] x, float[] weight, float eps, float[] out) {
        int n = x.length;
        FloatVector acc = FloatVector.zero(F);
        int j = 0;
        for (; j + L <= n; j += L) {
            FloatVector v = FloatVector.fromArray(F, x, j);
            acc = v.fma(v, acc);
        }
        float sum = acc.reduceLanes(VectorOperators.ADD);
        for (; j < n; j++) {
            sum += x[j] * x[j];
        }
        float inv = (float) (1.0 / Math.sqrt(sum / n + eps));
        j = 0;
        for (; j + L <= n; j += L) {
            FloatVector.fromArray(F, x, j).mul(inv).mul(FloatVector.fromArray(F, weight, j)).intoArray(out, j);
        }
        for (; j < n; j++) {
            out[j] = x[j] * inv * weight[j];
        }
    }

    /**
     * The rotary embedding of one position on {@code heads} consecutive heads of {@code x} from {@code offset}, as
     * transformers applies it: {@code x cos + rotate_half(x) sin}, with rotate_half(x) = [-x2, x1] and both halves of
     * the cos/sin rows equal.
     */
    static void rope(float[] x, int offset, int heads, int hd, MemorySegment cos, MemorySegment sin, int pos) {
        int half = hd / 2;
        long row = (long) pos * hd * Float.BYTES;
        for (int h = 0; h < heads; h++) {
            int base = offset + h * hd;
            for (int j = 0; j < half; j++) {
                float a = x[base + j];
                float b = x[base + j + half];
                x[base + j] = a * cos.get(FLOAT, row + 4L * j) - b * sin.get(FLOAT, row + 4L * j);
                x[base + j + half] = b * cos.get(FLOAT, row + 4L * (j + half)) + a * sin.get(FLOAT, row + 4L * (j + half));
            }
        }
    }

    /**
     * One query head attending over positions [0, len) of one KV head: {@code out = softmax(q · K^T) V} (the
     * attention scale is already in q). {@code base} is the byte offset of the head's first position in the
     * [kv heads, capacity, hd] caches; {@code scores} is scratch of at least len floats.
     */
    static void attend(float[] q, int qOffset, MemorySegment keys, MemorySegment values, long base, int hd, int len,
                       float[] scores, float[] out, int outOffset) {
        long stride = (long) hd * Float.BYTES;
        float max = Float.NEGATIVE_INFINITY;
        for (int t = 0; t < len; t++) {
            float s = dotAt(q, qOffset, keys, base + t * stride, hd);
            scores[t] = s;
            max = Math.max(max, s);
        }
        float inv = 1f / expAndSum(scores, len, max);
        int j = 0;
        // four accumulators over a block of 4L columns, positions in the inner loop: each value row is read once
        // per block, and a head's rows stay in L2 for the next block
        for (; j + 4 * L <= hd; j += 4 * L) {
            FloatVector a0 = FloatVector.zero(F);
            FloatVector a1 = a0;
            FloatVector a2 = a0;
            FloatVector a3 = a0;
            for (int t = 0; t < len; t++) {
                long o = base + t * stride + 4L * j;
                FloatVector p = FloatVector.broadcast(F, scores[t]);
                a0 = FloatVector.fromMemorySegment(F, values, o, ORDER).fma(p, a0);
                a1 = FloatVector.fromMemorySegment(F, values, o + 4L * L, ORDER).fma(p, a1);
                a2 = FloatVector.fromMemorySegment(F, values, o + 8L * L, ORDER).fma(p, a2);
                a3 = FloatVector.fromMemorySegment(F, values, o + 12L * L, ORDER).fma(p, a3);
            }
            a0.mul(inv).intoArray(out, outOffset + j);
            a1.mul(inv).intoArray(out, outOffset + j + L);
            a2.mul(inv).intoArray(out, outOffset + j + 2 * L);
            a3.mul(inv).intoArray(out, outOffset + j + 3 * L);
        }
        for (; j < hd; j++) {
            float acc = 0;
            for (int t = 0; t < len; t++) {
                acc += scores[t] * values.get(FLOAT, base + t * stride + 4L * j);
            }
            out[outOffset + j] = acc * inv;
        }
    }

    private static float dotAt(float[] q, int qOffset, MemorySegment k, long offset, int hd) {
        FloatVector acc = FloatVector.zero(F);
        int end = hd - hd % L;
        for (int i = 0; i < end; i += L) {
            acc = FloatVector.fromMemorySegment(F, k, offset + 4L * i, ORDER).fma(FloatVector.fromArray(F, q, qOffset + i), acc);
        }
        int j = end;
        float s = acc.reduceLanes(VectorOperators.ADD);
        for (; j < hd; j++) {
            s += k.get(FLOAT, offset + 4L * j) * q[qOffset + j];
        }
        return s;
    }

    /** scores[t] = exp(scores[t] - max) for t < len; returns their sum. */
    private static float expAndSum(float[] scores, int len, float max) {
        FloatVector sum = FloatVector.zero(F);
        int t = 0;
        for (; t + L <= len; t += L) {
            FloatVector e = FloatVector.fromArray(F, scores, t).sub(max).lanewise(VectorOperators.EXP);
            e.intoArray(scores, t);
            sum = sum.add(e);
        }
        float s = sum.reduceLanes(VectorOperators.ADD);
        for (; t < len; t++) {
            scores[t] = (float) Math.exp(scores[t] - max);
            s += scores[t];
        }
        return s;
    }

    /** {@code gateUp[i] = silu(gateUp[i]) * gateUp[n + i]} for i in [from, to): SwiGLU in place in the first half. */
    static void swiglu(float[] gateUp, int n, int from, int to) {
        int i = from;
        for (; i + L <= to; i += L) {
            FloatVector g = FloatVector.fromArray(F, gateUp, i);
            FloatVector u = FloatVector.fromArray(F, gateUp, n + i);
            g.div(g.neg().lanewise(VectorOperators.EXP).add(1f)).mul(u).intoArray(gateUp, i);
        }
        for (; i < to; i++) {
            float g = gateUp[i];
            gateUp[i] = g / (1f + (float) Math.exp(-g)) * gateUp[n + i];
        }
    }
}

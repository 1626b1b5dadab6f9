package adreview.llava.cpu;

import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The Vector API kernels against plain double-precision loops, on sizes that are not multiples of the vector width
 * (so the tails run too): products in FP32 and int8 with bias and accumulation, RMSNorm, rotary embedding, attention
 * over a cache laid out as [kv heads, capacity, hd], SwiGLU.
 */
class KernelsTest {
    private final Random random = new Random(11);

    private float[] floats(int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) random.nextGaussian();
        }
        return a;
    }

    private static MemorySegment segment(Arena arena, float[] values) {
        MemorySegment s = arena.allocate((long) values.length * Float.BYTES, 64);
        MemorySegment.copy(values, 0, s, ValueLayout.JAVA_FLOAT_UNALIGNED, 0, values.length);
        return s;
    }

    @Test
    void productsMatchADoubleLoopInFp32AndInt8WithBiasAndAccumulation() {
        for (int cols : new int[] {7, 64, 1000, 1029}) {
            int rows = 37;
            try (Arena arena = Arena.ofConfined()) {
                float[] w = floats(rows * cols);
                float[] x = floats(cols);
                float[] bias = floats(rows);
                byte[] q = new byte[rows * cols];
                float[] scales = new float[rows];
                for (int r = 0; r < rows; r++) {
                    scales[r] = 0.01f + r * 1e-3f;
                    for (int c = 0; c < cols; c++) {
                        q[r * cols + c] = (byte) (random.nextInt(255) - 127);
                    }
                }
                MemorySegment qs = arena.allocate(q.length, 64);
                MemorySegment.copy(q, 0, qs, ValueLayout.JAVA_BYTE, 0, q.length);
                Matrix fp32 = new Matrix.F32(segment(arena, w), bias, rows, cols);
                Matrix int8 = new Matrix.Int8(qs, segment(arena, scales), null, rows, cols);
                float[] y = new float[rows];
                float[] y8 = new float[rows];
                java.util.Arrays.fill(y8, 1f);
                Kernels.matVec(fp32, x, y, 0, rows, false);
                Kernels.matVec(int8, x, y8, 3, rows, true);
                for (int r = 0; r < rows; r++) {
                    double want = bias[r];
                    double want8 = 0;
                    double scale = 0;
                    for (int c = 0; c < cols; c++) {
                        want += (double) w[r * cols + c] * x[c];
                        want8 += (double) q[r * cols + c] * x[c];
                        scale += Math.abs((double) w[r * cols + c] * x[c]) + Math.abs(q[r * cols + c] * x[c]);
                    }
                    assertThat((double) y[r]).as("fp32 row %d of %d columns", r, cols)
                            .isCloseTo(want, within(1e-5 * scale + 1e-6));
                    double expected8 = r < 3 ? 1 : 1 + want8 * scales[r];
                    assertThat((double) y8[r]).as("int8 row %d of %d columns", r, cols)
                            .isCloseTo(expected8, within(1e-5 * scale * scales[r] + 1e-6));
                }
            }
        }
    }

    @Test
    void rmsNormRopeAndSwigluMatchTheirDefinitions() {
        int n = 100;
        float[] x = floats(n);
        float[] w = floats(n);
        float[] out = new float[n];
        Kernels.rmsNorm(x, w, 1e-5f, out);
        double ss = 0;
        for (float v : x) {
            ss += v * v;
        }
        double inv = 1 / Math.sqrt(ss / n + 1e-5);
        for (int i = 0; i < n; i++) {
            assertThat((double) out[i]).isCloseTo(x[i] * inv * w[i], within(1e-5));
        }

        int hd = 20;
        int heads = 3;
        int pos = 5;
        float[] cos = floats(8 * hd);
        float[] sin = floats(8 * hd);
        for (int j = 0; j < hd / 2; j++) { // both halves equal, as the tables are
            cos[pos * hd + j + hd / 2] = cos[pos * hd + j];
            sin[pos * hd + j + hd / 2] = sin[pos * hd + j];
        }
        float[] v = floats(2 + heads * hd);
        float[] before = v.clone();
        try (Arena arena = Arena.ofConfined()) {
            Kernels.rope(v, 2, heads, hd, segment(arena, cos), segment(arena, sin), pos);
        }
        for (int h = 0; h < heads; h++) {
            for (int j = 0; j < hd; j++) {
                int at = 2 + h * hd + j;
                double rotated = j < hd / 2 ? -before[at + hd / 2] : before[at - hd / 2];
                assertThat((double) v[at]).isCloseTo(before[at] * cos[pos * hd + j] + rotated * sin[pos * hd + j],
                        within(1e-5));
            }
        }

        int inter = 37;
        float[] gateUp = floats(2 * inter);
        float[] original = gateUp.clone();
        Kernels.swiglu(gateUp, inter, 0, inter);
        for (int i = 0; i < inter; i++) {
            double g = original[i];
            assertThat((double) gateUp[i]).isCloseTo(g / (1 + Math.exp(-g)) * original[inter + i], within(1e-5));
        }
    }

    @Test
    void attentionIsSoftmaxOfScoresTimesValues() {
        for (int hd : new int[] {16, 64, 72}) {
            int capacity = 50;
            int kvHeads = 2;
            for (int len : new int[] {1, 33}) {
                float[] keys = floats(kvHeads * capacity * hd);
                float[] values = floats(kvHeads * capacity * hd);
                float[] q = floats(hd + 3);
                float[] out = new float[hd + 5];
                int head = 1;
                long base = (long) head * capacity * hd * Float.BYTES;
                try (Arena arena = Arena.ofConfined()) {
                    Kernels.attend(q, 3, segment(arena, keys), segment(arena, values), base, hd, len,
                            new float[capacity], out, 5);
                }
                double[] p = new double[len];
                double max = Double.NEGATIVE_INFINITY;
                for (int t = 0; t < len; t++) {
                    for (int j = 0; j < hd; j++) {
                        p[t] += (double) q[3 + j] * keys[(head * capacity + t) * hd + j];
                    }
                    max = Math.max(max, p[t]);
                }
                double sum = 0;
                for (int t = 0; t < len; t++) {
                    p[t] = Math.exp(p[t] - max);
                    sum += p[t];
                }
                for (int j = 0; j < hd; j++) {
                    double want = 0;
                    for (int t = 0; t < len; t++) {
                        want += p[t] / sum * values[(head * capacity + t) * hd + j];
                    }
                    assertThat((double) out[5 + j]).as("hd %d, %d positions, column %d", hd, len, j)
                            .isCloseTo(want, within(1e-4));
                }
            }
        }
    }
}

package adreview.llava.net;

import adreview.llava.weights.Regions;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The engine's own tensor helpers on inputs the CPU path never feeds them (FP16, as on a GPU). */
class OpsTest {

    @Test
    void softmaxOfHalfScoresIsComputedInFloat32AndReturnedAsHalf() {
        try (NDManager m = NDManager.newBaseManager(ai.djl.Device.cpu(), "PyTorch")) {
            float[] raw = new float[64];
            for (int i = 0; i < raw.length; i++) {
                raw[i] = (float) Math.sin(i * 0.37) * 9f;
            }
            NDArray scores = m.create(raw, new Shape(2, 32));
            NDArray half = Ops.softmaxLast(scores.toType(DataType.FLOAT16, false));
            assertThat(half.getDataType()).isEqualTo(DataType.FLOAT16);
            float[] expected = Ops.softmaxLast(scores.toType(DataType.FLOAT16, false).toType(DataType.FLOAT32, false))
                    .toFloatArray();
            float[] got = half.toType(DataType.FLOAT32, false).toFloatArray();
            for (int i = 0; i < got.length; i++) {
                assertThat(got[i]).isCloseTo(expected[i], within(Math.max(1e-3f * expected[i], 1e-6f)));
            }
            float rowSum = 0;
            for (int i = 0; i < 32; i++) {
                rowSum += got[i];
            }
            assertThat(rowSum).isCloseTo(1f, within(5e-3f));
        }
    }

    @Test
    void torchOpsSliceSplitAndWriteAddressTheRegionsAsked() {
        try (NDManager m = NDManager.newBaseManager(ai.djl.Device.cpu(), "PyTorch")) {
            NDArray cache = m.zeros(new Shape(2, 5, 3));
            Regions.write(cache, m.ones(new Shape(2, 1, 3)).mul(7f), new long[] {0, 3, 0}, new long[] {2, 4, 3});
            float[] perPosition = cache.sum(new int[] {0, 2}).toFloatArray();
            assertThat(perPosition).containsExactly(0f, 0f, 0f, 42f, 0f);
            NDArray view = TorchOps.slice(cache, 1, 0, 4);
            assertThat(view.getShape()).isEqualTo(new Shape(2, 4, 3));
            var parts = TorchOps.split(m.arange(10f), new long[] {7, 3}, 0);
            assertThat(parts.get(1).toFloatArray()).containsExactly(7f, 8f, 9f);
        }
    }

    /** RMSNorm through the layer-norm kernel against the formula written out, in FP32 and (as on a GPU) FP16. */
    @Test
    void rmsNormEqualsTheFormula() {
        try (NDManager m = NDManager.newBaseManager(ai.djl.Device.cpu(), "PyTorch")) {
            int h = 96;
            float[] x = new float[3 * h];
            float[] w = new float[h];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) Math.cos(i * 0.91) * (i % 7 == 0 ? 4f : 0.3f);
            }
            for (int i = 0; i < h; i++) {
                w[i] = 0.5f + i / (float) h;
            }
            float eps = 1e-5f;
            float[] expected = new float[x.length];
            for (int r = 0; r < 3; r++) {
                double ss = 0;
                for (int i = 0; i < h; i++) {
                    ss += (double) x[r * h + i] * x[r * h + i];
                }
                double scale = 1 / Math.sqrt(ss / h + eps);
                for (int i = 0; i < h; i++) {
                    expected[r * h + i] = (float) (w[i] * x[r * h + i] * scale);
                }
            }
            for (DataType type : new DataType[] {DataType.FLOAT32, DataType.FLOAT16}) {
                NDArray bias = RmsNorm.zeroBias(m, h, type);
                NDArray signs = RmsNorm.signs(m, type);
                try (RmsNorm norm = new RmsNorm(m.create(w).toType(type, true), bias, signs, eps, m)) {
                    NDArray out = norm.apply(m.create(x, new Shape(3, h)).toType(type, false));
                    assertThat(out.getDataType()).isEqualTo(type);
                    assertThat(out.getShape()).isEqualTo(new Shape(3, h));
                    float[] got = out.toType(DataType.FLOAT32, false).toFloatArray();
                    double tolerance = type == DataType.FLOAT32 ? 1e-6 : 2e-3;
                    assertThat(Reference.relativeError(got, expected)).as(type.toString()).isLessThan(tolerance);
                    // one row at a time (the decode step's three-call form): the same values
                    for (int r = 0; r < 3; r++) {
                        NDArray row = norm.applyRow(m.create(java.util.Arrays.copyOfRange(x, r * h, (r + 1) * h),
                                new Shape(1, h)).toType(type, false));
                        assertThat(row.getShape()).isEqualTo(new Shape(1, h));
                        float[] one = row.toType(DataType.FLOAT32, false).toFloatArray();
                        assertThat(Reference.relativeError(one, java.util.Arrays.copyOfRange(expected, r * h,
                                (r + 1) * h))).as(type + " row " + r).isLessThan(tolerance);
                    }
                }
            }
        }
    }
}

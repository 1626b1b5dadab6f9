package adreview.llava.net;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Per-row symmetric int8 against the definition computed in Java, including a zero row and exact ties. */
class QuantizerTest {

    @Test
    void quantizesEachRowByItsLargestMagnitude() {
        int rows = 4;
        int cols = 9;
        float[] w = new float[rows * cols];
        for (int i = 0; i < cols; i++) {
            w[i] = (float) Math.sin(i + 1) * 0.05f;         // ordinary row
            w[cols + i] = i == 3 ? -2.54f : 0.01f * i;     // the largest magnitude is negative
            w[2 * cols + i] = 0f;                           // all zero
            w[3 * cols + i] = (i - 4) * 0.5f;               // w/s = ±31.75·k: exact halves appear (ties to even)
        }
        w[3 * cols + 8] = 127f / 63.5f * 2f;               // makes s = 4/127 so that w/s hits x.5 exactly
        try (NDManager m = NDManager.newBaseManager(ai.djl.Device.cpu(), "PyTorch")) {
            LinearWeights.Int8 q = Quantizer.quantizeRows(m.create(w, new Shape(rows, cols)), DataType.FLOAT32, m);
            byte[] got = q.weight().toByteArray();
            float[] scales = q.scale().toFloatArray();
            for (int r = 0; r < rows; r++) {
                float max = 0;
                for (int i = 0; i < cols; i++) {
                    max = Math.max(max, Math.abs(w[r * cols + i]));
                }
                float s = Math.max(max / 127f, 1e-12f);
                assertThat(scales[r]).isCloseTo(s, within(s * 1e-6f));
                for (int i = 0; i < cols; i++) {
                    int expected = (int) Math.rint(w[r * cols + i] / scales[r]);
                    assertThat(got[r * cols + i]).as("row %d col %d", r, i).isEqualTo((byte) expected);
                    assertThat(Math.abs(got[r * cols + i])).isLessThanOrEqualTo(127);
                }
            }
        }
    }
}

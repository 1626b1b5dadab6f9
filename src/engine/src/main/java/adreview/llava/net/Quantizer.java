package adreview.llava.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;

/** Symmetric per-output-channel int8 quantization: {@code s = max|w_row| / 127}, {@code q = round(w / s)}. */
public final class Quantizer {
    private static final float ROUNDING_BIAS = 12582912f; // 1.5 * 2^23
    private Quantizer() {
    }

    /**
     * Returns the int8 matrix and its scales [out] in computeType, both owned by {@code owner}; temporaries are freed.
     * {@code w} is consumed: an FP32 {@code w} is worked on in place (the caller closes it afterwards). Every step is
     * a reduction or an in-place pass, so no full-size temporary is allocated: fresh memory costs a page fault per
     * page, which made quantizing the 7B on a CPU take minutes.
     */
    public static LinearWeights.Int8 quantizeRows(NDArray w, DataType computeType, NDManager owner) {
        try (NDScope scope = new NDScope()) {
            NDArray wf = w.toType(DataType.FLOAT32, false);
            int[] rows = {1};
            // max |w| per row from the row's max and min, without an |w| temporary
            NDArray s = wf.max(rows, true).maximum(wf.min(rows, true).neg()).divi(127f).maximum(1e-12f);
            // |w / s| <= 127 by the choice of s, so no clipping; adding and removing 1.5 * 2^23 rounds an FP32 value
            // of magnitude below 2^22 to the nearest integer (ties to even, as torch.round) in place
            NDArray q = wf.divi(s).addi(ROUNDING_BIAS).subi(ROUNDING_BIAS).toType(DataType.INT8, false);
            NDArray scaleRow = s.reshape(-1).toType(computeType, true);
            q.attach(owner);
            scaleRow.attach(owner);
            NDScope.unregister(q, scaleRow);
            return new LinearWeights.Int8(q, scaleRow);
        }
    }

    public static long bytes(NDArray a) {
        return a == null ? 0 : a.getShape().size() * a.getDataType().getNumOfBytes();
    }
}

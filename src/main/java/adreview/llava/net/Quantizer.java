package adreview.llava.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;

/** Symmetric per-output-channel int8 quantization: {@code s = max|w_row| / 127}, {@code q = round(w / s)}. */
public final class Quantizer {
    private Quantizer() {
    }

    /** Returns {int8 matrix, scales [out] in computeType}, both owned by {@code owner}; temporaries are freed. */
    public static NDArray[] quantizeRows(NDArray w, DataType computeType, NDManager owner) {
        try (NDScope scope = new NDScope()) {
            NDArray wf = w.toType(DataType.FLOAT32, false);
            NDArray s = wf.abs().max(new int[] {1}, true).div(127f).maximum(1e-12f);
            NDArray q = wf.div(s).round().clip(-127, 127).toType(DataType.INT8, false);
            NDArray scaleRow = s.reshape(-1).toType(computeType, true);
            q.attach(owner);
            scaleRow.attach(owner);
            NDScope.unregister(q, scaleRow);
            return new NDArray[] {q, scaleRow};
        }
    }

    public static long bytes(NDArray a) {
        return a == null ? 0 : a.getShape().size() * a.getDataType().getNumOfBytes();
    }
}

package adreview.llava.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * The next token's logits, wherever they are. Greedy decoding needs only the index of the highest one, which a
 * device finds itself (one number comes back); the whole row is copied to the host only when a caller asks for it,
 * e.g. when an output constraint must mask the vocabulary.
 */
public sealed interface Logits {

    /** The index of the highest logit (the first of equal ones). */
    int argMax();

    /** All logits as FP32 on the host. */
    float[] toFloatArray();

    /** One logit as FP32 (a few native calls for a device row, not a copy of the row). */
    float valueAt(int id);

    /** Logits already on the Java heap (the Vector API kernel's output; valid until its next step). */
    record Host(float[] values) implements Logits {
        @Override
        public int argMax() {
            return Logits.argMax(values);
        }

        @Override
        public float[] toFloatArray() {
            return values;
        }

        @Override
        public float valueAt(int id) {
            return values[id];
        }
    }

    /**
     * A row [1, V] (or [V]) in the engine: argmax runs there, unless {@code index} already holds it (the TorchScript
     * step returns it); the row stays there unless asked for.
     */
    record Device(NDArray row, NDArray index) implements Logits {
        public Device(NDArray row) {
            this(row, null);
        }

        @Override
        public int argMax() {
            if (index != null) {
                return (int) index.toLongArray()[0];
            }
            try (NDArray found = JniUtils.argMax((PtNDArray) row)) {
                return (int) found.toLongArray()[0];
            }
        }

        @Override
        public float valueAt(int id) {
            try (NDArray flat = row.flatten(); NDArray one = flat.get(id);
                    NDArray wide = one.toType(DataType.FLOAT32, false)) {
                return wide.getFloat();
            }
        }

        @Override
        public float[] toFloatArray() {
            return row.getDataType() == DataType.FLOAT32 ? row.toFloatArray()
                    : row.toType(DataType.FLOAT32, false).toFloatArray();
        }
    }

    /** The index of the highest value (the first of equal ones), as torch.argmax and greedy decoding choose. */
    static int argMax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }
}

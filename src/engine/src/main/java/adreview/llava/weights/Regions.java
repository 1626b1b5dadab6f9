package adreview.llava.weights;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

import java.util.Arrays;

/**
 * In-place writes into a region of a tensor, as one call into libtorch ({@code NDArray.set(NDIndex)} parses an index
 * string and makes four or five calls). The engine is fixed to PyTorch, so its JNI is used directly here.
 */
public final class Regions {
    private Regions() {
    }

    /**
     * Copies {@code value} into {@code target[min_0:max_0, min_1:max_1, ...]}, converting its type; {@code value}
     * must have (or broadcast to) the region's shape and be on the target's device.
     */
    public static void write(NDArray target, NDArray value, long[] min, long[] max) {
        long[] step = new long[min.length];
        Arrays.fill(step, 1);
        JniUtils.indexSet((PtNDArray) target, (PtNDArray) value, min, max, step);
    }

    /** A copy with memory of its own (libtorch's clone; DJL's duplicate goes through a Java buffer). */
    public static NDArray copyOf(NDArray array) {
        return JniUtils.clone((PtNDArray) array);
    }
}

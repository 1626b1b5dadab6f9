package adreview.llava.net;

import adreview.llava.weights.Regions;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * The tensor operations a decode step does on every layer that DJL's engine-neutral API makes expensive: a slice
 * view, a write into a region, a split with known sizes, a softmax with its own result type. Through {@code NDArray.get/set(NDIndex)} each is a string parse plus four or five
 * JNI calls (index init, one per axis, apply, delete); here each is one call into libtorch. The engine is fixed to
 * PyTorch, so going to its JNI directly is safe; nothing else in the engine does.
 */
final class TorchOps {
    private TorchOps() {
    }

    /** A view of {@code [start, end)} along {@code axis} (no copy). */
    static NDArray slice(NDArray array, int axis, long start, long end) {
        return JniUtils.slice((PtNDArray) array, axis, start, end, 1);
    }

    /** Splits along {@code axis} into parts of the given sizes (views); the sizes must add up to the axis length. */
    static NDList split(NDArray array, long[] sizes, int axis) {
        return JniUtils.split((PtNDArray) array, sizes, axis);
    }

    /** Concatenates two arrays along {@code axis} without DJL's shape checks (each reads shapes back from the engine). */
    static NDArray cat(NDArray a, NDArray b, int axis) {
        return JniUtils.cat(new PtNDArray[] {(PtNDArray) a, (PtNDArray) b}, axis);
    }

    /** Softmax along {@code axis} computed and returned in FP32 whatever the input type (transformers' eager way). */
    static NDArray softmaxFloat32(NDArray array, int axis) {
        return JniUtils.softmax((PtNDArray) array, axis, DataType.FLOAT32);
    }

    /**
     * Copies {@code value} into {@code target[min_0:max_0, min_1:max_1, ...]} in place; {@code value} must have (or
     * broadcast to) the region's shape.
     */
    static void write(NDArray target, NDArray value, long[] min, long[] max) {
        Regions.write(target, value, min, max);
    }
}

package adreview.llava.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * The tensor operations a decode step does on every layer that DJL's engine-neutral API makes expensive: a slice
 * view, a split with known sizes, a softmax with its own result type. Through {@code NDArray.get(NDIndex)} a slice is
 * a string parse plus four or five JNI calls, and DJL's split reads the shape back first; here each is one call into
 * libtorch. The engine is fixed to PyTorch, so going to its JNI directly is safe; region writes live beside the
 * loader's in {@link adreview.llava.weights.Regions}.
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

}

package adreview.llava.weights;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

import java.util.Set;

/** Named tensors backed by mapped safetensors files (one file, or an index and its shards). */
public interface WeightSource extends AutoCloseable {

    Set<String> names();

    boolean contains(String name);

    /** The tensor's header entry; throws {@link WeightsException} naming the tensor if it is absent. */
    TensorInfo info(String name);

    /**
     * The tensor as an NDArray owned by {@code manager} (on the manager's device), converted to {@code target}.
     * The result never aliases the mapped file.
     */
    NDArray load(String name, NDManager manager, DataType target);

    /**
     * Copies the tensor [rows, ...] into rows {@code [firstRow, firstRow + rows)} of {@code target} (any float type,
     * any device), converting on the way: one pass, no intermediate tensor of the whole, the mapping released after.
     */
    void copyRowsInto(String name, NDArray target, long firstRow);

    /** The tensor's values as floats on the Java heap: for tests and small tensors only. */
    float[] readFloats(String name);

    /** The tensor's values as longs (I64/I32/I8/U8 tensors): for tests and small tensors only. */
    long[] readLongs(String name);

    @Override
    void close();
}

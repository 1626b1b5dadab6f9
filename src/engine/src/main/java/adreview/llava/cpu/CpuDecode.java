package adreview.llava.cpu;

import java.lang.foreign.MemorySegment;

/**
 * One decode step on the CPU without libtorch: the token's embedding through every layer to the logits, reading and
 * writing the KV cache's memory in place. Not thread-safe: one generation at a time.
 */
public interface CpuDecode extends AutoCloseable {

    /**
     * Runs token {@code id} at position {@code pos}: writes its keys and values at {@code pos} of every layer's cache
     * ([kv heads, capacity, head dim] FP32 each) and attends over positions [0, pos]. Returns the logits [V], an
     * array this decoder reuses: valid until the next call.
     */
    float[] step(int id, int pos, MemorySegment[] keys, MemorySegment[] values, int capacity);

    /** One matrix-vector product per linear a step uses (LM head included), as the benchmark's floor pass. */
    void matVecPass();

    /** e.g. "Java Vector API, 512-bit, 2 threads". */
    String describe();

    @Override
    void close();
}

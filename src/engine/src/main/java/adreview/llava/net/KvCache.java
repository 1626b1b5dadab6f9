package adreview.llava.net;

import adreview.llava.weights.Regions;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import java.lang.foreign.MemorySegment;

/**
 * Keys and values of every decoder layer, preallocated for the whole generation ([kv heads, capacity, head dim]
 * per layer) and written in place: nothing grows per token.
 */
public final class KvCache implements AutoCloseable {
    private final NDManager manager;
    private final NDArray[] keys;
    private final NDArray[] values;
    private final int capacity;
    private final int kvHeads;
    private final int headDim;
    private int length;
    /** The caches' memory as the CPU kernel reads and writes it (CPU caches only). */
    private final MemorySegment[] keySegments;
    private final MemorySegment[] valueSegments;

    public KvCache(NDManager parent, int layers, int kvHeads, int headDim, int capacity, DataType type) {
        this.manager = parent.newSubManager();
        this.capacity = capacity;
        this.kvHeads = kvHeads;
        this.headDim = headDim;
        this.keys = new NDArray[layers];
        this.values = new NDArray[layers];
        Shape shape = new Shape(kvHeads, capacity, headDim);
        for (int i = 0; i < layers; i++) {
            keys[i] = manager.zeros(shape, type);
            values[i] = manager.zeros(shape, type);
        }
        // the CPU kernel's view of the caches, made here so that no decode step calls into libtorch for it
        boolean host = !manager.getDevice().isGpu();
        keySegments = host ? segments(keys) : null;
        valueSegments = host ? segments(values) : null;
    }

    public int length() {
        return length;
    }

    public int capacity() {
        return capacity;
    }

    /** Writes [kv heads, t, head dim] keys and values at positions [start, start + t) of the layer. */
    void write(int layer, int start, long t, NDArray k, NDArray v) {
        if (start + t > capacity) {
            throw new IllegalStateException("KV cache full: " + (start + t) + " > " + capacity);
        }
        long[] min = {0, start, 0};
        long[] max = {kvHeads, start + t, headDim};
        Regions.write(keys[layer], k, min, max);
        Regions.write(values[layer], v, min, max);
    }

    /** Views of the first {@code upTo} positions (no copy). */
    NDArray keys(int layer, int upTo) {
        return TorchOps.slice(keys[layer], 1, 0, upTo);
    }

    NDArray values(int layer, int upTo) {
        return TorchOps.slice(values[layer], 1, 0, upTo);
    }

    /** Every layer's keys [kv heads, capacity, head dim] as libtorch's own memory (CPU caches only). */
    MemorySegment[] keySegments() {
        if (keySegments == null) {
            throw new IllegalStateException("the KV cache is on " + manager.getDevice() + ", not in host memory");
        }
        return keySegments;
    }

    MemorySegment[] valueSegments() {
        keySegments();
        return valueSegments;
    }

    private static MemorySegment[] segments(NDArray[] arrays) {
        MemorySegment[] out = new MemorySegment[arrays.length];
        for (int i = 0; i < arrays.length; i++) {
            out[i] = TorchMemory.of(arrays[i]);
        }
        return out;
    }

    /** Bytes of keys and values one decode step reads at position {@code pos} (all layers, positions 0..pos). */
    public long bytesReadAt(int pos) {
        return bytesPerPosition() * (pos + 1L);
    }

    /** Bytes of keys and values one position takes in all layers. */
    public long bytesPerPosition() {
        return bytes() / capacity;
    }

    void advance(int tokens) {
        length += tokens;
    }

    public long bytes() {
        long b = 0;
        for (int i = 0; i < keys.length; i++) {
            b += Quantizer.bytes(keys[i]) + Quantizer.bytes(values[i]);
        }
        return b;
    }

    @Override
    public void close() {
        manager.close();
    }
}

package adreview.llava.net;

import adreview.llava.weights.Regions;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.IValue;

import java.lang.foreign.MemorySegment;

/**
 * Keys and values of every decoder layer, preallocated for the whole generation and written in place: nothing grows
 * per token. One tensor per layer, [2 · kv heads, capacity, head dim], the key heads first and the value heads after
 * them, so that a decode step writes a position's keys and values (the last 2 · kv heads of its fused projection) in
 * one call and takes both back with one slice and one split.
 */
public final class KvCache implements AutoCloseable {
    private final NDManager manager;
    private final NDArray[] both;
    private final int capacity;
    private final int kvHeads;
    private final int headDim;
    private int length;
    /** The caches' memory as the CPU kernel reads and writes it (CPU caches only). */
    private final MemorySegment[] keySegments;
    private final MemorySegment[] valueSegments;
    /** Every layer's tensor as one TorchScript list (see {@link ScriptDecodeStep}); made on first use. */
    private IValue scriptLayers;

    public KvCache(NDManager parent, int layers, int kvHeads, int headDim, int capacity, DataType type) {
        this.manager = parent.newSubManager();
        this.capacity = capacity;
        this.kvHeads = kvHeads;
        this.headDim = headDim;
        this.both = new NDArray[layers];
        Shape shape = new Shape(2L * kvHeads, capacity, headDim);
        boolean host = !manager.getDevice().isGpu();
        keySegments = host ? new MemorySegment[layers] : null;
        valueSegments = host ? new MemorySegment[layers] : null;
        for (int i = 0; i < layers; i++) {
            both[i] = manager.zeros(shape, type);
            if (host) {
                // the CPU kernel's view, made here so that no decode step calls into libtorch for it
                MemorySegment all = TorchMemory.of(both[i]);
                keySegments[i] = all.asSlice(0, all.byteSize() / 2);
                valueSegments[i] = all.asSlice(all.byteSize() / 2);
            }
        }
    }

    public int length() {
        return length;
    }

    public int capacity() {
        return capacity;
    }

    /** Writes [kv heads, t, head dim] keys and values at positions [start, start + t) of the layer. */
    void write(int layer, int start, long t, NDArray k, NDArray v) {
        requireRoom(start + t);
        Regions.write(both[layer], k, new long[] {0, start, 0}, new long[] {kvHeads, start + t, headDim});
        Regions.write(both[layer], v, new long[] {kvHeads, start, 0}, new long[] {2L * kvHeads, start + t, headDim});
    }

    /** Writes one position's keys and values, [2 · kv heads, 1, head dim] (keys first), at {@code pos}. */
    void writeBoth(int layer, int pos, NDArray keysThenValues) {
        requireRoom(pos + 1L);
        Regions.write(both[layer], keysThenValues, new long[] {0, pos, 0}, new long[] {2L * kvHeads, pos + 1, headDim});
    }

    private void requireRoom(long end) {
        if (end > capacity) {
            throw new IllegalStateException("KV cache full: " + end + " > " + capacity);
        }
    }

    /** Views of the first {@code upTo} positions' keys and values, each [kv heads, upTo, head dim] (no copy). */
    NDList keysAndValues(int layer, int upTo) {
        return TorchOps.split(TorchOps.slice(both[layer], 1, 0, upTo), new long[] {kvHeads, kvHeads}, 0);
    }

    /** Every layer's keys [kv heads, capacity, head dim] as libtorch's own memory (CPU caches only). */
    MemorySegment[] keySegments() {
        if (keySegments == null) {
            throw new IllegalStateException("the KV cache is on " + manager.getDevice() + ", not in host memory");
        }
        return keySegments;
    }

    /** Every layer's values, as {@link #keySegments()}. */
    MemorySegment[] valueSegments() {
        keySegments();
        return valueSegments;
    }

    /** Every layer's tensor as one TorchScript list argument, made once (it holds references, not copies). */
    IValue scriptLayers() {
        if (scriptLayers == null) {
            PtNDArray[] layers = new PtNDArray[both.length];
            for (int i = 0; i < both.length; i++) {
                layers[i] = (PtNDArray) both[i];
            }
            scriptLayers = IValue.listFrom(layers);
        }
        return scriptLayers;
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
        for (NDArray a : both) {
            b += Quantizer.bytes(a);
        }
        return b;
    }

    @Override
    public void close() {
        if (scriptLayers != null) {
            scriptLayers.close(); // its references would keep the caches' memory alive
        }
        manager.close();
    }
}

package adreview.llava.net;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;

/**
 * libtorch's own memory of a CPU tensor as a {@link MemorySegment}, without a copy: what the Vector API kernel reads
 * the weights and writes the KV cache through. The segment is valid while the tensor is open; its owner closes
 * whatever reads it first. Only contiguous tensors may be given (weights, tables and caches are all created so):
 * for any other DJL would hand back a contiguous copy instead of the tensor's memory.
 */
final class TorchMemory {
    private TorchMemory() {
    }

    static MemorySegment of(NDArray array) {
        if (array.getDevice().isGpu()) {
            throw new IllegalArgumentException("tensor on " + array.getDevice() + ": only CPU memory can be read in place");
        }
        ByteBuffer direct = JniUtils.getByteBuffer((PtNDArray) array, true);
        if (!direct.isDirect()) {
            throw new IllegalStateException("libtorch returned a copy, not its memory, for " + array.getShape());
        }
        // a segment of the global scope: no liveness check on every access (libtorch, not Java, owns this memory
        // either way; a buffer's segment would only keep the ByteBuffer object alive, not the tensor)
        MemorySegment segment = MemorySegment.ofAddress(MemorySegment.ofBuffer(direct).address())
                .reinterpret(direct.capacity());
        long expected = array.getShape().size() * array.getDataType().getNumOfBytes();
        if (segment.byteSize() != expected) {
            throw new IllegalStateException("tensor memory of " + segment.byteSize() + " bytes, expected " + expected);
        }
        return segment;
    }
}

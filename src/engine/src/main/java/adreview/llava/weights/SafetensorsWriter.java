package adreview.llava.weights;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a safetensors file tensor by tensor, streaming each tensor's bytes in chunks so that benchmark
 * checkpoints of any size are produced without holding them in memory.
 */
public final class SafetensorsWriter {

    /** Fills {@code chunk} (little-endian, positioned at 0) with the tensor's elements starting at {@code first}. */
    @FunctionalInterface
    public interface Filler {
        void fill(ByteBuffer chunk, long first, int count);
    }

    private record Entry(String name, TensorDType dtype, long[] shape, Filler filler) {
        long bytes() {
            long n = dtype.bytes();
            for (long d : shape) {
                n *= d;
            }
            return n;
        }
    }

    private static final int CHUNK_BYTES = 8 << 20;
    private final List<Entry> entries = new ArrayList<>();

    public SafetensorsWriter add(String name, TensorDType dtype, long[] shape, Filler filler) {
        entries.add(new Entry(name, dtype, shape.clone(), filler));
        return this;
    }

    public SafetensorsWriter addFloats(String name, TensorDType dtype, long[] shape, float[] values) {
        return add(name, dtype, shape, (chunk, first, count) -> {
            for (int i = 0; i < count; i++) {
                float v = values[(int) first + i];
                switch (dtype) {
                    case F32 -> chunk.putFloat(v);
                    case F16 -> chunk.putShort(Halfs.floatToHalf(v));
                    case BF16 -> chunk.putShort((short) (Float.floatToRawIntBits(v) >>> 16));
                    default -> throw new IllegalArgumentException("addFloats does not write " + dtype);
                }
            }
        });
    }

    public SafetensorsWriter addLongs(String name, long[] shape, long[] values) {
        return add(name, TensorDType.I64, shape, (chunk, first, count) -> {
            for (int i = 0; i < count; i++) {
                chunk.putLong(values[(int) first + i]);
            }
        });
    }

    /** Writes the file; returns the total bytes of tensor data. */
    public long write(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode header = json.createObjectNode();
        header.putObject("__metadata__").put("format", "pt");
        long offset = 0;
        for (Entry e : entries) {
            ObjectNode t = header.putObject(e.name());
            t.put("dtype", e.dtype().name());
            ArrayNode shape = t.putArray("shape");
            for (long d : e.shape()) {
                shape.add(d);
            }
            t.putArray("data_offsets").add(offset).add(offset + e.bytes());
            offset += e.bytes();
        }
        byte[] headerBytes = json.writeValueAsBytes(header);
        int padded = (headerBytes.length + 7) / 8 * 8;
        ByteBuffer head = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
        head.putLong(padded).put(headerBytes);
        while (head.hasRemaining()) {
            head.put((byte) ' ');
        }
        head.flip();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            writeFully(ch, head);
            ByteBuffer chunk = ByteBuffer.allocateDirect(CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
            for (Entry e : entries) {
                long count = e.bytes() / e.dtype().bytes();
                int perChunk = CHUNK_BYTES / e.dtype().bytes();
                for (long first = 0; first < count; first += perChunk) {
                    int n = (int) Math.min(perChunk, count - first);
                    chunk.clear();
                    e.filler().fill(chunk, first, n);
                    if (chunk.position() != n * e.dtype().bytes()) {
                        throw new IllegalStateException("filler of " + e.name() + " wrote " + chunk.position()
                                + " bytes, expected " + n * e.dtype().bytes());
                    }
                    chunk.flip();
                    writeFully(ch, chunk);
                }
            }
        }
        return offset;
    }

    private static void writeFully(FileChannel ch, ByteBuffer buf) throws IOException {
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
    }
}

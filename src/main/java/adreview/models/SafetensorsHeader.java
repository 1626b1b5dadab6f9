package adreview.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The header of one safetensors file, read only as far as the model manager needs: tensor names,
 * dtypes and data offsets. The layout is an 8-byte little-endian header length, that many bytes of
 * JSON, then the tensor data; the engine reads the data itself.
 */
public record SafetensorsHeader(Path file, long headerLength, long fileLength, Map<String, Tensor> tensors) {

    /** One tensor entry: dtype and its byte range relative to the start of the data section. */
    public record Tensor(String dtype, long begin, long end) {
        public long byteCount() {
            return end - begin;
        }
    }

    /** A sanity limit on the JSON header (real ones are well under 1 MB). */
    private static final long MAX_HEADER = 100L * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    public SafetensorsHeader {
        tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
    }

    /** Reads the header of {@code file}; the message of the exception names the file and what is wrong. */
    public static SafetensorsHeader read(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < 8) {
                throw new IOException(file.getFileName() + ": " + size + " bytes, too short for a safetensors header");
            }
            ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            readFully(ch, len, 0);
            long n = len.flip().getLong();
            if (n <= 0 || n > MAX_HEADER || 8 + n > size) {
                throw new IOException(file.getFileName() + ": header length " + n + " does not fit a file of "
                        + size + " bytes (truncated or not safetensors)");
            }
            ByteBuffer json = ByteBuffer.allocate((int) n);
            readFully(ch, json, 8);
            JsonNode root;
            try {
                root = JSON.readTree(new String(json.array(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IOException(file.getFileName() + ": header is not valid JSON", e);
            }
            if (root == null || !root.isObject()) {
                throw new IOException(file.getFileName() + ": header is not a JSON object");
            }
            Map<String, Tensor> tensors = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().equals("__metadata__")) {
                    continue;
                }
                JsonNode offsets = e.getValue().path("data_offsets");
                String dtype = e.getValue().path("dtype").asText("");
                if (!offsets.isArray() || offsets.size() != 2 || dtype.isEmpty()) {
                    throw new IOException(file.getFileName() + ": tensor " + e.getKey() + " has no dtype/data_offsets");
                }
                tensors.put(e.getKey(), new Tensor(dtype, offsets.get(0).asLong(), offsets.get(1).asLong()));
            }
            return new SafetensorsHeader(file, n, size, tensors);
        }
    }

    /** Bytes of tensor data that the offsets promise (the largest end offset). */
    public long dataLengthNeeded() {
        return tensors.values().stream().mapToLong(Tensor::end).max().orElse(0);
    }

    /** Bytes of tensor data present in the file after the header. */
    public long dataLengthPresent() {
        return fileLength - 8 - headerLength;
    }

    /** Tensor bytes per dtype, e.g. {F16=8872960}. */
    public Map<String, Long> bytesByDtype() {
        Map<String, Long> out = new LinkedHashMap<>();
        tensors.values().forEach(t -> out.merge(t.dtype(), t.byteCount(), Long::sum));
        return out;
    }

    private static void readFully(FileChannel ch, ByteBuffer buf, long pos) throws IOException {
        while (buf.hasRemaining()) {
            int r = ch.read(buf, pos + buf.position());
            if (r < 0) {
                throw new IOException("unexpected end of file");
            }
        }
    }
}

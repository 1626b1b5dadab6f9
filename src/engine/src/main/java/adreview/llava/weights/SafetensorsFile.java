package adreview.llava.weights;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * One safetensors file: an 8-byte little-endian header length, a JSON header naming each tensor's dtype, shape
 * and byte range, then the raw data. Each tensor's region is mapped on demand through the Foreign Function &amp;
 * Memory API (long offsets, no 2 GB limit, unmapped deterministically when its arena closes), so a multi-gigabyte
 * shard never passes through the Java heap.
 *
 * <p>Validated before native code sees it: the header's length is bounded, every entry's dtype × shape is its byte
 * length (no overflow), every range lies inside the file and no two overlap.
 *
 * <p>Native code (libtorch) never reads a mapping: if the file shrinks while it is read, a native read of the
 * vanished pages would kill the JVM with SIGBUS, while a Java copy of them fails with an {@link InternalError}
 * that becomes a {@link WeightsException}. So a tensor's bytes are first copied, in Java, from the mapping into a
 * staging buffer this file owns (reused across tensors: one set of page faults), and libtorch reads that. The
 * file's identity (inode, size, modification time) is also checked before each tensor, so that a file replaced or
 * rewritten during the load is named instead of half-read.
 */
public final class SafetensorsFile implements WeightSource {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Headers are small; anything larger than this is a corrupt length field. */
    private static final long MAX_HEADER_BYTES = 100L * 1024 * 1024;

    private final Path path;
    private final FileChannel channel;
    private final Map<String, TensorInfo> tensors;
    private final Map<String, String> metadata;
    private final FileIdentity identity;
    /** Owns the staging buffer; closed with the file. */
    private final Arena stagingArena = Arena.ofShared();
    private MemorySegment staging = MemorySegment.NULL;

    private SafetensorsFile(Path path, FileChannel channel, Map<String, TensorInfo> tensors,
                            Map<String, String> metadata, FileIdentity identity) {
        this.path = path;
        this.channel = channel;
        this.tensors = tensors;
        this.metadata = metadata;
        this.identity = identity;
    }

    /** Opens and parses the header; throws {@link WeightsException} naming the file when it is missing or broken. */
    public static SafetensorsFile open(Path path) {
        FileChannel channel;
        try {
            channel = FileChannel.open(path, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new WeightsException("weights file " + path + " is missing");
        } catch (IOException e) {
            throw new WeightsException("cannot open weights file " + path + ": " + e.getMessage(), e);
        }
        try {
            FileIdentity identity = FileIdentity.of(path);
            long size = channel.size();
            if (size < 8) {
                throw new WeightsException("weights file " + path + " is truncated (" + size + " bytes)");
            }
            ByteBuffer lenBuf = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            readFully(channel, lenBuf, 0);
            long headerLen = lenBuf.getLong(0);
            if (headerLen <= 0 || headerLen > MAX_HEADER_BYTES || 8 + headerLen > size) {
                throw new WeightsException("weights file " + path + " has a corrupt header length " + headerLen
                        + " (file is " + size + " bytes): not a safetensors file or truncated");
            }
            ByteBuffer header = ByteBuffer.allocate((int) headerLen);
            readFully(channel, header, 8);
            JsonNode root = JSON.readTree(header.array());
            if (root == null || !root.isObject()) {
                throw new WeightsException("weights file " + path + " has a header that is not a JSON object:"
                        + " not a safetensors file or damaged");
            }
            long dataStart = 8 + headerLen;
            long dataSize = size - dataStart;
            Map<String, TensorInfo> tensors = new LinkedHashMap<>();
            Map<String, String> metadata = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().equals("__metadata__")) {
                    e.getValue().fields().forEachRemaining(m -> metadata.put(m.getKey(), m.getValue().asText()));
                    continue;
                }
                tensors.put(e.getKey(), parseEntry(path, e.getKey(), e.getValue(), dataStart, dataSize));
            }
            checkNoOverlaps(path, tensors.values(), dataStart);
            identity.requireUnchanged(path, null);
            return new SafetensorsFile(path, channel, Collections.unmodifiableMap(tensors),
                    Collections.unmodifiableMap(metadata), identity);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new WeightsException("cannot read the header of weights file " + path + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    private static TensorInfo parseEntry(Path path, String name, JsonNode node, long dataStart, long dataSize) {
        String where = "tensor " + name + " in " + path;
        if (!node.isObject()) {
            throw new WeightsException(where + " has a header entry that is not an object: the file is damaged");
        }
        TensorDType dtype;
        try {
            dtype = TensorDType.valueOf(node.path("dtype").asText());
        } catch (IllegalArgumentException e) {
            throw new WeightsException(where + " has unsupported dtype " + node.path("dtype").asText());
        }
        JsonNode shapeNode = node.path("shape");
        if (!shapeNode.isArray() || shapeNode.size() > 8) {
            throw new WeightsException(where + " has no valid shape (" + shapeNode + "): the file is damaged");
        }
        long[] shape = new long[shapeNode.size()];
        long bytes = dtype.bytes();
        for (int i = 0; i < shape.length; i++) {
            JsonNode d = shapeNode.get(i);
            if (!d.isIntegralNumber() || !d.canConvertToLong() || d.asLong() < 0) {
                throw new WeightsException(where + " has shape entry " + d + ", not a size: the file is damaged");
            }
            shape[i] = d.asLong();
            try {
                bytes = Math.multiplyExact(bytes, shape[i]);
            } catch (ArithmeticException e) {
                throw new WeightsException(where + " has shape " + shapeNode + ", too large for any file: the"
                        + " file is damaged");
            }
        }
        JsonNode offs = node.path("data_offsets");
        if (!offs.isArray() || offs.size() != 2 || !offs.get(0).isIntegralNumber() || !offs.get(1).isIntegralNumber()
                || !offs.get(0).canConvertToLong() || !offs.get(1).canConvertToLong()) {
            throw new WeightsException(where + " has no valid data_offsets (" + offs + "): the file is damaged");
        }
        long begin = offs.get(0).asLong();
        long end = offs.get(1).asLong();
        if (begin < 0 || end < begin || end > dataSize) {
            throw new WeightsException(where + " lies outside the file (bytes " + begin + ".." + end + " of "
                    + dataSize + "): the file is truncated");
        }
        TensorInfo info = new TensorInfo(name, path, dtype, shape, dataStart + begin, end - begin);
        if (bytes != end - begin) {
            throw new WeightsException(where + " has " + (end - begin) + " bytes but shape " + info.shapeText()
                    + " of " + dtype + " needs " + bytes);
        }
        return info;
    }

    /** Two tensors sharing bytes is no file a writer makes: one of them would read the other's data. */
    private static void checkNoOverlaps(Path path, java.util.Collection<TensorInfo> tensors, long dataStart) {
        java.util.List<TensorInfo> sorted = new java.util.ArrayList<>(tensors);
        sorted.removeIf(t -> t.byteLength() == 0);
        sorted.sort(java.util.Comparator.comparingLong(TensorInfo::fileOffset));
        for (int i = 1; i < sorted.size(); i++) {
            TensorInfo a = sorted.get(i - 1);
            TensorInfo b = sorted.get(i);
            if (b.fileOffset() < a.fileOffset() + a.byteLength()) {
                throw new WeightsException("tensors " + a.name() + " and " + b.name() + " in " + path
                        + " overlap (bytes " + (a.fileOffset() - dataStart) + ".." + (a.fileOffset() + a.byteLength()
                        - dataStart) + " and " + (b.fileOffset() - dataStart) + ".."
                        + (b.fileOffset() + b.byteLength() - dataStart) + "): the file is damaged");
            }
        }
    }

    public Path path() {
        return path;
    }

    public Map<String, String> metadata() {
        return metadata;
    }

    public Map<String, TensorInfo> tensors() {
        return tensors;
    }

    @Override
    public Set<String> names() {
        return tensors.keySet();
    }

    @Override
    public boolean contains(String name) {
        return tensors.containsKey(name);
    }

    @Override
    public TensorInfo info(String name) {
        TensorInfo info = tensors.get(name);
        if (info == null) {
            throw new WeightsException("tensor " + name + " is missing from " + path);
        }
        return info;
    }

    /**
     * Runs {@code use} on the tensor's bytes, mapped read-only; the mapping is gone when this returns. Only Java code
     * may read the segment: see the class comment.
     */
    private <T> T withMapping(TensorInfo info, Function<MemorySegment, T> use) {
        if (info.byteLength() == 0) {
            return use.apply(MemorySegment.ofArray(new byte[0]));
        }
        identity.requireUnchanged(path, info.name());
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment region = channel.map(FileChannel.MapMode.READ_ONLY, info.fileOffset(), info.byteLength(), arena);
            return use.apply(region);
        } catch (IOException e) {
            // A file cut short between the check above and the map fails here ("cannot extend file"): say so as such.
            identity.requireUnchanged(path, info.name());
            throw new WeightsException("cannot map tensor " + info.name() + " in " + path + ": " + e.getMessage(), e);
        } catch (InternalError e) {
            // HotSpot turns a fault on a mapped page that no longer exists into this error
            throw identity.changedWhileReading(path, info.name(), e);
        }
    }

    /**
     * The tensor's bytes copied (in Java) out of the mapping into this file's staging buffer: memory the process owns,
     * safe for native code. Valid until the next call; the caller holds this file's lock.
     */
    private ByteBuffer staged(TensorInfo info) {
        if (info.byteLength() > Integer.MAX_VALUE) {
            // DJL creates tensors from ByteBuffers, which end at 2 GB
            throw new WeightsException("tensor " + info.name() + " in " + path + " is larger than 2 GB ("
                    + info.byteLength() + " bytes); split it across shards");
        }
        if (staging.byteSize() < info.byteLength()) {
            staging = stagingArena.allocate(info.byteLength(), 64);
        }
        MemorySegment target = staging.asSlice(0, info.byteLength());
        return withMapping(info, mapped -> {
            MemorySegment.copy(mapped, 0, target, 0, info.byteLength());
            return target.asByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        });
    }

    @Override
    public synchronized NDArray load(String name, NDManager manager, DataType target) {
        TensorInfo info = info(name);
        return toNDArray(info, staged(info), manager, target);
    }

    @Override
    public synchronized void copyRowsInto(String name, NDArray target, long firstRow) {
        TensorInfo info = info(name);
        long rows = info.shape().length == 0 ? 1 : info.shape()[0];
        ByteBuffer region = staged(info);
        try (NDManager staging = target.getManager().newSubManager(Device.cpu())) {
            ByteBuffer source = region;
            DataType sourceType = info.dtype().djlType();
            if (info.dtype() == TensorDType.BF16) {
                source = bf16ToF32Direct(region, info.elementCount());
                sourceType = DataType.FLOAT32;
            }
            NDArray wrapped = staging.create(source, new Shape(info.shape()), sourceType);
            if (target.getDevice().isGpu()) {
                wrapped = wrapped.toDevice(target.getDevice(), true);
            }
            long[] min = new long[info.shape().length];
            long[] max = info.shape().clone();
            min[0] = firstRow;
            max[0] = firstRow + rows;
            Regions.write(target, wrapped, min, max);
        }
    }

    /**
     * Hands a staged region to DJL and copies it into a tensor that owns its memory: on the CPU the region is
     * wrapped without a copy and then converted (a copy), on a GPU it is transferred first and converted there.
     */
    static NDArray toNDArray(TensorInfo info, ByteBuffer raw, NDManager manager, DataType target) {
        Shape shape = new Shape(info.shape());
        ByteBuffer source = raw;
        DataType sourceType = info.dtype().djlType();
        if (info.dtype() == TensorDType.BF16) {
            source = bf16ToF32Direct(raw, info.elementCount());
        }
        Device device = manager.getDevice();
        try (NDManager staging = manager.newSubManager(Device.cpu())) {
            NDArray wrapped = staging.create(source, shape, sourceType);
            NDArray result;
            if (device.isGpu()) {
                NDArray onDevice = wrapped.toDevice(device, true);
                result = onDevice.toType(target, false);
            } else if (sourceType == target) {
                // DJL's toType(same type, copy = true) returns a tensor sharing the wrapped memory; that memory is the
                // staging buffer (reused for the next tensor) or a direct buffer the GC will free, so copy explicitly
                result = Regions.copyOf(wrapped);
            } else {
                result = wrapped.toType(target, false);
            }
            result.attach(manager);
            return result;
        }
    }

    /** Widens bfloat16 to float32 into a direct (off-heap) buffer, chunk by chunk. */
    private static ByteBuffer bf16ToF32Direct(ByteBuffer raw, long count) {
        if (count * 4 > Integer.MAX_VALUE) {
            throw new WeightsException("bfloat16 tensor with " + count + " elements is too large to widen");
        }
        ByteBuffer out = ByteBuffer.allocateDirect((int) (count * 4)).order(ByteOrder.nativeOrder());
        ByteBuffer in = raw.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        for (long i = 0; i < count; i++) {
            out.putInt((in.getShort() & 0xffff) << 16);
        }
        out.flip();
        return out;
    }

    @Override
    public float[] readFloats(String name) {
        TensorInfo info = info(name);
        return withMapping(info, region -> floats(info, region.asByteBuffer().order(ByteOrder.LITTLE_ENDIAN)));
    }

    private float[] floats(TensorInfo info, ByteBuffer buf) {
        String name = info.name();
        int n = Math.toIntExact(info.elementCount());
        float[] out = new float[n];
        switch (info.dtype()) {
            case F32 -> buf.asFloatBuffer().get(out);
            case F16 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = Halfs.halfToFloat(buf.getShort(i * 2));
                }
            }
            case BF16 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = Halfs.bf16ToFloat(buf.getShort(i * 2));
                }
            }
            case F64 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = (float) buf.getDouble(i * 8);
                }
            }
            default -> {
                long[] longs = longs(info, buf);
                for (int i = 0; i < n; i++) {
                    out[i] = longs[i];
                }
            }
        }
        return out;
    }

    @Override
    public long[] readLongs(String name) {
        TensorInfo info = info(name);
        return withMapping(info, region -> longs(info, region.asByteBuffer().order(ByteOrder.LITTLE_ENDIAN)));
    }

    private long[] longs(TensorInfo info, ByteBuffer buf) {
        String name = info.name();
        int n = Math.toIntExact(info.elementCount());
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = switch (info.dtype()) {
                case I64 -> buf.getLong(i * 8);
                case I32 -> buf.getInt(i * 4);
                case I8 -> buf.get(i);
                case U8, BOOL -> buf.get(i) & 0xff;
                default -> throw new WeightsException("tensor " + name + " in " + path + " is " + info.dtype()
                        + ", not an integer tensor");
            };
        }
        return out;
    }

    @Override
    public synchronized void close() {
        closeQuietly(channel);
        if (stagingArena.scope().isAlive()) {
            stagingArena.close();
        }
    }

    private static void readFully(FileChannel channel, ByteBuffer buf, long position) throws IOException {
        long pos = position;
        while (buf.hasRemaining()) {
            int n = channel.read(buf, pos);
            if (n < 0) {
                throw new IOException("unexpected end of file");
            }
            pos += n;
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing useful to do: the file was only read
        }
    }
}

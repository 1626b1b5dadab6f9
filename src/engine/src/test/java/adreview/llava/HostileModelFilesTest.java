package adreview.llava;

import adreview.llava.image.ImageMode;
import adreview.llava.weights.SafetensorsFile;
import adreview.llava.weights.SafetensorsWriter;
import adreview.llava.weights.ShardedWeights;
import adreview.llava.weights.TensorDType;
import adreview.llava.weights.TensorInfo;
import adreview.llava.weights.WeightsException;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Model folders as the network or a half-finished copy leaves them, made from a copy of the tiny fixture: truncated
 * shards, shards resized or replaced while the model loads, weights full of NaN, safetensors headers that lie.
 * Every case ends in a message naming the file and tensor, never a crashed JVM or a "done" answer of garbage.
 */
class HostileModelFilesTest {

    static final String SHARD1 = "model-00001-of-00002.safetensors";
    static final String SHARD2 = "model-00002-of-00002.safetensors";
    static final String LM_HEAD = "language_model.lm_head.weight";

    @TempDir
    Path dir;
    Path model;

    @BeforeEach
    void copyTheTinyModel() throws IOException {
        model = Files.createDirectories(dir.resolve("llava-tiny"));
        try (Stream<Path> files = Files.list(Fixtures.tinyModel())) {
            for (Path f : files.toList()) {
                Path copy = model.resolve(f.getFileName().toString());
                Files.copy(f, copy);
                copy.toFile().setWritable(true);
            }
        }
    }

    /** The shard that holds {@code tensor}. */
    private Path shardOf(String tensor) {
        try (ShardedWeights w = ShardedWeights.open(model)) {
            return w.info(tensor).file();
        }
    }

    private static void truncate(Path file, long size) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(size);
        }
    }

    @Test
    void aTruncatedShardIsNamedBeforeAnythingIsMapped() throws IOException {
        Path shard = model.resolve(SHARD1);
        truncate(shard, Files.size(shard) / 2);
        ModelFolderReport report = ModelFolder.validate(model);
        assertThat(report.ok()).isFalse();
        assertThat(report.summary()).contains(shard.toString()).contains("lies outside the file")
                .contains("the file is truncated");
        ModelLoadException e = catchThrowableOfType(ModelLoadException.class,
                () -> LlavaModel.load(model, new LoadOptions(Device.CPU, Precision.FP32), null));
        assertThat(e.getMessage()).contains(SHARD1).contains("truncated");
    }

    @Test
    void aShardTruncatedWhileTheModelLoadsStopsTheLoadWithAMessage() throws IOException {
        Path shard = shardOf(LM_HEAD);
        try (ShardedWeights weights = ShardedWeights.open(model); NDManager manager = NDManager.newBaseManager()) {
            // Headers read and checked: now another process cuts the file (a download restarting, a copy).
            truncate(shard, Files.size(shard) - 4096);
            WeightsException e = catchThrowableOfType(WeightsException.class,
                    () -> weights.load(LM_HEAD, manager, DataType.FLOAT32));
            assertThat(e.getMessage()).contains("weights file " + shard).contains("changed while tensor " + LM_HEAD)
                    .contains("it was " + (Files.size(shard) + 4096) + " bytes, now " + Files.size(shard))
                    .contains("let the download or copy finish");
        }
    }

    @Test
    void aShardGrownOrReplacedWhileTheModelLoadsStopsTheLoadToo() throws IOException {
        Path shard = shardOf(LM_HEAD);
        try (ShardedWeights weights = ShardedWeights.open(model); NDManager manager = NDManager.newBaseManager()) {
            Files.write(shard, new byte[100], StandardOpenOption.APPEND);
            assertThatThrownBy(() -> weights.load(LM_HEAD, manager, DataType.FLOAT32))
                    .isInstanceOf(WeightsException.class).hasMessageContaining("changed while tensor " + LM_HEAD);
        }
        copyTheTinyModelAgain();
        try (ShardedWeights weights = ShardedWeights.open(model); NDManager manager = NDManager.newBaseManager()) {
            // Another file moved over the name: the open channel still reads the old one, but it is not the model
            // the folder holds any more.
            Path other = dir.resolve("other.safetensors");
            Files.copy(shard, other);
            Files.move(other, shard, StandardCopyOption.REPLACE_EXISTING);
            assertThatThrownBy(() -> weights.load(LM_HEAD, manager, DataType.FLOAT32))
                    .isInstanceOf(WeightsException.class).hasMessageContaining("changed while tensor " + LM_HEAD)
                    .hasMessageContaining("replaced");
        }
    }

    private void copyTheTinyModelAgain() throws IOException {
        for (String shard : new String[] {SHARD1, SHARD2}) {
            Files.copy(Fixtures.tinyModel().resolve(shard), model.resolve(shard), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void weightsFullOfNanStopTheRunInsteadOfAnsweringGarbage() throws Exception {
        Path shard = shardOf(LM_HEAD);
        rewriteWithNan(shard, LM_HEAD);
        assertThat(ModelFolder.validate(model).problems()).isEmpty(); // NaN is a valid float: found only by running
        try (LlavaModel m = LlavaModel.load(model, new LoadOptions(Device.CPU, Precision.FP32), null)) {
            BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
            GenerationException e = catchThrowableOfType(GenerationException.class, () -> m.generate(
                    new GenerationRequest(image, "Describe the ad.", 4, ImageMode.PAD, null, null, null)));
            assertThat(e.getMessage()).startsWith("the model produced NaN/Inf reading the prompt")
                    .contains("models verify").contains("--precision fp32");
        }
    }

    /** Rewrites {@code shard} with every element of {@code tensor} NaN, the other tensors as they were. */
    private static void rewriteWithNan(Path shard, String tensor) throws IOException {
        Path rewritten = shard.resolveSibling("rewritten.safetensors");
        try (SafetensorsFile source = SafetensorsFile.open(shard)) {
            SafetensorsWriter writer = new SafetensorsWriter();
            for (Map.Entry<String, TensorInfo> e : source.tensors().entrySet()) {
                TensorInfo info = e.getValue();
                ByteBuffer bytes = rawBytes(shard, info);
                boolean nan = e.getKey().equals(tensor);
                int width = info.dtype().bytes();
                writer.add(e.getKey(), info.dtype(), info.shape(), (chunk, first, count) -> {
                    for (int i = 0; i < count; i++) {
                        if (!nan) {
                            for (int b = 0; b < width; b++) {
                                chunk.put(bytes.get((int) ((first + i) * width + b)));
                            }
                        } else if (info.dtype() == TensorDType.F32) {
                            chunk.putFloat(Float.NaN);
                        } else {
                            chunk.putShort(info.dtype() == TensorDType.F16 ? (short) 0x7E00 : (short) 0x7FC0);
                        }
                    }
                });
            }
            writer.write(rewritten);
        }
        Files.move(rewritten, shard, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The tensor's bytes as stored, read from the file (the reader hands out values, not its mappings). */
    private static ByteBuffer rawBytes(Path shard, TensorInfo info) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(Math.toIntExact(info.byteLength())).order(ByteOrder.LITTLE_ENDIAN);
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(shard)) {
            while (bytes.hasRemaining()) {
                if (ch.read(bytes, info.fileOffset() + bytes.position()) < 0) {
                    throw new IOException("short read of " + info.name());
                }
            }
        }
        return bytes.flip();
    }

    /** A safetensors file with {@code header} as its JSON header and {@code dataBytes} zero bytes of data. */
    private Path lyingFile(String header, int dataBytes) throws IOException {
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + json.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(json.length).put(json);
        return Files.write(dir.resolve("lying.safetensors"), b.array());
    }

    @Test
    void safetensorsHeadersThatLieAreRefusedWithTheTensorNamed() throws IOException {
        String[][] cases = {
                {"{\"w\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,64]}}", "lies outside the file"},
                {"{\"w\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,8]}}", "has 8 bytes but shape [4] of F32 needs 16"},
                {"{\"w\":{\"dtype\":\"F32\",\"shape\":[-4],\"data_offsets\":[0,16]}}", "has shape entry -4, not a size"},
                {"{\"w\":{\"dtype\":\"F32\",\"shape\":[4611686018427387904,4],\"data_offsets\":[0,16]}}", "too large for any file"},
                {"{\"w\":{\"dtype\":\"F32\",\"shape\":[\"4\"],\"data_offsets\":[0,16]}}", "has shape entry \"4\", not a size"},
                {"{\"w\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[\"0\",16]}}", "has no valid data_offsets"},
                {"{\"w\":{\"dtype\":\"Q4\",\"shape\":[4],\"data_offsets\":[0,16]}}", "has unsupported dtype Q4"},
                {"{\"a\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,16]},"
                        + "\"b\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[8,24]}}", "overlap"},
                {"[1,2,3]", "is not a JSON object"},
                {"{\"w\":7}", "is not an object"},
        };
        for (String[] c : cases) {
            Path file = lyingFile(c[0], 32);
            assertThatThrownBy(() -> SafetensorsFile.open(file).close()).as(c[0])
                    .isInstanceOf(WeightsException.class).hasMessageContaining(file.toString())
                    .hasMessageContaining(c[1]);
        }
        ByteBuffer hugeLength = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(1L << 40);
        Path file = Files.write(dir.resolve("huge-header.safetensors"), hugeLength.array());
        assertThatThrownBy(() -> SafetensorsFile.open(file)).hasMessageContaining("corrupt header length 1099511627776");
    }
}

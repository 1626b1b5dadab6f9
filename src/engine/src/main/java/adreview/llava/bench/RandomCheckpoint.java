package adreview.llava.bench;

import adreview.llava.config.LlavaConfig;
import adreview.llava.net.ExpectedTensors;
import adreview.llava.weights.Halfs;
import adreview.llava.weights.SafetensorsWriter;
import adreview.llava.weights.ShardedWeights;
import adreview.llava.weights.TensorDType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes a random-weight LLaVA checkpoint (float16, legacy names, one file) of a given config: weights uniform in
 * ±0.02·√3 (std 0.02), norm weights 1, biases 0; streamed, so any size is written without holding it in memory.
 */
public final class RandomCheckpoint {
    /**
     * 65,536 float16 values evenly spread over ±0.02·√3, indexed by 16 random bits: a table lookup per weight instead
     * of a float-to-half conversion, which made writing the 7B's 14 GB take minutes of a GPU visit.
     */
    private static final short[] UNIFORM = new short[1 << 16];

    static {
        for (int i = 0; i < UNIFORM.length; i++) {
            float u = (i + 0.5f) / UNIFORM.length * 2f - 1f;
            UNIFORM[i] = Halfs.floatToHalf(u * 0.0346f);
        }
    }

    private RandomCheckpoint() {
    }

    /** Writes {@code config.json} and {@code model.safetensors} into {@code dir} unless the same config is there. */
    public static Path write(LlavaConfig config, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path configFile = dir.resolve("config.json");
        Path weights = dir.resolve(ShardedWeights.SINGLE_FILE);
        String json = config.toJson().toPrettyString();
        if (Files.isRegularFile(weights) && Files.isRegularFile(configFile)
                && Files.readString(configFile).equals(json)) {
            return dir;
        }
        SafetensorsWriter writer = new SafetensorsWriter();
        long seed = 1;
        for (Map.Entry<String, long[]> e : ExpectedTensors.of(config).entrySet()) {
            String name = e.getKey();
            boolean norm = name.contains("norm") || name.contains("layrnorm");
            boolean bias = name.endsWith(".bias");
            short value = Halfs.floatToHalf(norm && !bias ? 1f : 0f);
            long s = seed++ * 0x9E3779B97F4A7C15L;
            if (norm || bias) {
                writer.add(name, TensorDType.F16, e.getValue(), (chunk, first, count) -> {
                    for (int i = 0; i < count; i++) {
                        chunk.putShort(value);
                    }
                });
            } else {
                writer.add(name, TensorDType.F16, e.getValue(), (chunk, first, count) -> {
                    long x = s ^ (first * 0xBF58476D1CE4E5B9L) | 1;
                    for (int i = 0; i < count; i++) {
                        x ^= x << 13;
                        x ^= x >>> 7;
                        x ^= x << 17;
                        chunk.putShort(UNIFORM[(int) (x >>> 48)]);
                    }
                });
            }
        }
        Path tmp = dir.resolve(ShardedWeights.SINGLE_FILE + ".part");
        writer.write(tmp);
        Files.move(tmp, weights, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(configFile, json);
        return dir;
    }
}

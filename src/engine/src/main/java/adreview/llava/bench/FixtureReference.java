package adreview.llava.bench;

import adreview.llava.weights.SafetensorsFile;
import adreview.llava.weights.ShardedWeights;
import adreview.llava.weights.WeightSource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The fixture's transformers reference tensors, in either layout: the shared one ({@code reference.safetensors},
 * one file) or the repository's ({@code reference.safetensors.index.json} and shards under 5 MB, where a case's
 * pixel values are read from {@code pixel_values/clip_slow/<the case's image>}, the same bytes).
 */
public final class FixtureReference implements AutoCloseable {

    /** Reference cases in the fixture. */
    public static final int CASES = 3;
    static final String SINGLE = "reference.safetensors";
    static final String INDEX = "reference.safetensors.index.json";

    private final WeightSource tensors;
    private final List<String> caseImages;

    private FixtureReference(WeightSource tensors, List<String> caseImages) {
        this.tensors = tensors;
        this.caseImages = caseImages;
    }

    /** Opens the references of a fixtures folder; names the file it looked for when neither layout is there. */
    public static FixtureReference open(Path fixtures) {
        Path single = fixtures.resolve(SINGLE);
        Path index = fixtures.resolve(INDEX);
        List<String> images = new ArrayList<>();
        try {
            JsonNode cases = new ObjectMapper().readTree(fixtures.resolve("reference.json").toFile()).path("cases");
            cases.forEach(c -> images.add(c.path("image").asText()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + fixtures.resolve("reference.json") + ": " + e.getMessage(), e);
        }
        if (Files.isRegularFile(single)) {
            return new FixtureReference(SafetensorsFile.open(single), images);
        }
        if (Files.isRegularFile(index)) {
            return new FixtureReference(ShardedWeights.openIndex(index), images);
        }
        throw new IllegalArgumentException("no reference tensors in " + fixtures + ": expected " + SINGLE + " or " + INDEX);
    }

    /** A case's tensor, e.g. {@code floats(0, "logits_last")}. */
    public float[] floats(int c, String name) {
        return tensors.readFloats(caseName(c, name));
    }

    public long[] longs(int c, String name) {
        return tensors.readLongs(caseName(c, name));
    }

    /** The processor's pixel values of one fixture image ({@code clip_slow} or {@code llava_pad}). */
    public float[] pixels(String processor, String image) {
        return tensors.readFloats("pixel_values/" + processor + "/" + image);
    }

    /** The image a case shows the model. */
    public String image(int c) {
        return caseImages.get(c);
    }

    /** The tensors themselves, for tests of the reader. */
    public WeightSource tensors() {
        return tensors;
    }

    private String caseName(int c, String name) {
        String full = "case" + c + "/" + name;
        if ("pixel_values".equals(name) && !tensors.contains(full)) {
            return "pixel_values/clip_slow/" + caseImages.get(c);
        }
        return full;
    }

    @Override
    public void close() {
        tensors.close();
    }
}

package adreview.models;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ModelVerifierTest {

    static final String SHARD1 = "model-00001-of-00002.safetensors";
    static final String SHARD2 = "model-00002-of-00002.safetensors";

    @TempDir
    Path tmp;

    private final ModelVerifier verifier = new ModelVerifier();

    @Test
    void theTinyFixtureIsComplete() {
        ModelFolderReport report = verifier.verify(Fixtures.tinyModel());
        assertThat(report.problems()).isEmpty();
        assertThat(report.complete()).isTrue();
        assertThat(report.dtypeSummary()).isEqualTo("F16");
    }

    @Test
    void aDeletedShardIsNamed() throws IOException {
        Path folder = Fixtures.copyOfTinyModel(tmp.resolve("m"));
        Files.delete(folder.resolve(SHARD2));
        ModelFolderReport report = verifier.verify(folder);
        assertThat(report.complete()).isFalse();
        assertThat(report.problems()).singleElement().asString()
                .contains("shard " + SHARD2).contains("missing");
    }

    @Test
    void aTruncatedShardIsCaught() throws IOException {
        Path folder = Fixtures.copyOfTinyModel(tmp.resolve("m"));
        Path shard = folder.resolve(SHARD1);
        try (RandomAccessFile f = new RandomAccessFile(shard.toFile(), "rw")) {
            f.setLength(f.length() - 1000);
        }
        ModelFolderReport report = verifier.verify(folder);
        assertThat(report.complete()).isFalse();
        assertThat(report.problems()).anySatisfy(p -> assertThat(p).contains(SHARD1).contains("truncated"));
    }

    @Test
    void aShardCutInsideItsHeaderIsCaught() throws IOException {
        Path folder = Fixtures.copyOfTinyModel(tmp.resolve("m"));
        try (RandomAccessFile f = new RandomAccessFile(folder.resolve(SHARD2).toFile(), "rw")) {
            f.setLength(100);
        }
        assertThat(verifier.verify(folder).problems()).anySatisfy(p -> assertThat(p).contains(SHARD2));
    }

    @Test
    void bytesPastTheDeclaredEndAreCaught() throws IOException {
        Path folder = Fixtures.copyOfTinyModel(tmp.resolve("m"));
        Files.write(folder.resolve(SHARD2), new byte[7], java.nio.file.StandardOpenOption.APPEND);
        assertThat(verifier.verify(folder).problems())
                .containsExactly(SHARD2 + " has 7 bytes past the end its header declares");
    }

    @Test
    void aTensorTheIndexNamesButTheShardLacksIsNamed() throws IOException {
        Path folder = Fixtures.copyOfTinyModel(tmp.resolve("m"));
        Path index = folder.resolve(ModelVerifier.INDEX);
        String json = Files.readString(index).replace("\"weight_map\": {",
                "\"weight_map\": {\n    \"language_model.extra.weight\": \"" + SHARD2 + "\",");
        Files.writeString(index, json);
        assertThat(verifier.verify(folder).problems()).singleElement().asString()
                .contains("language_model.extra.weight").contains(SHARD2);
    }

    @Test
    void aTensorTheConfigNeedsButTheWeightsLackIsNamed() throws IOException {
        // Whole, consistent files, but config.json asks for a fourth decoder layer: the engine's check catches it.
        Path folder = Fixtures.copyOfTinyModel(tmp.resolve("m"));
        Path config = folder.resolve("config.json");
        Files.writeString(config, Files.readString(config).replaceFirst("\"num_hidden_layers\": 3", "\"num_hidden_layers\": 4"));
        ModelFolderReport report = verifier.verify(folder);
        assertThat(report.complete()).isFalse();
        assertThat(report.problems()).anySatisfy(p -> assertThat(p).contains("language_model.model.layers.3.").contains("missing"));
    }

    @Test
    void missingRequiredFilesAreListed() throws IOException {
        Path folder = Fixtures.copyOfTinyModel(tmp.resolve("m"));
        Files.delete(folder.resolve("tokenizer.json"));
        Files.delete(folder.resolve("preprocessor_config.json"));
        assertThat(verifier.verify(folder).problems())
                .containsExactly("tokenizer.json is missing", "preprocessor_config.json is missing");
    }

    @Test
    void aFolderWithoutWeightsSaysSo() throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("empty"));
        assertThat(verifier.verify(folder).problems()).contains(
                "no weights: neither model.safetensors.index.json nor model.safetensors is present");
    }
}

package adreview.llava;

import adreview.llava.config.LlavaConfig;
import adreview.llava.net.LlavaNetwork;
import adreview.llava.net.Reference;
import adreview.llava.net.WeightPrecision;
import adreview.llava.weights.SafetensorsWriter;
import adreview.llava.weights.ShardedWeights;
import adreview.llava.weights.TensorDType;
import adreview.llava.weights.TensorInfo;
import adreview.llava.weights.TensorNames;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelFolderTest {

    static Path copyTiny(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(Fixtures.tinyModel())) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        return dir;
    }

    @Test
    void tinyFixtureIsValid() {
        ModelFolderReport r = ModelFolder.validate(Fixtures.tinyModel());
        assertThat(r.problems()).isEmpty();
        assertThat(r.ok()).isTrue();
        assertThat(r.weightBytes()).isEqualTo(8872960L);
    }

    @Test
    void deletedShardIsNamed(@TempDir Path dir) throws Exception {
        copyTiny(dir);
        Files.delete(dir.resolve("model-00002-of-00002.safetensors"));
        ModelFolderReport r = ModelFolder.validate(dir);
        assertThat(r.ok()).isFalse();
        assertThat(r.summary()).contains("model-00002-of-00002.safetensors").contains("missing");
        assertThatThrownBy(() -> LlavaModel.load(dir, LoadOptions.defaults(), null))
                .isInstanceOf(ModelLoadException.class).hasMessageContaining("model-00002-of-00002.safetensors");
    }

    @Test
    void renamedTensorIsNamed(@TempDir Path dir) throws Exception {
        copyTiny(dir);
        Path index = dir.resolve(ShardedWeights.INDEX_FILE);
        String json = Files.readString(index).replace("\"language_model.model.norm.weight\"",
                "\"language_model.model.final_norm.weight\"");
        Files.writeString(index, json);
        ModelFolderReport r = ModelFolder.validate(dir);
        assertThat(r.summary()).contains("language_model.model.final_norm.weight")
                .contains("model-00001-of-00002.safetensors");
    }

    @Test
    void wrongShapeAndMissingTensorAreNamed(@TempDir Path dir) throws Exception {
        copyTiny(dir);
        Path config = dir.resolve("config.json");
        Files.writeString(config, Files.readString(config).replace("\"intermediate_size\": 172", "\"intermediate_size\": 180")
                .replace("\"num_hidden_layers\": 3,\n    \"num_key_value_heads\"", "\"num_hidden_layers\": 4,\n    \"num_key_value_heads\""));
        ModelFolderReport r = ModelFolder.validate(dir);
        assertThat(r.problems()).anySatisfy(p -> assertThat(p)
                .contains("language_model.model.layers.0.mlp.gate_proj.weight").contains("[172, 64]").contains("[180, 64]"));
        assertThat(r.problems()).anySatisfy(p -> assertThat(p)
                .contains("language_model.model.layers.3.self_attn.q_proj.weight").contains("missing"));
    }

    @Test
    void missingFilesAreListed(@TempDir Path dir) {
        ModelFolderReport r = ModelFolder.validate(dir);
        assertThat(r.problems()).anySatisfy(p -> assertThat(p).contains("config.json"));
        assertThat(r.problems()).anySatisfy(p -> assertThat(p).contains("tokenizer.json"));
        assertThat(r.problems()).anySatisfy(p -> assertThat(p).contains("model.safetensors"));
        assertThat(ModelFolder.validate(dir.resolve("nope")).summary()).contains("does not exist");
    }

    /** The same weights under transformers-5 names, in one model.safetensors, give the same logits. */
    @Test
    void transformers5NamesLoadTheSameNetwork(@TempDir Path dir) throws Exception {
        copyTiny(dir);
        try (ShardedWeights legacy = ShardedWeights.open(Fixtures.tinyModel())) {
            SafetensorsWriter writer = new SafetensorsWriter();
            for (String name : legacy.names()) {
                TensorInfo info = legacy.info(name);
                writer.addFloats(TensorNames.TRANSFORMERS5.stored(name), TensorDType.F16, info.shape(),
                        legacy.readFloats(name));
            }
            for (Path shard : legacy.files().stream().map(f -> dir.resolve(f.path().getFileName())).toList()) {
                Files.delete(shard);
            }
            Files.delete(dir.resolve(ShardedWeights.INDEX_FILE));
            writer.write(dir.resolve(ShardedWeights.SINGLE_FILE));
        }
        assertThat(ModelFolder.validate(dir).problems()).isEmpty();
        try (ShardedWeights w = ShardedWeights.open(dir)) {
            assertThat(TensorNames.detect(w)).isEqualTo(TensorNames.TRANSFORMERS5);
            assertThat(w.contains("model.language_model.embed_tokens.weight")).isTrue();
            assertThat(w.contains("lm_head.weight")).isTrue();
            assertThat(w.contains("model.vision_tower.vision_model.pre_layrnorm.weight")).isTrue();
        }
        LlavaConfig config = LlavaConfig.load(dir.resolve("config.json"));
        try (LlavaNetwork a = LlavaNetwork.load(dir, config, ai.djl.Device.cpu(), WeightPrecision.FP32, false);
             LlavaNetwork b = LlavaNetwork.load(Fixtures.tinyModel(), config, ai.djl.Device.cpu(), WeightPrecision.FP32, false);
             Reference ref = new Reference();
             NDManager m = NDManager.newBaseManager()) {
            float[] la = adreview.llava.net.NetworkParityTestAccess.lastLogits(a, m, ref, 1);
            float[] lb = adreview.llava.net.NetworkParityTestAccess.lastLogits(b, m, ref, 1);
            assertThat(la).containsExactly(lb);
        }
    }
}

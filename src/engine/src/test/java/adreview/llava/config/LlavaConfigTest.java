package adreview.llava.config;

import adreview.llava.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LlavaConfigTest {

    @Test
    void sparseHubConfigTakesLlamaAndClipDefaults() throws Exception {
        LlavaConfig c = LlavaConfig.load(Fixtures.fixtures().resolve("llava-1.5-7b-hf.config.json"));
        TextConfig t = c.text();
        assertThat(t.hiddenSize()).isEqualTo(4096);
        assertThat(t.numHiddenLayers()).isEqualTo(32);
        assertThat(t.numAttentionHeads()).isEqualTo(32);
        assertThat(t.numKeyValueHeads()).isEqualTo(32);
        assertThat(t.headDim()).isEqualTo(128);
        assertThat(t.intermediateSize()).isEqualTo(11008);
        assertThat(t.vocabSize()).isEqualTo(32064);
        assertThat(t.ropeTheta()).isEqualTo(10000.0);
        assertThat(t.rmsNormEps()).isEqualTo(1e-5);
        assertThat(t.maxPositionEmbeddings()).isEqualTo(4096);
        assertThat(t.bosTokenId()).isEqualTo(1);
        assertThat(t.eosTokenId()).isEqualTo(2);
        VisionConfig v = c.vision();
        assertThat(v.hiddenSize()).isEqualTo(1024);
        assertThat(v.numHiddenLayers()).isEqualTo(24);
        assertThat(v.numAttentionHeads()).isEqualTo(16);
        assertThat(v.intermediateSize()).isEqualTo(4096);
        assertThat(v.patchSize()).isEqualTo(14);
        assertThat(v.imageSize()).isEqualTo(336);
        assertThat(v.hiddenAct()).isEqualTo("quick_gelu");
        assertThat(v.layerNormEps()).isEqualTo(1e-5);
        assertThat(v.numPatches()).isEqualTo(576);
        assertThat(c.imageTokenIndex()).isEqualTo(32000);
        assertThat(c.imageSeqLength()).isEqualTo(576);
        assertThat(c.visionFeatureLayer()).isEqualTo(-2);
        assertThat(c.featureHiddenStateIndex()).isEqualTo(23);
        assertThat(c.projectorBias()).isTrue();
        assertThat(c.tieWordEmbeddings()).isFalse();
    }

    @Test
    void fullTransformers5ConfigReadsRopeParametersAndHeadDim() throws Exception {
        LlavaConfig c = LlavaConfig.load(Fixtures.tinyModel().resolve("config.json"));
        assertThat(c.text().hiddenSize()).isEqualTo(64);
        assertThat(c.text().numHiddenLayers()).isEqualTo(3);
        assertThat(c.text().numAttentionHeads()).isEqualTo(4);
        assertThat(c.text().headDim()).isEqualTo(16);
        assertThat(c.text().intermediateSize()).isEqualTo(172);
        assertThat(c.text().ropeTheta()).isEqualTo(10000.0);
        assertThat(c.vision().hiddenSize()).isEqualTo(64);
        assertThat(c.vision().intermediateSize()).isEqualTo(128);
        assertThat(c.vision().numHiddenLayers()).isEqualTo(3);
        assertThat(c.featureHiddenStateIndex()).isEqualTo(2);
    }

    @Test
    void writtenConfigReadsBackEqual(@TempDir Path dir) throws Exception {
        LlavaConfig c = LlavaConfig.load(Fixtures.fixtures().resolve("llava-1.5-7b-hf.config.json"));
        Path out = dir.resolve("config.json");
        Files.writeString(out, c.toJson().toPrettyString());
        assertThat(LlavaConfig.load(out)).isEqualTo(c);
    }

    @Test
    void unsupportedRopeScalingAndMissingFileAreNamed(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("config.json");
        Files.writeString(out, "{\"model_type\":\"llava\",\"text_config\":{\"rope_scaling\":{\"rope_type\":\"yarn\"}}}");
        assertThatThrownBy(() -> LlavaConfig.load(out)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(out.toString()).hasMessageContaining("yarn");
        assertThatThrownBy(() -> LlavaConfig.load(dir.resolve("nope.json")))
                .hasMessageContaining("nope.json").hasMessageContaining("missing");
    }
}

package adreview.llava.image;

import adreview.llava.Fixtures;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClipPreprocessConfigTest {

    @Test
    void readsTheFixtureFolder() {
        ClipPreprocessConfig config = ClipPreprocessConfig.load(Fixtures.tinyModel());
        assertThat(config).isEqualTo(ClipPreprocessConfig.llava15());
        assertThat(config.imageMean()).containsExactly(0.48145466, 0.4578275, 0.40821073);
        assertThat(config.imageStd()).containsExactly(0.26862954, 0.26130258, 0.27577711);
        assertThat(config.rescaleFactor()).isEqualTo(0.00392156862745098);
    }

    @Test
    void acceptsTheOldNumberFormsAndFillsClipDefaults() throws IOException {
        ObjectMapper json = new ObjectMapper();
        ClipPreprocessConfig old = ClipPreprocessConfig.fromJson(json.readTree(
                "{\"size\": 336, \"crop_size\": 336, \"resample\": 2}"));
        assertThat(old.shortestEdge()).isEqualTo(336);
        assertThat(old.cropHeight()).isEqualTo(336);
        assertThat(old.cropWidth()).isEqualTo(336);
        assertThat(old.resample()).isEqualTo(ResampleFilter.BILINEAR);
        ClipPreprocessConfig empty = ClipPreprocessConfig.fromJson(json.readTree("{}"));
        assertThat(empty).isEqualTo(new ClipPreprocessConfig(224, 224, 224, ClipPreprocessConfig.OPENAI_CLIP_MEAN,
                ClipPreprocessConfig.OPENAI_CLIP_STD, 1 / 255.0, ResampleFilter.BICUBIC));
    }

    @Test
    void parsesImageModesForTheCommandLine() {
        assertThat(ImageMode.parse("pad")).isEqualTo(ImageMode.PAD);
        assertThat(ImageMode.parse(" CROP ")).isEqualTo(ImageMode.CROP);
        assertThatThrownBy(() -> ImageMode.parse("squash")).hasMessageContaining("squash")
                .hasMessageContaining("pad, crop");
    }

    @Test
    void rejectsWhatTheEngineCannotDoNamingTheFileAndField(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> ClipPreprocessConfig.load(dir))
                .hasMessageContaining(dir.resolve("preprocessor_config.json").toString())
                .hasMessageContaining("missing");
        Files.writeString(dir.resolve("preprocessor_config.json"), "{\"do_center_crop\": false}");
        assertThatThrownBy(() -> ClipPreprocessConfig.load(dir))
                .hasMessageContaining("preprocessor_config.json").hasMessageContaining("do_center_crop");
        Files.writeString(dir.resolve("preprocessor_config.json"), "{\"resample\": 1}");
        assertThatThrownBy(() -> ClipPreprocessConfig.load(dir)).hasMessageContaining("resample 1");
        Files.writeString(dir.resolve("preprocessor_config.json"), "{\"image_mean\": [0.5, 0.5]}");
        assertThatThrownBy(() -> ClipPreprocessConfig.load(dir)).hasMessageContaining("image_mean");
        Files.writeString(dir.resolve("preprocessor_config.json"), "{\"size\": {\"height\": 336");
        assertThatThrownBy(() -> ClipPreprocessConfig.load(dir)).hasMessageContaining("cannot read");
        assertThatThrownBy(() -> new ClipPreprocessConfig(336, 336, 336, List.of(0.5, 0.5, 0.5),
                List.of(0.5, 0.0, 0.5), 1 / 255.0, ResampleFilter.BICUBIC)).hasMessageContaining("image_std");
    }
}

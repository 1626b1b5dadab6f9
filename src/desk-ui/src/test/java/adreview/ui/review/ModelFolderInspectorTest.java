package adreview.ui.review;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ModelFolderInspectorTest {

    static Path fixtures() {
        return adreview.llava.Fixtures.fixtures();
    }

    @Test
    void theTinyFixtureFolderIsReady() {
        ModelReadiness r = ModelFolderInspector.inspect(fixtures().resolve("llava-tiny"));
        assertThat(r.ready()).as(r.explanation()).isTrue();
        assertThat(r.modelName()).isEqualTo("llava-tiny");
    }

    @Test
    void aFolderOfModelsPicksTheLlavaFolderInIt(@TempDir Path dir) throws Exception {
        assertThat(ModelFolderInspector.inspectConfigured(dir).problem()).isEqualTo("No model in " + dir + " yet.");
        Path fixture = fixtures().resolve("llava-tiny");
        Path llava = Files.createDirectories(dir.resolve("llava-tiny"));
        try (var files = Files.list(fixture)) {
            for (Path f : files.toList()) {
                Files.createSymbolicLink(llava.resolve(f.getFileName()), f.toAbsolutePath());
            }
        }
        Files.createDirectories(dir.resolve("other"));
        ModelReadiness r = ModelFolderInspector.inspectConfigured(dir);
        assertThat(r.ready()).as(r.explanation()).isTrue();
        assertThat(r.modelName()).isEqualTo("llava-tiny");
        assertThat(ModelFolderInspector.inspectConfigured(fixture).ready()).isTrue();
    }

    @Test
    void noFolderSaysHowToGetOne() {
        ModelReadiness r = ModelFolderInspector.inspect(null);
        assertThat(r.ready()).isFalse();
        assertThat(r.problem()).isEqualTo("No model folder is configured.");
        assertThat(r.remedy()).contains("models download llava-hf/llava-1.5-7b-hf");
    }

    @Test
    void anIncompleteFolderNamesTheMissingFiles(@TempDir Path dir) throws Exception {
        Path fixture = fixtures().resolve("llava-tiny");
        for (String f : List.of("config.json", "preprocessor_config.json", "model.safetensors.index.json",
                "model-00001-of-00002.safetensors")) {
            Files.copy(fixture.resolve(f), dir.resolve(f));
        }
        ModelReadiness r = ModelFolderInspector.inspect(dir);
        assertThat(r.ready()).isFalse();
        assertThat(r.problem()).contains("incomplete").contains("tokenizer.json").contains("model-00002-of-00002.safetensors")
                .doesNotContain("model-00001");
        assertThat(ModelFolderInspector.inspect(dir.resolve("nope")).problem()).contains("does not exist");
    }
}

package adreview.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigFileWriterTest {

    @Test
    void setsOneKeyAndKeepsTheOthers(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("ad-review-desk/desk.properties");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "db.url=jdbc:postgresql://db.internal:5432/ads\nprecision=fp16\nmodel.dir=/old\n",
                StandardCharsets.UTF_8);
        Path chosen = dir.resolve("모델/llava 1.5");
        ConfigFileWriter.set(file, DeskConfig.Key.MODEL_DIR, chosen.toString());

        DeskConfig config = DeskConfig.resolve(Map.of(), DeskConfig.readProperties(file), file, Map.of(), dir);
        assertThat(config.modelDir()).isEqualTo(chosen.toAbsolutePath().normalize());
        assertThat(config.sourceOf(DeskConfig.Key.MODEL_DIR)).isEqualTo(ConfigSource.CONFIG_FILE);
        assertThat(config.dbUrl()).isEqualTo("jdbc:postgresql://db.internal:5432/ads");
        assertThat(config.precision()).isEqualTo("fp16");
        try (var files = Files.list(file.getParent())) {
            assertThat(files).as("no temporary file left").containsExactly(file);
        }
    }

    @Test
    void createsTheFileAndItsFolderWhenMissing(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("config/desk.properties");
        ConfigFileWriter.set(file, DeskConfig.Key.MODEL_DIR, "/models/llava-1.5-7b-hf");
        assertThat(DeskConfig.readProperties(file).getProperty("model.dir")).isEqualTo("/models/llava-1.5-7b-hf");
    }
}

package adreview.llava.config;

import adreview.llava.Device;
import adreview.llava.Fixtures;
import adreview.llava.LlavaModel;
import adreview.llava.LoadOptions;
import adreview.llava.ModelLoadException;
import adreview.llava.Precision;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Broken {@code config.json} values, each refused with a message that names the field, before any arithmetic on
 * it: no "/ by zero", no silently dropped image, no million-line report.
 */
class HostileConfigTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** The tiny fixture's config with one field set to {@code json} ({@code a.b} for a nested field). */
    private Path configWith(String field, String json) throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(Fixtures.tinyModel().resolve("config.json").toFile());
        ObjectNode target = root;
        String[] path = field.split("\\.");
        for (int i = 0; i < path.length - 1; i++) {
            target = (ObjectNode) target.get(path[i]);
        }
        target.set(path[path.length - 1], JSON.readTree(json));
        Path file = dir.resolve("config.json");
        JSON.writeValue(file.toFile(), root);
        return file;
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "text_config.num_attention_heads | 0           | text_config.num_attention_heads is 0; it must be between 1 and",
            "text_config.num_attention_heads | 3           | text_config.num_attention_heads 3 is not a multiple of text_config.num_key_value_heads 4",
            "text_config.num_key_value_heads | 0           | text_config.num_key_value_heads is 0",
            "text_config.num_key_value_heads | 3           | text_config.num_attention_heads 4 is not a multiple of text_config.num_key_value_heads 3",
            "text_config.head_dim            | 15          | text_config.head_dim 15 must be even",
            "text_config.hidden_size         | -64         | text_config.hidden_size is -64",
            "text_config.hidden_size         | \"big\"     | text_config.hidden_size is \"big\"; it must be a whole number",
            "text_config.hidden_size         | 64.5        | text_config.hidden_size is 64.5; it must be a whole number",
            "text_config.vocab_size          | 0           | text_config.vocab_size is 0",
            "text_config.num_hidden_layers   | 1000000     | text_config.num_hidden_layers is 1000000; it must be between 1 and 1024",
            "text_config.intermediate_size   | 99999999999 | text_config.intermediate_size is 99999999999",
            "text_config.rms_norm_eps        | -1          | text_config.rms_norm_eps is -1; it must be a positive number",
            "text_config.max_position_embeddings | 100     | image_seq_length 576 leaves no room in text_config.max_position_embeddings 100",
            "text_config.eos_token_id        | 99999       | text_config.eos_token_id is 99999",
            "image_token_index               | 99999       | image_token_index is 99999; it must be between 0 and 32063",
            "image_token_index               | -1          | image_token_index is -1",
            "image_seq_length                | 10          | image_seq_length 10 does not match the vision tower's 576 image features",
            "vision_config.num_attention_heads | 0         | vision_config.num_attention_heads is 0",
            "vision_config.hidden_size       | 66          | vision_config.hidden_size 66 is not a multiple of vision_config.num_attention_heads 4",
            "vision_config.patch_size        | 0           | vision_config.patch_size is 0",
            "vision_config.patch_size        | 13          | vision_config.image_size 336 is not a multiple of vision_config.patch_size 13",
            "vision_config.num_channels      | 4           | vision_config.num_channels is 4; it must be between 3 and 3",
            "vision_feature_layer            | 40          | vision_feature_layer 40 is outside the 3-layer vision tower",
            "text_config                     | 5           | text_config is 5; it must be an object",
            "model_type                      | \"mistral\" | model_type is mistral, expected llava",
    })
    void aBrokenFieldIsNamed(String field, String value, String expected) throws IOException {
        Path config = configWith(field, value);
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> LlavaConfig.load(config));
        assertThat(e).as("%s = %s", field, value).isNotNull();
        assertThat(e.getMessage()).startsWith(config + ": ").contains(expected).doesNotContain("by zero")
                .doesNotContain("Exception");
    }

    @Test
    void aConfigThatIsNotAnObjectIsSaidSo() throws IOException {
        Path config = Files.writeString(dir.resolve("config.json"), "[1, 2]");
        assertThat(catchThrowableOfType(ConfigException.class, () -> LlavaConfig.load(config)))
                .hasMessage(config + ": the file is not a JSON object");
    }

    @Test
    void anImageTokenTheTokenizerDoesNotUseStopsTheLoad() throws IOException {
        Path model = Files.createDirectories(dir.resolve("llava-tiny"));
        try (Stream<Path> files = Files.list(Fixtures.tinyModel())) {
            for (Path f : files.toList()) {
                Files.copy(f, model.resolve(f.getFileName().toString()));
            }
        }
        // Inside the vocabulary, so the config is valid; but the tokenizer's <image> is 32000: the picture would be
        // silently left out of every prompt.
        ObjectNode root = (ObjectNode) JSON.readTree(model.resolve("config.json").toFile());
        root.put("image_token_index", 31999);
        Files.delete(model.resolve("config.json"));
        JSON.writeValue(model.resolve("config.json").toFile(), root);
        ModelLoadException e = catchThrowableOfType(ModelLoadException.class,
                () -> LlavaModel.load(model, new LoadOptions(Device.CPU, Precision.FP32), null));
        assertThat(e.getMessage()).contains("image_token_index 31999 is not the tokenizer's <image> id 32000");
    }
}

package adreview.llava.weights;

import adreview.llava.Fixtures;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SafetensorsFileTest {

    @Test
    void readsReferenceTensorsWithShapesAndValues() throws IOException {
        JsonNode ref = new ObjectMapper().readTree(Fixtures.referenceJson().toFile());
        String pixelName = "pixel_values/clip_slow/ad_landscape.png";
        try (SafetensorsFile file = SafetensorsFile.open(Fixtures.referenceShard("case0/generated_ids"))) {
            for (int c = 0; c < 3; c++) {
                long[] ids = file.readLongs("case" + c + "/generated_ids");
                JsonNode expected = ref.path("cases").get(c).path("generated_ids");
                assertThat(ids).hasSize(expected.size());
                for (int i = 0; i < ids.length; i++) {
                    assertThat(ids[i]).isEqualTo(expected.get(i).asLong());
                }
            }
        }
        try (SafetensorsFile file = SafetensorsFile.open(Fixtures.referenceShard(pixelName))) {
            TensorInfo pixels = file.info(pixelName);
            assertThat(pixels.dtype()).isEqualTo(TensorDType.F32);
            assertThat(pixels.shape()).containsExactly(3, 336, 336);
            float[] values = file.readFloats(pixelName);
            assertThat(values).hasSize(3 * 336 * 336);
            // normalised CLIP pixels lie within about [-1.8, 2.2]
            for (float v : values) {
                assertThat(v).isBetween(-2f, 2.2f);
            }
            try (NDManager manager = NDManager.newBaseManager()) {
                NDArray nd = file.load(pixelName, manager, DataType.FLOAT32);
                assertThat(nd.getShape().getShape()).containsExactly(3, 336, 336);
                assertThat(nd.toFloatArray()).containsExactly(values);
            }
        }
    }

    @Test
    void readsTheTinyModelShardsThroughTheIndex() throws IOException {
        JsonNode index = new ObjectMapper().readTree(
                Fixtures.tinyModel().resolve(ShardedWeights.INDEX_FILE).toFile()).path("weight_map");
        try (ShardedWeights weights = ShardedWeights.open(Fixtures.tinyModel());
             NDManager manager = NDManager.newBaseManager()) {
            assertThat(weights.files()).hasSize(2);
            assertThat(weights.names()).hasSize(index.size());
            for (Iterator<String> it = index.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                assertThat(weights.info(name).file().getFileName().toString())
                        .isEqualTo(index.get(name).asText());
            }
            String norm = "language_model.model.norm.weight";
            TensorInfo info = weights.info(norm);
            assertThat(info.dtype()).isEqualTo(TensorDType.F16);
            assertThat(info.shape()).containsExactly(64);
            float[] heap = weights.readFloats(norm);
            // the fixture perturbed every norm weight away from 1
            assertThat(heap).isNotEqualTo(new float[] {1f, 1f}).doesNotContain(1f);
            NDArray f32 = weights.load(norm, manager, DataType.FLOAT32);
            assertThat(f32.getDataType()).isEqualTo(DataType.FLOAT32);
            assertThat(f32.toFloatArray()).containsExactly(heap);
            NDArray f16 = weights.load("vision_tower.vision_model.embeddings.patch_embedding.weight", manager,
                    DataType.FLOAT16);
            assertThat(f16.getShape().getShape()).containsExactly(64, 3, 14, 14);
            assertThat(f16.toType(DataType.FLOAT32, false).toFloatArray()).containsExactly(
                    weights.readFloats("vision_tower.vision_model.embeddings.patch_embedding.weight"));
        }
    }

    @Test
    void roundTripsF16Bf16F32AndI64(@TempDir Path dir) throws IOException {
        float[] values = {0f, 1f, -2.5f, 65504f, 6.1035156e-5f, 3.1415927f};
        Path file = dir.resolve("t.safetensors");
        new SafetensorsWriter()
                .addFloats("a/f32", TensorDType.F32, new long[] {2, 3}, values)
                .addFloats("a/f16", TensorDType.F16, new long[] {6}, values)
                .addFloats("a/bf16", TensorDType.BF16, new long[] {3, 2}, values)
                .addLongs("ids", new long[] {3}, new long[] {1, 32000, -5})
                .write(file);
        try (SafetensorsFile st = SafetensorsFile.open(file); NDManager manager = NDManager.newBaseManager()) {
            assertThat(st.metadata()).containsEntry("format", "pt");
            assertThat(st.readFloats("a/f32")).containsExactly(values);
            assertThat(st.readFloats("a/f16")).containsExactly(0f, 1f, -2.5f, 65504f, 6.1035156e-5f, 3.140625f);
            float[] bf = st.readFloats("a/bf16");
            for (int i = 0; i < values.length; i++) {
                assertThat(bf[i]).isCloseTo(values[i], org.assertj.core.data.Percentage.withPercentage(0.8));
            }
            NDArray bfNd = st.load("a/bf16", manager, DataType.FLOAT32);
            assertThat(bfNd.getShape().getShape()).containsExactly(3, 2);
            assertThat(bfNd.toFloatArray()).containsExactly(bf);
            NDArray bfHalf = st.load("a/bf16", manager, DataType.FLOAT16);
            assertThat(bfHalf.getDataType()).isEqualTo(DataType.FLOAT16);
            assertThat(st.readLongs("ids")).containsExactly(1, 32000, -5);
            NDArray ids = st.load("ids", manager, DataType.INT64);
            assertThat(ids.toLongArray()).containsExactly(1, 32000, -5);
        }
    }

    @Test
    void truncatedFileNamesFileAndTensor(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("t.safetensors");
        new SafetensorsWriter().addFloats("w", TensorDType.F32, new long[] {1000}, new float[1000]).write(file);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 100));
        assertThatThrownBy(() -> SafetensorsFile.open(file))
                .isInstanceOf(WeightsException.class)
                .hasMessageContaining("tensor w").hasMessageContaining(file.toString()).hasMessageContaining("truncated");
        Files.write(file, new byte[] {1, 2, 3});
        assertThatThrownBy(() -> SafetensorsFile.open(file)).hasMessageContaining(file.toString());
    }

    @Test
    void unknownTensorIsNamed() {
        try (SafetensorsFile st = SafetensorsFile.open(Fixtures.referenceShard("case0/logits_last"))) {
            assertThatThrownBy(() -> st.readFloats("case9/logits_last"))
                    .isInstanceOf(WeightsException.class).hasMessageContaining("case9/logits_last");
        }
    }
}

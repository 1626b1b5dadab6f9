package adreview.llava;

import adreview.llava.generate.TokenConstraint;
import adreview.llava.generate.Generator;
import adreview.llava.image.ImageMode;
import adreview.llava.net.Reference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** End to end on the tiny fixture model: PNG + prompt in, tokens out, against transformers' greedy continuation. */
class LlavaModelTest {
    private static LlavaModel model;
    private static JsonNode cases;

    @BeforeAll
    static void load() throws Exception {
        List<String> phases = new ArrayList<>();
        List<Double> fractions = new ArrayList<>();
        model = LlavaModel.load(Fixtures.tinyModel(), new LoadOptions(Device.AUTO, Precision.AUTO), (f, p) -> {
            fractions.add(f);
            phases.add(p);
        });
        cases = new ObjectMapper().readTree(Fixtures.referenceJson().toFile()).path("cases");
        assertThat(fractions).isSorted();
        assertThat(fractions.get(fractions.size() - 1)).isEqualTo(1.0);
        assertThat(phases).contains("Checking model folder", "Loading vision tower", "Ready");
    }

    @AfterAll
    static void close() {
        model.close();
    }

    static BufferedImage image(String name) throws IOException {
        return ImageIO.read(Fixtures.fixtures().resolve("images").resolve(name).toFile());
    }

    @Test
    void infoReportsCpuFp32AndEngine() {
        ModelInfo info = model.info();
        assertThat(info.device()).isEqualTo("cpu");
        assertThat(info.precision()).isEqualTo(Precision.FP32);
        assertThat(info.engine()).contains("PyTorch").contains("2.7.1").contains("cpu");
        assertThat(info.folderName()).isEqualTo("llava-tiny");
        assertThat(info.residentWeightBytes()).isGreaterThan(17_000_000L);
    }

    @Test
    void promptIdsMatchTheProcessorsExpansion() throws Exception {
        Generator g = new Generator(model.network(), model.tokenizer(), model.imageProcessor());
        try (Reference ref = new Reference()) {
            for (int c = 0; c < Reference.CASES; c++) {
                assertThat(g.promptIds(cases.get(c).path("prompt").asText())).containsExactly(ref.longs(c, "input_ids"));
            }
        }
    }

    @Test
    void generatesTheReferenceContinuationFromThePngInCropMode() throws Exception {
        for (int c = 0; c < Reference.CASES; c++) {
            JsonNode k = cases.get(c);
            List<String> streamed = new ArrayList<>();
            Generation g = model.generate(new GenerationRequest(image(k.path("image").asText()), k.path("prompt").asText(),
                    32, ImageMode.CROP, null, (i, id, text) -> streamed.add(text), null));
            int[] expected = new int[32];
            for (int i = 0; i < 32; i++) {
                expected[i] = k.path("generated_ids").get(i).asInt();
            }
            assertThat(g.tokenIds()).as("case %d", c).containsExactly(expected);
            assertThat(g.text()).isEqualTo(k.path("generated_text").asText());
            assertThat(g.stopReason()).isEqualTo(StopReason.MAX_NEW_TOKENS);
            assertThat(streamed).hasSize(32);
            assertThat(g.text()).startsWith(streamed.get(streamed.size() - 1).strip());
            assertThat(g.timings().promptTokens()).isEqualTo(k.path("n_input_ids").asInt());
            assertThat(g.timings().generatedTokens()).isEqualTo(32);
            System.out.printf("case%d timings %s%n", c, g.timings());
        }
    }

    @Test
    void padModeRunsAndDiffersFromCrop() throws Exception {
        BufferedImage img = image("ad_portrait.png");
        Generation pad = model.generate(new GenerationRequest(img, "Describe.", 4, ImageMode.PAD, null, null, null));
        Generation crop = model.generate(new GenerationRequest(img, "Describe.", 4, ImageMode.CROP, null, null, null));
        assertThat(pad.tokenIds()).hasSize(4);
        assertThat(crop.tokenIds()).hasSize(4);
    }

    @Test
    void cancellationIsCheckedBeforeEveryToken() throws Exception {
        AtomicInteger seen = new AtomicInteger();
        Generation g = model.generate(new GenerationRequest(image("ad_gray.png"), "Hi", 50, ImageMode.PAD, null,
                (i, id, t) -> seen.incrementAndGet(), () -> seen.get() >= 3));
        assertThat(g.stopReason()).isEqualTo(StopReason.CANCELLED);
        assertThat(g.tokenIds()).hasSize(3);
    }

    @Test
    void constraintChoosesAmongAllowedIdsAndEndsGeneration() throws Exception {
        int[] script = {450, 1243, 338};
        TokenConstraint scripted = new TokenConstraint() {
            int pos;

            @Override
            public BitSet allowedNext() {
                BitSet b = new BitSet();
                b.set(script[pos]);
                return b;
            }

            @Override
            public void accept(int tokenId) {
                assertThat(tokenId).isEqualTo(script[pos]);
                pos++;
            }

            @Override
            public boolean isComplete() {
                return pos == script.length;
            }
        };
        Generation g = model.generate(new GenerationRequest(image("ad_gray.png"), "Hi", 20, ImageMode.PAD, scripted,
                null, null));
        assertThat(g.tokenIds()).containsExactly(script);
        assertThat(g.stopReason()).isEqualTo(StopReason.CONSTRAINT_COMPLETE);
        assertThat(g.text()).isEqualTo(model.tokenizer().decode(new long[] {450, 1243, 338}));
    }

    @Test
    void eosStopsGeneration() throws Exception {
        int eos = model.tokenizer().eosTokenId();
        TokenConstraint onlyEos = new TokenConstraint() {
            @Override
            public BitSet allowedNext() {
                BitSet b = new BitSet();
                b.set(eos);
                return b;
            }

            @Override
            public void accept(int tokenId) {
            }

            @Override
            public boolean isComplete() {
                return false;
            }
        };
        Generation g = model.generate(new GenerationRequest(image("ad_gray.png"), "Hi", 20, ImageMode.PAD, onlyEos,
                null, null));
        assertThat(g.stopReason()).isEqualTo(StopReason.EOS);
        assertThat(g.tokenIds()).containsExactly(eos);
        assertThat(g.text()).isEmpty();
    }

    @Test
    void memoryStaysFlatOver512Tokens() throws Exception {
        int eos = model.tokenizer().eosTokenId();
        TokenConstraint noEos = new TokenConstraint() {
            @Override
            public BitSet allowedNext() {
                BitSet b = new BitSet();
                b.set(0, 32064);
                b.clear(eos);
                return b;
            }

            @Override
            public void accept(int tokenId) {
            }

            @Override
            public boolean isComplete() {
                return false;
            }
        };
        long[] arrays = new long[2];
        long[] rss = new long[2];
        Generation g = model.generate(new GenerationRequest(image("ad_gray.png"), "Hi", 512, ImageMode.PAD, noEos,
                (i, id, t) -> {
                    if (i == 64 || i == 511) {
                        int slot = i == 64 ? 0 : 1;
                        arrays[slot] = model.network().manager().getManagedArrays().size();
                        rss[slot] = NativeHeap.inUseBytes();
                    }
                }, null));
        assertThat(g.tokenIds()).hasSize(512);
        System.out.printf("managed arrays at token 64: %d, at 511: %d; C heap in use %.1f -> %.1f MB%n",
                arrays[0], arrays[1], rss[0] / 1e6, rss[1] / 1e6);
        assertThat(arrays[1]).isEqualTo(arrays[0]);
        // one logits row (128 KB) kept per token would be 57 MB by token 511
        assertThat(rss[0]).as("mallinfo2 readable").isPositive();
        assertThat(rss[1] - rss[0]).isLessThan(16L << 20);
    }

    @Test
    void literalImageTokenInPromptIsRejected() {
        assertThatThrownBy(() -> model.generate(GenerationRequest.of(image("ad_gray.png"), "look <image> here", 2)))
                .isInstanceOf(GenerationException.class).hasMessageContaining("<image>");
    }

    @Test
    void gpuRequestedWithoutCudaFailsWithOneLine() {
        org.junit.jupiter.api.Assumptions.assumeTrue(EngineInfo.gpuCount() == 0);
        assertThatThrownBy(() -> LlavaModel.load(Fixtures.tinyModel(), new LoadOptions(Device.GPU, Precision.FP16), null))
                .isInstanceOf(ModelLoadException.class).hasMessageContaining("no CUDA GPU").hasMessageNotContaining("\n");
    }

}

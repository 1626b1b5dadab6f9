package adreview.app.cli;

import adreview.llava.Fixtures;
import adreview.llava.config.LlavaConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The generate and bench commands on the tiny fixture model. */
class EngineCommandsTest {

    private record Run(int code, String out, String err) {
    }

    private static Run run(Callable<Integer> command, String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            // Through the desk's real command line, so the global --device / --precision apply.
            String name = command.getClass().getAnnotation(CommandLine.Command.class).name();
            String[] full = new String[args.length + 1];
            full[0] = name;
            System.arraycopy(args, 0, full, 1, args.length);
            int code = adreview.app.Main.commandLine().execute(full);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void generatePrintsJsonWithIdsAndTimings() throws Exception {
        JsonNode ref = new ObjectMapper().readTree(Fixtures.referenceJson().toFile()).path("cases").get(1);
        Run r = run(new GenerateCommand(), "--model", Fixtures.tinyModel().toString(),
                "--image", Fixtures.fixtures().resolve("images/ad_portrait.png").toString(),
                "--prompt", ref.path("prompt").asText(), "--max-new-tokens", "8", "--image-mode", "crop",
                "--precision", "fp32", "--device", "cpu", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.path("token_ids")).hasSize(8);
        for (int i = 0; i < 8; i++) {
            assertThat(json.path("token_ids").get(i).asInt()).isEqualTo(ref.path("generated_ids").get(i).asInt());
        }
        assertThat(json.path("stop_reason").asText()).isEqualTo("MAX_NEW_TOKENS");
        assertThat(json.path("device").asText()).isEqualTo("cpu");
        assertThat(json.path("precision").asText()).isEqualTo("fp32");
        assertThat(json.path("timings_ms").path("prefill").asDouble()).isPositive();
        assertThat(json.path("prompt_tokens").asInt()).isEqualTo(ref.path("n_input_ids").asInt());
        // memory: the model's own bytes as reported by the engine, beside the process's resident set on the CPU
        JsonNode mem = json.path("memory_bytes");
        assertThat(mem.path("scope").asText()).isEqualTo("process_rss");
        assertThat(mem.path("weights").asLong()).isEqualTo(json.path("resident_weight_bytes").asLong());
        var text = LlavaConfig.load(Fixtures.tinyModel().resolve("config.json")).text();
        long capacity = json.path("prompt_tokens").asLong() + 8;
        assertThat(mem.path("kv_cache").asLong()).as("keys and values, FP32, for prompt + max new tokens")
                .isEqualTo(2L * text.numHiddenLayers() * text.numKeyValueHeads() * capacity * text.headDim() * 4);
        assertThat(mem.path("peak").asLong()).isGreaterThanOrEqualTo(mem.path("used").asLong())
                .isGreaterThan(mem.path("weights").asLong());
        assertThat(mem.path("total").asLong()).isGreaterThan(mem.path("peak").asLong());
    }

    @Test
    void generateLoadsTheModelTheGlobalModelDirNames() throws Exception {
        JsonNode ref = new ObjectMapper().readTree(Fixtures.referenceJson().toFile()).path("cases").get(1);
        String image = Fixtures.fixtures().resolve("images/ad_portrait.png").toString();
        Run r = run(new GenerateCommand(), "--model-dir", Fixtures.tinyModel().toString(), "--image", image,
                "--prompt", ref.path("prompt").asText(), "--max-new-tokens", "2", "--image-mode", "crop",
                "--precision", "fp32", "--device", "cpu", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.path("token_ids").get(0).asInt()).isEqualTo(ref.path("generated_ids").get(0).asInt());
        // Progress goes to a terminal only; under the test runner stderr is a pipe (the test's log lines go there).
        org.junit.jupiter.api.Assumptions.assumeFalse(ProgressPrinter.stderrIsTerminal());
        assertThat(r.err()).doesNotContain("\r").doesNotContain("loading the model").doesNotContain("writing the answer");
    }

    @Test
    void generateWithoutModelSaysWhichFolderTheGlobalModelDirNamed(@TempDir Path dir) {
        Path none = dir.resolve("no-such-model");
        Run r = run(new GenerateCommand(), "--image", Fixtures.fixtures().resolve("images/ad_portrait.png").toString(),
                "--prompt", "hi", "--model-dir", none.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().strip()).startsWith("generate: ").contains("no-such-model").doesNotContain("\n")
                .doesNotContain("Exception");
    }

    @Test
    void generateWithMissingImageFailsWithOneLine() {
        Run r = run(new GenerateCommand(), "--model", Fixtures.tinyModel().toString(), "--image", "/nope.png",
                "--prompt", "hi");
        assertThat(r.code()).isNotZero();
        assertThat(r.err().strip()).contains("/nope.png").doesNotContain("\n").doesNotContain("Exception");
    }

    @Test
    void benchMeasuresEachPrecisionOnARandomTinyCheckpoint(@TempDir Path dir) throws Exception {
        Run r = run(new BenchCommand(), "--shape", "tiny", "--dir", dir.toString(), "--precisions", "fp32,int8,fp16",
                "--device", "cpu", "--prompt-tokens", "600", "--decode-tokens", "16", "--bandwidth-mib", "64", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.exists(dir.resolve("model.safetensors"))).isTrue();
        JsonNode results = new ObjectMapper().readTree(r.out());
        assertThat(results).hasSize(3);
        long fp32Bytes = results.get(0).path("residentWeightBytes").asLong();
        assertThat(results.get(1).path("residentWeightBytes").asLong()).isLessThan(fp32Bytes);
        assertThat(results.get(2).path("residentWeightBytes").asLong()).isLessThan(fp32Bytes);
        for (JsonNode res : results) {
            assertThat(res.path("promptTokens").asInt()).isEqualTo(600);
            assertThat(res.path("decodeMsPerToken").asDouble()).isPositive();
            assertThat(res.path("floorMs").asDouble()).isPositive();
            assertThat(res.path("decodeMedianMs").asDouble()).isPositive();
            assertThat(res.path("floorPasses").asInt()).as("floor passes between 16 tokens").isEqualTo(2);
            assertThat(res.path("floorMedianMs").asDouble()).isPositive();
            assertThat(res.path("kvCacheBytes").asLong()).isPositive();
            assertThat(res.path("memoryPeakBytes").asLong()).isGreaterThan(res.path("residentWeightBytes").asLong());
            // the bandwidth floor: bytes a token reads (weights as stored + KV cache) over the measured bandwidth
            assertThat(res.path("bandwidthGBs").asDouble()).isPositive();
            assertThat(res.path("bandwidthMethod").asText()).contains("64 MiB");
            assertThat(res.path("bytesPerToken").asLong()).isGreaterThan(0);
            assertThat(res.path("bandwidthFloorMs").asDouble()).isCloseTo(
                    res.path("bytesPerToken").asLong() / res.path("bandwidthGBs").asDouble() / 1e6, within(1e-6));
            assertThat(res.path("xBandwidthFloor").asDouble()).isCloseTo(
                    res.path("decodeMedianMs").asDouble() / res.path("bandwidthFloorMs").asDouble(), within(1e-6));
            assertThat(res.has("callsPerToken")).isTrue();
        }
        // fp32 and int8 decode with the Vector API kernel (the tests run with the module); fp16 weights with the
        // TorchScript step (the Vector API kernel reads float32 or int8)
        assertThat(results.get(0).path("kernel").asText()).isEqualTo("vector");
        assertThat(results.get(1).path("kernel").asText()).isEqualTo("vector");
        assertThat(results.get(2).path("kernel").asText()).isEqualTo("script");
        assertThat(results.get(1).path("bytesPerToken").asLong()).as("int8 reads int8")
                .isLessThan(results.get(0).path("bytesPerToken").asLong());
    }

    @Test
    void benchRunsBothKernelsSideBySide(@TempDir Path dir) throws Exception {
        Run r = run(new BenchCommand(), "--shape", "tiny", "--dir", dir.toString(), "--precisions", "int8",
                "--kernels", "torch,script,vector", "--device", "cpu", "--prompt-tokens", "600", "--decode-tokens", "8",
                "--bandwidth-mib", "64");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("int8  torch").contains("int8  script").contains("int8  vector")
                .contains("x bw floor").contains("calls/tok").contains("decode: Java Vector API")
                .contains("decode: TorchScript");
    }

    @Test
    void parityChecksTheFixtureOnTheCpuAndSaysWhatItMeasured() throws Exception {
        Run r = run(new ParityCommand(), "--fixtures", Fixtures.fixtures().toString(), "--precisions", "fp32,int8",
                "--device", "cpu", "--json");
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        JsonNode results = new ObjectMapper().readTree(r.out());
        assertThat(results).hasSize(2);
        JsonNode fp32 = results.get(0);
        assertThat(fp32.path("precision").asText()).isEqualTo("fp32");
        assertThat(fp32.path("cases")).hasSize(3);
        for (JsonNode c : fp32.path("cases")) {
            assertThat(c.path("relativeErrors").path("image_features").asDouble()).isBetween(0.0, 1e-3);
            assertThat(c.path("relativeErrors").path("logits_last").asDouble()).isBetween(0.0, 1e-3);
            assertThat(c.path("greedyIdsMatched").asInt()).isEqualTo(32);
        }
        for (JsonNode c : results.get(1).path("cases")) {
            assertThat(c.path("logitsLastCosine").asDouble()).isBetween(0.99, 1.0 + 1e-9);
            assertThat(c.path("sameTop1").asBoolean()).isTrue();
        }
    }

    @Test
    void parityWithoutReferencesSaysWhereItLooked(@TempDir Path dir) {
        Run r = run(new ParityCommand(), "--fixtures", dir.toString(), "--device", "cpu");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).contains(dir.toString()).contains("reference.safetensors").doesNotContain("\n");
    }
}

package adreview.app.cli;

import adreview.llava.Device;
import adreview.llava.Generation;
import adreview.llava.GenerationRequest;
import adreview.llava.LlavaModel;
import adreview.llava.LoadOptions;
import adreview.llava.Precision;
import adreview.llava.image.ImageMode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code generate}: one greedy LLaVA generation for an image and a prompt, with timings. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Run LLaVA-1.5 on one image and prompt; print the text, token ids and timings.")
public final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--model", paramLabel = "DIR",
            description = "Hugging Face LLaVA-1.5 model folder (default: the global --model-dir, ADREVIEW_MODEL_DIR or"
                    + " model.dir)")
    Path model;

    @Option(names = "--image", required = true, description = "image file (PNG, JPEG)")
    Path image;

    @Option(names = "--prompt", required = true, description = "the user prompt (wrapped as USER: <image>\\n...\\nASSISTANT:)")
    String prompt;

    @Option(names = "--max-new-tokens", defaultValue = "256", description = "limit of generated tokens (default ${DEFAULT-VALUE})")
    int maxNewTokens;

    /** The desk's global options: {@code --model-dir}, {@code --device}, {@code --precision}, image limits. */
    @picocli.CommandLine.ParentCommand
    adreview.app.Main main;

    @Option(names = "--image-mode", defaultValue = "pad", description = "pad (square with the mean colour, default) or crop")
    String imageMode;

    @Option(names = "--json", description = "print one JSON object instead of text")
    boolean json;

    @Override
    public Integer call() {
        try {
            adreview.app.DeskConfig config = main.config();
            LoadOptions options = new LoadOptions(Device.parse(config.device()), Precision.parse(config.precision()));
            ImageMode mode = ImageMode.parse(imageMode);
            BufferedImage img = readImage(image, config.imageLimits());
            Path folder = model != null ? model : config.modelDir();
            try (ProgressPrinter progress = ProgressPrinter.onStderr();
                 LlavaModel m = LlavaModel.load(folder, options, progress.loading())) {
                Generation g = m.generate(new GenerationRequest(img, prompt, maxNewTokens, mode, null,
                        progress.tokens(maxNewTokens), null));
                progress.close();
                print(m, g);
            }
            return 0;
        } catch (Exception e) {
            System.err.println("generate: " + CliErrors.oneLine(e));
            return 1;
        }
    }

    /** The desk's one defensive decoder: header limits first, truncation and damage as one sentence. */
    static BufferedImage readImage(Path file, adreview.llava.image.ImageLimits limits) {
        return adreview.llava.image.ImageFiles.read(file, limits);
    }

    private void print(LlavaModel m, Generation g) throws IOException {
        var info = m.info();
        var t = g.timings();
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode root = mapper.createObjectNode();
            root.put("text", g.text());
            var ids = root.putArray("token_ids");
            Arrays.stream(g.tokenIds()).forEach(ids::add);
            root.put("stop_reason", g.stopReason().name());
            root.put("device", info.device());
            root.put("precision", info.precision().label());
            root.put("precision_detail", info.precisionDetail());
            root.put("engine", info.engine());
            root.put("resident_weight_bytes", info.residentWeightBytes());
            ObjectNode tm = root.putObject("timings_ms");
            tm.put("load", info.loadMs());
            tm.put("preprocess", t.preprocessMs());
            tm.put("vision", t.visionMs());
            tm.put("prefill", t.prefillMs());
            tm.put("decode", t.decodeMs());
            tm.put("decode_per_token", t.decodeMsPerToken());
            root.put("prompt_tokens", t.promptTokens());
            root.put("generated_tokens", t.generatedTokens());
            var mem = g.memory();
            ObjectNode mm = root.putObject("memory_bytes");
            mm.put("scope", mem.scope().name().toLowerCase(Locale.ROOT));
            mm.put("weights", mem.weightBytes());
            mm.put("kv_cache", mem.kvCacheBytes());
            mm.put("used", mem.usedBytes());
            mm.put("peak", mem.peakBytes());
            mm.put("total", mem.totalBytes());
            System.out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root));
            return;
        }
        System.out.println(g.text());
        System.out.println();
        System.out.println("token ids: " + Arrays.toString(g.tokenIds()));
        System.out.println("stop: " + g.stopReason() + ", " + t.generatedTokens() + " tokens after a "
                + t.promptTokens() + "-token prompt");
        System.out.println("model: " + info.summary());
        System.out.printf(Locale.ROOT, "timings: load %.0f ms, preprocess %.1f ms, vision %.1f ms, prefill %.1f ms,"
                        + " decode %.1f ms/token%n", info.loadMs(), t.preprocessMs(), t.visionMs(), t.prefillMs(),
                t.decodeMsPerToken());
        System.out.println("memory: " + g.memory().describe());
    }
}

package adreview.llava;

import adreview.llava.config.LlavaConfig;
import adreview.llava.generate.Generator;
import adreview.llava.image.ClipImageProcessor;
import adreview.llava.net.LlavaNetwork;
import adreview.llava.net.WeightPrecision;
import adreview.llava.text.LlavaTokenizer;
import adreview.llava.weights.ShardedWeights;
import adreview.llava.weights.WeightsException;
import ai.djl.engine.EngineException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A loaded LLaVA-1.5 model: network, tokenizer and image processor from one Hugging Face folder. Generations run one
 * at a time (callers on other threads wait). Close it to free the weights.
 */
public final class LlavaModel implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LlavaModel.class);

    private final LlavaNetwork network;
    private final LlavaTokenizer tokenizer;
    private final ClipImageProcessor imageProcessor;
    private final ModelInfo info;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile boolean closed;

    private LlavaModel(LlavaNetwork network, LlavaTokenizer tokenizer, ClipImageProcessor imageProcessor,
                       ModelInfo info) {
        this.network = network;
        this.tokenizer = tokenizer;
        this.imageProcessor = imageProcessor;
        this.info = info;
    }

    /**
     * Validates the folder, then loads tokenizer, image processor and weights on the chosen device and precision
     * (auto: fp16 on a GPU where it fits the free memory, else int8; fp32 on the CPU), falling back to the next in
     * {@link #precisionChain} when a precision fails (each fallback logged with its reason).
     */
    public static LlavaModel load(Path modelDir, LoadOptions options, LoadProgress progress) throws ModelLoadException {
        LoadProgress p = progress == null ? LoadProgress.NONE : progress;
        LoadOptions o = options == null ? LoadOptions.defaults() : options;
        long start = System.nanoTime();
        p.update(0, "Checking model folder");
        ModelFolderReport report = ModelFolder.validate(modelDir);
        if (!report.ok()) {
            throw new ModelLoadException(report.summary());
        }
        LlavaConfig config = report.config();
        EngineInfo.requireEngine();
        ai.djl.Device device = resolveDevice(o.device());
        LlavaTokenizer tokenizer;
        ClipImageProcessor imageProcessor;
        try {
            tokenizer = LlavaTokenizer.load(modelDir);
            imageProcessor = ClipImageProcessor.load(modelDir);
        } catch (RuntimeException e) {
            throw new ModelLoadException(oneLine(e));
        }
        if (tokenizer.imageTokenId() != config.imageTokenIndex()) {
            // The prompt's <image> would never be found among the ids the network looks for: the picture dropped.
            tokenizer.close();
            throw new ModelLoadException("config.json's image_token_index " + config.imageTokenIndex() + " is not the"
                    + " tokenizer's <image> id " + tokenizer.imageTokenId() + " in " + modelDir
                    + "; the config and tokenizer.json come from different models");
        }
        GpuFit fit = device.isGpu() ? GpuFit.of(config, device) : null;
        List<WeightPrecision> chain = precisionChain(o.precision(), device, fit);
        List<String> fallbacks = new ArrayList<>();
        LlavaNetwork network = null;
        WeightPrecision used = null;
        try (ShardedWeights weights = ShardedWeights.open(modelDir)) {
            for (WeightPrecision candidate : chain) {
                try {
                    network = LlavaNetwork.load(weights, config, device, candidate,
                            (f, phase) -> p.update(0.02 + 0.97 * f, phase));
                    used = candidate;
                    break;
                } catch (EngineException | IllegalStateException | OutOfMemoryError e) {
                    String reason = candidate.label() + " loading failed on " + deviceName(device) + ": " + oneLine(e);
                    fallbacks.add(reason);
                    LOG.warn("{}; falling back", reason);
                }
            }
        } catch (WeightsException e) {
            tokenizer.close();
            throw new ModelLoadException(oneLine(e), e);
        } catch (RuntimeException e) {
            tokenizer.close();
            throw new ModelLoadException("loading " + modelDir.getFileName() + " failed: " + oneLine(e), e);
        }
        if (network == null) {
            tokenizer.close();
            throw new ModelLoadException("no precision could be loaded: " + String.join("; ", fallbacks));
        }
        double loadMs = (System.nanoTime() - start) / 1e6;
        String detail = precisionDetail(used, device, o.precision(), fit)
                + (fallbacks.isEmpty() ? "" : " (fallback: " + fallbacks.get(fallbacks.size() - 1) + ")");
        ModelInfo info = new ModelInfo(modelDir.getFileName().toString(), deviceName(device), toPrecision(used), detail,
                EngineInfo.describe(device) + "; " + network.language().kernelNote(), network.residentWeightBytes(),
                loadMs, config);
        LOG.info("Loaded {} in {} ms: {}", modelDir, String.format(Locale.ROOT, "%.0f", loadMs), info.summary());
        p.update(1.0, "Ready");
        return new LlavaModel(network, tokenizer, imageProcessor, info);
    }

    static ai.djl.Device resolveDevice(Device requested) throws ModelLoadException {
        int gpus = EngineInfo.gpuCount();
        return switch (requested) {
            case CPU -> ai.djl.Device.cpu();
            case GPU -> {
                if (gpus == 0) {
                    throw new ModelLoadException("device gpu was requested but DJL's PyTorch engine sees no CUDA GPU;"
                            + " use --device cpu or a CUDA libtorch");
                }
                yield ai.djl.Device.gpu(0);
            }
            case AUTO -> gpus > 0 ? ai.djl.Device.gpu(0) : ai.djl.Device.cpu();
        };
    }

    /**
     * The requested precision and what to fall back to. Auto is fp16 on a GPU (its fastest: int8 weights are widened
     * per layer there) unless fp16 does not fit the GPU's free memory, then int8; fp32 on the CPU. On a GPU a failed
     * fp16 falls back to int8 (the usual failure is memory), then fp32; on the CPU int8 → fp16 → fp32.
     */
    static List<WeightPrecision> precisionChain(Precision requested, ai.djl.Device device, GpuFit fit) {
        Precision first = requested;
        if (requested == Precision.AUTO) {
            first = !device.isGpu() ? Precision.FP32 : fit == null || fit.fp16Fits() ? Precision.FP16 : Precision.INT8;
        }
        if (device.isGpu()) {
            return switch (first) {
                case INT8 -> List.of(WeightPrecision.INT8, WeightPrecision.FP16, WeightPrecision.FP32);
                case FP16 -> List.of(WeightPrecision.FP16, WeightPrecision.INT8, WeightPrecision.FP32);
                default -> List.of(WeightPrecision.FP32);
            };
        }
        return switch (first) {
            case INT8 -> List.of(WeightPrecision.INT8, WeightPrecision.FP16, WeightPrecision.FP32);
            case FP16 -> List.of(WeightPrecision.FP16, WeightPrecision.FP32);
            default -> List.of(WeightPrecision.FP32);
        };
    }

    /**
     * What the status line says about the precision in use: the storage, the arithmetic where they differ, and on a
     * GPU why int8 was chosen and what it costs (it saves memory; it is slower than fp16 there).
     */
    static String precisionDetail(WeightPrecision used, ai.djl.Device device, Precision requested, GpuFit fit) {
        if (!device.isGpu()) {
            return used.label() + (used == WeightPrecision.FP32 ? "" : " weights, fp32 compute");
        }
        if (used != WeightPrecision.INT8) {
            return used.label();
        }
        String why = requested == Precision.INT8 ? "asked for" : fit != null && !fit.fp16Fits()
                ? "fp16 needs " + fit.describeNeed() : "fp16 failed to load";
        return "int8 weights, fp16 compute (" + why + "; " + INT8_ON_GPU + ")";
    }

    /** Said wherever int8 on a GPU is chosen or offered. */
    public static final String INT8_ON_GPU = "int8 saves GPU memory but decodes slower than fp16: each layer's"
            + " weights are widened to fp16 per token";

    private static Precision toPrecision(WeightPrecision p) {
        return Precision.valueOf(p.name());
    }

    static String deviceName(ai.djl.Device device) {
        return device.isGpu() ? "gpu:" + device.getDeviceId() : "cpu";
    }

    static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    public ModelInfo info() {
        return info;
    }

    public LlavaTokenizer tokenizer() {
        return tokenizer;
    }

    public ClipImageProcessor imageProcessor() {
        return imageProcessor;
    }

    /** The network, for tools and benchmarks that drive it directly. */
    public LlavaNetwork network() {
        return network;
    }

    /** The full prompt text for a user prompt: {@code USER: <image>\n{prompt}\nASSISTANT:}. */
    public static String promptText(String prompt) {
        return "USER: " + LlavaTokenizer.IMAGE_TOKEN + "\n" + prompt + "\nASSISTANT:";
    }

    /** Greedy generation; one at a time per model. */
    public Generation generate(GenerationRequest request) throws GenerationException {
        lock.lock();
        try {
            if (closed) {
                throw new GenerationException("the model " + info.folderName() + " was closed; load it again");
            }
            return new Generator(network, tokenizer, imageProcessor).generate(request);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (!closed) {
                closed = true;
                network.close();
                tokenizer.close();
            }
        } finally {
            lock.unlock();
        }
    }
}

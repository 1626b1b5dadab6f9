package adreview.llava.net;

import adreview.llava.config.LlavaConfig;
import adreview.llava.weights.ShardedWeights;
import adreview.llava.weights.TensorNames;
import adreview.llava.weights.WeightSource;
import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;

import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The whole LLaVA-1.5 network on one device and precision: vision tower → projector → decoder. Owns its weights
 * (one NDManager); every forward method leaves its temporaries to the caller's NDScope.
 */
public final class LlavaNetwork implements AutoCloseable {
    private final LlavaConfig config;
    private final Device device;
    private final WeightPrecision precision;
    private final NDManager manager;
    private final VisionTower vision;
    private final Projector projector;
    private final LanguageModel language;

    private LlavaNetwork(LlavaConfig config, Device device, WeightPrecision precision, NDManager manager,
                         VisionTower vision, Projector projector, LanguageModel language) {
        this.config = config;
        this.device = device;
        this.precision = precision;
        this.manager = manager;
        this.vision = vision;
        this.projector = projector;
        this.language = language;
    }

    /**
     * Loads the network from a folder's weights. {@code progress} receives (fraction of checkpoint bytes read,
     * phase). On failure everything allocated so far is freed.
     */
    public static LlavaNetwork load(WeightSource weights, LlavaConfig config, Device device, WeightPrecision precision,
                                    BiConsumer<Double, String> progress) {
        return load(weights, config, device, precision, progress, halfRoundedRopeDefault());
    }

    /**
     * Whether rotary inverse frequencies are rounded to float16 (see {@link LanguageModel}); system property
     * {@code adreview.llava.rope} = {@code fp16} turns it on, default off (exact float32).
     */
    public static boolean halfRoundedRopeDefault() {
        return "fp16".equalsIgnoreCase(System.getProperty("adreview.llava.rope", "fp32"));
    }

    public static LlavaNetwork load(WeightSource weights, LlavaConfig config, Device device, WeightPrecision precision,
                                    BiConsumer<Double, String> progress, boolean halfRoundedRope) {
        return load(weights, config, device, precision, progress, halfRoundedRope, false);
    }

    /**
     * As above; {@code halfArithmetic} makes fp16 on the CPU compute in FP16 too (libtorch's CPU half kernels, far
     * slower than FP32 on a CPU without FP16 units, so only for checking fp16 as a GPU runs it). It changes nothing
     * for other precisions or on a GPU, where fp16 always computes in FP16.
     */
    public static LlavaNetwork load(WeightSource weights, LlavaConfig config, Device device, WeightPrecision precision,
                                    BiConsumer<Double, String> progress, boolean halfRoundedRope,
                                    boolean halfArithmetic) {
        NDManager manager = NDManager.newBaseManager(device, "PyTorch");
        try {
            TensorNames names = TensorNames.detect(weights);
            long total = 0;
            for (Map.Entry<String, long[]> e : ExpectedTensors.of(config).entrySet()) {
                String stored = names.stored(e.getKey());
                if (weights.contains(stored)) {
                    total += weights.info(stored).byteLength();
                }
            }
            WeightLoader loader = new WeightLoader(weights, names, manager, total, progress);
            DataType compute = halfArithmetic && precision == WeightPrecision.FP16 ? DataType.FLOAT16
                    : precision.computeType(device);
            DataType linearStorage = precision.linearStorageType(device);
            VisionTower vision = new VisionTower(config, loader, compute);
            Projector projector = new Projector(config, loader, compute, linearStorage);
            LanguageModel language = new LanguageModel(config, loader, compute, linearStorage, halfRoundedRope);
            progress.accept(1.0, "Loaded");
            return new LlavaNetwork(config, device, precision, manager, vision, projector, language);
        } catch (RuntimeException | Error e) {
            manager.close();
            throw e;
        }
    }

    /** Convenience for tests and tools: opens the folder's weights, loads, and closes the mapped files. */
    public static LlavaNetwork load(java.nio.file.Path folder, LlavaConfig config, Device device,
                                    WeightPrecision precision, boolean halfRoundedRope) {
        return load(folder, config, device, precision, halfRoundedRope, false);
    }

    /** As above, with fp16 computing in FP16 on the CPU too when {@code halfArithmetic}. */
    public static LlavaNetwork load(java.nio.file.Path folder, LlavaConfig config, Device device,
                                    WeightPrecision precision, boolean halfRoundedRope, boolean halfArithmetic) {
        try (ShardedWeights weights = ShardedWeights.open(folder)) {
            return load(weights, config, device, precision, (f, p) -> { }, halfRoundedRope, halfArithmetic);
        }
    }

    public LlavaConfig config() {
        return config;
    }

    public Device device() {
        return device;
    }

    public WeightPrecision precision() {
        return precision;
    }

    public NDManager manager() {
        return manager;
    }

    public VisionTower vision() {
        return vision;
    }

    public LanguageModel language() {
        return language;
    }

    public Projector projector() {
        return projector;
    }

    public long residentWeightBytes() {
        return vision.residentBytes() + projector.residentBytes() + language.residentBytes();
    }

    /** Image features [patches, H] for one normalised image [C, S, S] (float32 on the host is fine). */
    public NDArray imageFeatures(NDArray pixels) {
        NDArray selected = vision.forward(pixels.toDevice(device, false)).selected();
        NDArray patches = config.visionFeatureSelectStrategy().equals("default")
                ? selected.get(new NDIndex("1:")) : selected;
        return projector.forward(patches);
    }

    /**
     * Input embeddings [T, H] for prompt ids where the image's {@code features.rows} ids equal to the image token
     * sit as one contiguous run starting at {@code imageStart}.
     */
    public NDArray promptEmbeddings(NDArray ids, NDArray features, int imageStart) {
        NDArray embeds = language.embed(ids.toDevice(device, false));
        if (features != null) {
            long n = features.getShape().get(0);
            embeds.set(new NDIndex("{}:{}", imageStart, imageStart + n), features);
        }
        return embeds;
    }

    public KvCache newCache(int capacity) {
        return new KvCache(manager, config.text().numHiddenLayers(), config.text().numKeyValueHeads(),
                config.text().headDim(), capacity, language.computeType());
    }

    @Override
    public void close() {
        vision.close();
        projector.close();
        language.close();
        manager.close();
    }
}

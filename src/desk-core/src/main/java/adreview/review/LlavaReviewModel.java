package adreview.review;

import adreview.llava.Device;
import adreview.llava.GenerationException;
import adreview.llava.GenerationRequest;
import adreview.llava.LlavaModel;
import adreview.llava.LoadOptions;
import adreview.llava.ModelFolder;
import adreview.llava.ModelFolderReport;
import adreview.llava.ModelLoadException;
import adreview.llava.ModelService;
import adreview.llava.Precision;
import adreview.llava.StopReason;
import adreview.llava.generate.TokenConstraint;
import adreview.llava.image.ImageException;
import adreview.llava.image.ImageFiles;
import adreview.llava.image.ImageLimits;
import adreview.llava.image.ImageMode;
import adreview.review.structured.TokenVocabulary;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * {@link ReviewModel} over the engine's one shared model ({@link ModelService#shared()}): loaded on
 * the first run (exactly once, however many runs ask at the same moment), generations one at a
 * time. Construction is cheap and touches no weights.
 */
public final class LlavaReviewModel implements ReviewModel {

    private final ModelService service;
    private final Path folder;
    private final LoadOptions options;
    private final ImageMode imageMode;
    private final ImageLimits imageLimits;
    private volatile TokenVocabulary vocabulary;

    public LlavaReviewModel(ModelService service, Path folder, LoadOptions options, ImageMode imageMode) {
        this(service, folder, options, imageMode, ImageLimits.DEFAULT);
    }

    /** @param imageLimits images above these are refused before decoding, as a failed run with one sentence */
    public LlavaReviewModel(ModelService service, Path folder, LoadOptions options, ImageMode imageMode,
                            ImageLimits imageLimits) {
        this.imageLimits = imageLimits == null ? ImageLimits.DEFAULT : imageLimits;
        this.service = service;
        this.folder = folder == null ? null : folder.toAbsolutePath().normalize();
        this.options = options == null ? LoadOptions.defaults() : options;
        this.imageMode = imageMode == null ? ImageMode.PAD : imageMode;
    }

    /** The process-wide model for a folder, with device and precision as configured ("auto", "cpu", "int8", …). */
    public static LlavaReviewModel shared(Path folder, String device, String precision) {
        return shared(folder, device, precision, ImageLimits.DEFAULT);
    }

    /** As {@link #shared(Path, String, String)}, reading images with {@code imageLimits}. */
    public static LlavaReviewModel shared(Path folder, String device, String precision, ImageLimits imageLimits) {
        return new LlavaReviewModel(ModelService.shared(), folder,
                new LoadOptions(device == null ? Device.AUTO : Device.parse(device),
                        precision == null ? Precision.AUTO : Precision.parse(precision)), ImageMode.PAD, imageLimits);
    }

    @Override
    public Optional<String> unavailableReason() {
        if (folder == null) {
            return Optional.of("No model folder is configured: set ADREVIEW_MODEL_DIR or --model-dir, "
                    + "or get llava-hf/llava-1.5-7b-hf with `models download`");
        }
        if (!Files.isDirectory(folder)) {
            return Optional.of("Model folder " + folder + " does not exist: get llava-hf/llava-1.5-7b-hf with "
                    + "`models download` or point ADREVIEW_MODEL_DIR / --model-dir at a model folder");
        }
        if (service.current().map(m -> m.info().folderName().equals(folder.getFileName().toString())).orElse(false)) {
            return Optional.empty();
        }
        ModelFolderReport report = ModelFolder.validate(folder);
        return report.ok() ? Optional.empty() : Optional.of(report.summary());
    }

    /**
     * The run panel's "answered by": once loaded, the folder, device, precision in use, and the engine with its
     * libtorch version and flavour and decode kernel (e.g. "llava-1.5-7b-hf on gpu:0, fp16, 14.11 GB weights, PyTorch
     * 2.11.0 (cu130); decode: TorchScript"); before, what the first run will load with.
     */
    @Override
    public String describe() {
        Optional<LlavaModel> loaded = service.current();
        if (loaded.isPresent()) {
            return loaded.get().info().summary();
        }
        return (folder == null ? "no model folder" : folder.getFileName().toString()) + " (loads on the first run: device "
                + options.device().name().toLowerCase(Locale.ROOT) + ", precision " + options.precision().label() + ")";
    }

    @Override
    public ModelInfo info() {
        Optional<LlavaModel> loaded = service.current();
        String mode = imageMode.name().toLowerCase(Locale.ROOT);
        if (loaded.isPresent()) {
            adreview.llava.ModelInfo i = loaded.get().info();
            return new ModelInfo(i.folderName(), i.precision().label(), i.device(), mode);
        }
        return new ModelInfo(folder == null ? "none" : folder.getFileName().toString(),
                options.precision().label() + " (not loaded)", options.device().name().toLowerCase(Locale.ROOT), mode);
    }

    @Override
    public TokenVocabulary vocabulary() {
        TokenVocabulary v = vocabulary;
        if (v == null) {
            v = TokenVocabulary.load(folder);
            vocabulary = v;
        }
        return v;
    }

    @Override
    public void prepare(RunListener listener) {
        try {
            load(listener == null ? RunListener.NONE : listener);
        } catch (ModelLoadException e) {
            throw new ModelUnavailableException("The model could not be loaded: " + e.getMessage());
        }
    }

    private LlavaModel load(RunListener l) throws ModelLoadException {
        l.phase(RunPhase.LOADING_MODEL, 0, null);
        return service.get(folder, options, (fraction, step) -> l.phase(RunPhase.LOADING_MODEL, fraction, step));
    }

    @Override
    public Generation generate(Path image, String prompt, TokenConstraint constraint, int maxNewTokens,
                               RunListener listener, BooleanSupplier cancelled) {
        RunListener l = listener == null ? RunListener.NONE : listener;
        LlavaModel model;
        try {
            model = load(l);
        } catch (ModelLoadException e) {
            throw new ModelException("The model could not be loaded: " + e.getMessage(), "", e);
        }
        l.phase(RunPhase.PREPARING_IMAGE, -1, null);
        BufferedImage img;
        try {
            img = ImageFiles.read(image, imageLimits);
        } catch (ImageException e) {
            throw new ModelException(e.getMessage(), "", e);
        }
        if (cancelled != null && cancelled.getAsBoolean()) {
            throw new CancellationException("cancelled before the model started");
        }
        l.phase(RunPhase.READING_PROMPT, -1, null);
        // The answer so far, so that a failing engine does not take the text it already wrote with it.
        StringBuilder soFar = new StringBuilder();
        try {
            adreview.llava.Generation g = model.generate(new GenerationRequest(img, prompt, maxNewTokens, imageMode,
                    constraint, (index, id, text) -> {
                        soFar.setLength(0);
                        soFar.append(text);
                        l.token(index + 1, maxNewTokens, text);
                    }, cancelled));
            if (g.stopReason() == StopReason.CANCELLED) {
                throw new CancellationException("cancelled after " + g.tokenIds().length + " tokens");
            }
            return new Generation(g.text(), g.tokenIds().length, g.stopReason().name().toLowerCase(Locale.ROOT));
        } catch (GenerationException e) {
            throw new ModelException("The model failed: " + e.getMessage(), soFar.toString(), e);
        }
    }
}

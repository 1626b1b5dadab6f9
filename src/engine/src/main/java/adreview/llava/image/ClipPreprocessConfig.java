package adreview.llava.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * The CLIP preprocessing settings of a model folder's {@code preprocessor_config.json}. Fields missing from the
 * file take {@code CLIPImageProcessor}'s defaults (shortest edge and crop 224, OpenAI CLIP mean/std, 1/255,
 * bicubic), exactly as transformers fills them; llava-hf's files state all of them (336).
 *
 * @param shortestEdge the short side is resized to this many pixels ({@code size.shortest_edge})
 * @param cropHeight   height of the centre crop ({@code crop_size.height})
 * @param cropWidth    width of the centre crop ({@code crop_size.width})
 * @param imageMean    per-channel mean, RGB, in 0..1 units ({@code image_mean}); also the pad colour
 * @param imageStd     per-channel standard deviation, RGB ({@code image_std})
 * @param rescaleFactor factor from 8-bit values to 0..1 ({@code rescale_factor}, 1/255)
 * @param resample     the resampling filter ({@code resample}, Pillow code)
 */
public record ClipPreprocessConfig(int shortestEdge, int cropHeight, int cropWidth, List<Double> imageMean,
                                   List<Double> imageStd, double rescaleFactor, ResampleFilter resample) {

    /** The file inside a model folder. */
    public static final String FILE_NAME = "preprocessor_config.json";

    static final List<Double> OPENAI_CLIP_MEAN = List.of(0.48145466, 0.4578275, 0.40821073);
    static final List<Double> OPENAI_CLIP_STD = List.of(0.26862954, 0.26130258, 0.27577711);

    public ClipPreprocessConfig {
        imageMean = List.copyOf(imageMean);
        imageStd = List.copyOf(imageStd);
        if (shortestEdge <= 0 || cropHeight <= 0 || cropWidth <= 0) {
            throw new IllegalArgumentException("sizes must be positive: shortest edge " + shortestEdge
                    + ", crop " + cropHeight + "x" + cropWidth);
        }
        if (imageMean.size() != 3 || imageStd.size() != 3) {
            throw new IllegalArgumentException("image_mean and image_std need 3 values (RGB), got "
                    + imageMean + " and " + imageStd);
        }
        for (double s : imageStd) {
            if (!(s > 0)) {
                throw new IllegalArgumentException("image_std values must be positive, got " + imageStd);
            }
        }
        if (!(rescaleFactor > 0)) {
            throw new IllegalArgumentException("rescale_factor must be positive, got " + rescaleFactor);
        }
        if (resample == null) {
            throw new IllegalArgumentException("resample is required");
        }
    }

    /** LLaVA-1.5's settings (llava-hf/llava-1.5-7b-hf): 336, OpenAI CLIP mean/std, bicubic. */
    public static ClipPreprocessConfig llava15() {
        return new ClipPreprocessConfig(336, 336, 336, OPENAI_CLIP_MEAN, OPENAI_CLIP_STD, 1 / 255.0,
                ResampleFilter.BICUBIC);
    }

    /** Reads {@value #FILE_NAME} from a model folder. */
    public static ClipPreprocessConfig load(Path modelDir) {
        Path file = modelDir.resolve(FILE_NAME);
        JsonNode json;
        try {
            json = new ObjectMapper().readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException(file + " is missing: the model folder is incomplete;"
                    + " copy preprocessor_config.json from the model's repository", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        try {
            return fromJson(json);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /** Parses the JSON of a {@code preprocessor_config.json}. */
    public static ClipPreprocessConfig fromJson(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        // The engine implements exactly resize -> crop -> rescale -> normalise; a folder that switches a step off
        // was made for another model and would silently get wrong pixels.
        for (String step : List.of("do_resize", "do_center_crop", "do_rescale", "do_normalize")) {
            if (json.has(step) && !json.get(step).asBoolean(true)) {
                throw new IllegalArgumentException(step + " is false; only the full CLIP preprocessing"
                        + " (resize, centre crop, rescale, normalise) is supported");
            }
        }
        JsonNode size = json.path("size");
        int shortest;
        if (size.isInt()) {
            shortest = size.asInt();
        } else if (size.isObject() && size.has("shortest_edge")) {
            shortest = size.get("shortest_edge").asInt();
        } else if (size.isMissingNode() || size.isNull()) {
            shortest = 224;
        } else {
            throw new IllegalArgumentException("size must be a number or {\"shortest_edge\": n}, got " + size);
        }
        JsonNode crop = json.path("crop_size");
        int cropHeight;
        int cropWidth;
        if (crop.isInt()) {
            cropHeight = crop.asInt();
            cropWidth = crop.asInt();
        } else if (crop.isObject() && crop.has("height") && crop.has("width")) {
            cropHeight = crop.get("height").asInt();
            cropWidth = crop.get("width").asInt();
        } else if (crop.isMissingNode() || crop.isNull()) {
            cropHeight = 224;
            cropWidth = 224;
        } else {
            throw new IllegalArgumentException("crop_size must be a number or {\"height\", \"width\"}, got " + crop);
        }
        List<Double> mean = triple(json, "image_mean", OPENAI_CLIP_MEAN);
        List<Double> std = triple(json, "image_std", OPENAI_CLIP_STD);
        double rescale = json.path("rescale_factor").asDouble(1 / 255.0);
        ResampleFilter resample = ResampleFilter.ofPillowCode(json.path("resample").asInt(3));
        return new ClipPreprocessConfig(shortest, cropHeight, cropWidth, mean, std, rescale, resample);
    }

    private static List<Double> triple(JsonNode json, String field, List<Double> fallback) {
        JsonNode node = json.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return fallback;
        }
        if (node.isNumber()) {
            double v = node.asDouble();
            return List.of(v, v, v);
        }
        if (!node.isArray() || node.size() != 3) {
            throw new IllegalArgumentException(field + " must hold 3 numbers (RGB), got " + node);
        }
        return List.of(node.get(0).asDouble(), node.get(1).asDouble(), node.get(2).asDouble());
    }
}

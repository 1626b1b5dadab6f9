package adreview.llava.image;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Turns an image into the vision tower's input: a CHW {@code float[3 * cropHeight * cropWidth]} of normalised
 * pixels, as transformers' {@code CLIPImageProcessor} (CROP) and {@code LlavaImageProcessor} with {@code do_pad}
 * (PAD) compute it.
 *
 * <p>Steps: raw RGB pixels (alpha dropped, gray replicated); for PAD, a square canvas of the mean colour
 * ({@code int(mean * 255)} per channel) with the image centred on it; resize so the short side is
 * {@code shortestEdge} (long side {@code int(shortestEdge * long / short)}), antialiased, 8-bit; centre crop (offset
 * {@code (size - crop) / 2} rounded down); then {@code (v - mean / rescale) / (std / rescale)} in float32, the fused
 * rescale-and-normalise of transformers. Thread-safe and cheap: no state beyond the configuration.
 */
public final class ClipImageProcessor {

    /** Largest RGB buffer a Java array holds (3 bytes a pixel). */
    private static final long MAX_BUFFER = Integer.MAX_VALUE - 8;

    private final ClipPreprocessConfig config;
    private final ResizeArithmetic arithmetic;
    private final float[] mean = new float[3];
    private final float[] std = new float[3];
    private final byte[] padColour = new byte[3];

    /** A processor with the arithmetic of the transformers 5 reference ({@link ResizeArithmetic#TORCHVISION}). */
    public ClipImageProcessor(ClipPreprocessConfig config) {
        this(config, ResizeArithmetic.TORCHVISION);
    }

    public ClipImageProcessor(ClipPreprocessConfig config, ResizeArithmetic arithmetic) {
        this.config = Objects.requireNonNull(config, "config");
        this.arithmetic = Objects.requireNonNull(arithmetic, "arithmetic");
        float toUnit = (float) (1.0 / config.rescaleFactor());
        for (int c = 0; c < 3; c++) {
            // transformers fuses rescale into normalise with float32 tensors: mean/rescale and std/rescale.
            mean[c] = (float) config.imageMean().get(c).doubleValue() * toUnit;
            std[c] = (float) config.imageStd().get(c).doubleValue() * toUnit;
            // LLaVA's expand2square and transformers' do_pad: tuple(int(x * 255) for x in image_mean).
            padColour[c] = (byte) Math.max(0, Math.min(255, (int) (config.imageMean().get(c) * 255)));
        }
    }

    /** Reads {@code preprocessor_config.json} from a model folder. */
    public static ClipImageProcessor load(Path modelDir) {
        return new ClipImageProcessor(ClipPreprocessConfig.load(modelDir));
    }

    public ClipPreprocessConfig config() {
        return config;
    }

    public ResizeArithmetic arithmetic() {
        return arithmetic;
    }

    /** Height of the output (the crop). */
    public int outputHeight() {
        return config.cropHeight();
    }

    /** Width of the output (the crop). */
    public int outputWidth() {
        return config.cropWidth();
    }

    /** The normalised pixels, CHW (all of R, then G, then B), {@code 3 * outputHeight() * outputWidth()} floats. */
    public float[] process(BufferedImage image, ImageMode mode) {
        byte[] rgb = modelPixels(image, mode);
        int plane = config.cropHeight() * config.cropWidth();
        float[] out = new float[3 * plane];
        for (int i = 0, p = 0; i < plane; i++) {
            for (int c = 0; c < 3; c++, p++) {
                out[c * plane + i] = ((rgb[p] & 0xFF) - mean[c]) / std[c];
            }
        }
        return out;
    }

    /** What the model sees, as an 8-bit image of the output size (for showing the reviewer the framing). */
    public BufferedImage modelView(BufferedImage image, ImageMode mode) {
        byte[] rgb = modelPixels(image, mode);
        int w = config.cropWidth();
        int h = config.cropHeight();
        BufferedImage view = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[w];
        for (int y = 0, p = 0; y < h; y++) {
            for (int x = 0; x < w; x++, p += 3) {
                row[x] = (rgb[p] & 0xFF) << 16 | (rgb[p + 1] & 0xFF) << 8 | (rgb[p + 2] & 0xFF);
            }
            view.setRGB(0, y, w, 1, row, 0, w);
        }
        return view;
    }

    /** Pad (PAD only), resize and crop: interleaved 8-bit RGB of the output size. */
    private byte[] modelPixels(BufferedImage image, ImageMode mode) {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(mode, "mode");
        int w = image.getWidth();
        int h = image.getHeight();
        // A picture that did not come through ImageFiles (a tool, a test) gets the same side check: the resize below
        // walks the long side, and padding makes a square of it.
        String refusal = new ImageLimits(MAX_BUFFER / 3, ImageLimits.DEFAULT_MAX_SIDE).refusal(w, h);
        if (refusal != null) {
            throw new ImageException("given to the model", refusal);
        }
        boolean pad = mode == ImageMode.PAD && w != h;
        byte[] src = new byte[3 * w * h];
        RawRgb.copyInto(image, src, w, 0, 0);
        // PAD centres the image on a square of the mean colour; the square is virtual (never allocated), so a
        // 4 × 12000 strip costs its own pixels, not 12000 × 12000 of them.
        AntialiasResize.Canvas canvas = pad ? AntialiasResize.Canvas.square(src, w, h, padColour)
                : AntialiasResize.Canvas.of(src, w, h);
        w = canvas.width();
        h = canvas.height();

        // transformers' get_resize_output_image_size(default_to_square=False): long side int(edge * long / short).
        int edge = config.shortestEdge();
        int longSide = (int) ((double) edge * Math.max(w, h) / Math.min(w, h));
        int outW = w <= h ? edge : longSide;
        int outH = w <= h ? longSide : edge;
        CropSpan xs = CropSpan.of(outW, config.cropWidth());
        CropSpan ys = CropSpan.of(outH, config.cropHeight());
        byte[] window = AntialiasResize.resizeWindow(canvas,
                AntialiasResize.axis(w, outW, xs.from(), xs.count(), config.resample(), arithmetic),
                AntialiasResize.axis(h, outH, ys.from(), ys.count(), config.resample(), arithmetic));
        if (xs.count() == config.cropWidth() && ys.count() == config.cropHeight()) {
            return window;
        }
        // Crop larger than the resized image: torchvision pads with zeros around it first.
        byte[] out = new byte[config.cropWidth() * config.cropHeight() * 3];
        for (int y = 0; y < ys.count(); y++) {
            System.arraycopy(window, y * xs.count() * 3, out,
                    ((ys.at() + y) * config.cropWidth() + xs.at()) * 3, xs.count() * 3);
        }
        return out;
    }

    /**
     * One axis of the centre crop: {@code count} resized pixels from {@code from} land at {@code at} in the output.
     * transformers: offset {@code int((size - crop) / 2.0)}; a crop wider than the image pads {@code (crop - size) // 2}
     * before.
     */
    private record CropSpan(int from, int count, int at) {
        static CropSpan of(int size, int crop) {
            return crop <= size ? new CropSpan((size - crop) / 2, crop, 0) : new CropSpan(0, size, (crop - size) / 2);
        }
    }
}

package adreview.llava.image;

import java.util.Locale;

/**
 * How large an image the desk agrees to decode. Checked against the file's header before any pixel buffer exists,
 * so a file that claims 30000 × 30000 costs a few bytes of reading, not gigabytes of heap.
 *
 * @param maxPixels width × height above which an image is refused (the configuration's {@code image.max.pixels})
 * @param maxSide   the longest side accepted, whatever the pixel count: a 1 × 60000000 strip is under any sensible
 *                  pixel limit but would make the model's resize walk a 60-million-pixel axis
 */
public record ImageLimits(long maxPixels, int maxSide) {

    /** 64 megapixels: an 8000 × 8000 photo passes; a decoded buffer stays under 256 MB even at 4 bytes a pixel. */
    public static final long DEFAULT_MAX_PIXELS = 64_000_000L;
    /** JPEG's own ceiling; far beyond any ad creative. */
    public static final int DEFAULT_MAX_SIDE = 65_535;
    public static final ImageLimits DEFAULT = new ImageLimits(DEFAULT_MAX_PIXELS, DEFAULT_MAX_SIDE);

    public ImageLimits {
        if (maxPixels < 1) {
            throw new IllegalArgumentException("the image pixel limit must be positive, not " + maxPixels);
        }
        if (maxSide < 1) {
            throw new IllegalArgumentException("the image side limit must be positive, not " + maxSide);
        }
    }

    /** The default side limit with another pixel limit. */
    public static ImageLimits ofMaxPixels(long maxPixels) {
        return new ImageLimits(maxPixels, DEFAULT_MAX_SIDE);
    }

    /**
     * Null when an image of {@code width × height} may be decoded, else the reason as the end of a sentence that
     * starts with "image": "is 30000 × 30000, above the 64-megapixel limit".
     */
    public String refusal(long width, long height) {
        if (width < 1 || height < 1) {
            return "claims a size of " + width + " × " + height + " pixels, which is not a picture";
        }
        if (width * height > maxPixels) {
            return "is " + width + " × " + height + ", above the " + megapixels() + "-megapixel limit";
        }
        if (Math.max(width, height) > maxSide) {
            return "is " + width + " × " + height + ", longer than " + String.format(Locale.ROOT, "%,d", maxSide)
                    + " pixels on one side";
        }
        return null;
    }

    /** "64", or "2.5", "0.001" for a limit that is not a whole number of megapixels. */
    public String megapixels() {
        return java.math.BigDecimal.valueOf(maxPixels, 6).stripTrailingZeros().toPlainString();
    }
}

package adreview.desk;

import adreview.llava.image.ImageException;
import adreview.llava.image.ImageFiles;
import adreview.llava.image.ImageLimits;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

/**
 * How the window reads image files: through the engine's one defensive decoder, with the configured limits (the
 * header's size is checked before any pixel buffer exists; a truncated or damaged file is refused). Failures are
 * {@link UnreadableImage}s whose message is one sentence.
 */
public final class ImageReader {

    /** An image the desk will not or cannot decode; the message says which and why. */
    public static final class UnreadableImage extends RuntimeException {
        private final String problem;

        UnreadableImage(ImageException cause) {
            super(cause.getMessage(), cause);
            this.problem = cause.problem();
        }

        /** What is wrong, without the file's name ("image is truncated"). */
        public String problem() {
            return problem;
        }
    }

    private final ImageLimits limits;

    /** @param maxPixels the configured {@code image.max.pixels} */
    public ImageReader(long maxPixels) {
        this.limits = ImageLimits.ofMaxPixels(maxPixels);
    }

    /** The default limits (64 megapixels). */
    public static ImageReader withDefaultLimits() {
        return new ImageReader(ImageLimits.DEFAULT_MAX_PIXELS);
    }

    /**
     * @param thumbnailSide longest side wanted (the decoder subsamples while reading); 0 for full size
     */
    public BufferedImage read(Path file, int thumbnailSide) {
        try {
            return ImageFiles.read(file, limits, thumbnailSide);
        } catch (ImageException e) {
            throw new UnreadableImage(e);
        }
    }

    /** Checks only the header (size against the limits, a known format), before another decoder reads the file. */
    public void checkHeader(Path file) {
        try {
            ImageFiles.checkHeader(file, limits);
        } catch (ImageException e) {
            throw new UnreadableImage(e);
        }
    }
}

package adreview.ui.image;

import adreview.desk.Problems;
import adreview.store.AssetLocation;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javafx.embed.swing.SwingFXUtils;

/**
 * Decodes image files for the desk (blocking: call from the background executor). A missing file,
 * an unreadable one or one that is not an image becomes an {@link ImageState.Problem} naming the
 * file, never an exception.
 */
public final class ImageDecoder {

    /** Full-size image for the detail view. */
    public ImageState decode(AssetLocation location) {
        return decode(location, 0);
    }

    /**
     * @param maxSize longest side of the result in pixels (subsampled while reading); 0 for full size
     */
    public ImageState decode(AssetLocation location, int maxSize) {
        if (location == null || location.url() == null || location.url().isBlank()) {
            return new ImageState.Problem("No image", "This variant has no image asset.");
        }
        if (!(location instanceof AssetLocation.LocalFile local)) {
            return new ImageState.Problem("Image not available", location.problem());
        }
        Path file = local.path();
        if (!Files.exists(file)) {
            return new ImageState.Problem("Image file missing", file + "\n(from " + location.url() + ")");
        }
        if (!Files.isReadable(file) || Files.isDirectory(file)) {
            return new ImageState.Problem("Image file not readable", file.toString());
        }
        BufferedImage image;
        try {
            image = read(file, maxSize);
        } catch (IOException | RuntimeException e) {
            return new ImageState.Problem("Image cannot be decoded", file + "\n" + Problems.describe(e));
        }
        if (image == null) {
            return new ImageState.Problem("Image cannot be decoded",
                    file + "\nNot a PNG, JPEG, GIF or BMP image (the file may be corrupt).");
        }
        if (maxSize > 0) {
            image = scaleDown(image, maxSize);
        }
        return new ImageState.Shown(SwingFXUtils.toFXImage(image, null), caption(file));
    }

    private static String caption(Path file) {
        try {
            return file.getFileName() + " · " + (Files.size(file) / 1024) + " KB";
        } catch (IOException e) {
            return file.getFileName().toString();
        }
    }

    /** Reads with subsampling so that thumbnails of large images cost little memory. */
    private static BufferedImage read(Path file, int maxSize) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                return null;
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                ImageReadParam param = reader.getDefaultReadParam();
                if (maxSize > 0) {
                    int longest = Math.max(reader.getWidth(0), reader.getHeight(0));
                    int step = Math.max(1, longest / (maxSize * 2));
                    param.setSourceSubsampling(step, step, 0, 0);
                }
                return reader.read(0, param);
            } finally {
                reader.dispose();
            }
        }
    }

    private static BufferedImage scaleDown(BufferedImage source, int maxSize) {
        int longest = Math.max(source.getWidth(), source.getHeight());
        if (longest <= maxSize) {
            return source;
        }
        double f = (double) maxSize / longest;
        int w = Math.max(1, (int) Math.round(source.getWidth() * f));
        int h = Math.max(1, (int) Math.round(source.getHeight() * f));
        BufferedImage scaled = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = scaled.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(source, 0, 0, w, h, null);
        g.dispose();
        return scaled;
    }
}

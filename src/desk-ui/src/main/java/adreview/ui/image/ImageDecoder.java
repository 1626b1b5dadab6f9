package adreview.ui.image;

import adreview.desk.ImageReader;
import adreview.store.AssetLocation;
import adreview.ui.i18n.Messages;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;

/**
 * Decodes image files for the desk (blocking: call from the background executor). A missing file,
 * an unreadable one or one that is not an image becomes an {@link ImageState.Problem} naming the
 * file, never an exception.
 */
public final class ImageDecoder {

    private final ImageReader reader;

    /** A decoder with the default limits (64 megapixels). */
    public ImageDecoder() {
        this(ImageReader.withDefaultLimits());
    }

    public ImageDecoder(ImageReader reader) {
        this.reader = reader;
    }

    /** Full-size image for the detail view. */
    public ImageState decode(AssetLocation location) {
        return decode(location, 0);
    }

    /**
     * @param maxSize longest side of the result in pixels (subsampled while reading); 0 for full size
     */
    public ImageState decode(AssetLocation location, int maxSize) {
        if (location == null || location.url() == null || location.url().isBlank()) {
            return new ImageState.Problem(Messages.get("image.problem.none"), Messages.get("image.problem.none.detail"));
        }
        if (!(location instanceof AssetLocation.LocalFile local)) {
            return new ImageState.Problem(Messages.get("image.problem.unavailable"), location.problem());
        }
        Path file = local.path();
        if (!Files.exists(file)) {
            return new ImageState.Problem(Messages.get("image.problem.missing"),
                    Messages.get("image.problem.missing.detail", file.toString(), location.url()));
        }
        if (!Files.isReadable(file) || Files.isDirectory(file)) {
            return new ImageState.Problem(Messages.get("image.problem.unreadable"), file.toString());
        }
        BufferedImage image;
        try {
            image = reader.read(file, maxSize);
        } catch (ImageReader.UnreadableImage e) {
            return new ImageState.Problem(Messages.get("image.problem.corrupt"),
                    Messages.get("image.problem.corrupt.detail", file.toString(), capitalised(e.problem())));
        }
        if (maxSize > 0) {
            image = scaleDown(image, maxSize);
        }
        return new ImageState.Shown(SwingFXUtils.toFXImage(image, null), caption(file));
    }

    private static String caption(Path file) {
        try {
            return Messages.get("image.caption", file.getFileName().toString(), String.valueOf(Files.size(file) / 1024));
        } catch (IOException e) {
            return file.getFileName().toString();
        }
    }

    private static String capitalised(String sentence) {
        return sentence.isEmpty() ? sentence : Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
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

    /**
     * True when {@code uri} names a local image whose header is within the default limits (see ImageReader), or a
     * URI that is not a local file: for the small previews that JavaFX loads by URI itself.
     */
    public static boolean withinDefaultLimits(String uri) {
        try {
            java.net.URI u = java.net.URI.create(uri);
            if ("file".equalsIgnoreCase(u.getScheme())) {
                ImageReader.withDefaultLimits().checkHeader(Path.of(u));
            }
            return true;
        } catch (IllegalArgumentException | ImageReader.UnreadableImage e) {
            return false; // refused (too large, damaged header) or not a usable URI: the placeholder shows
        }
    }
}

package adreview.llava.image;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.TreeSet;

/** Reads an image file for the model, with messages that name the file and say what is wrong. */
public final class ImageFiles {

    private ImageFiles() {
    }

    /**
     * Decodes {@code file} with ImageIO (PNG, JPEG, GIF, BMP, and whatever plug-ins are installed).
     *
     * @throws UncheckedIOException     the file is missing or cannot be read
     * @throws IllegalArgumentException the file is not an image ImageIO can decode (WebP, for example), or is corrupt
     */
    public static BufferedImage read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UncheckedIOException(new NoSuchFileException(file + ": no such image file"));
        }
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(file + " is not a readable image (corrupt or truncated?): "
                    + e.getMessage(), e);
        }
        if (image == null) {
            TreeSet<String> formats = new TreeSet<>();
            Arrays.stream(ImageIO.getReaderFormatNames()).forEach(f -> formats.add(f.toLowerCase(Locale.ROOT)));
            throw new IllegalArgumentException(file + " is not in a format this installation can decode (readable: "
                    + String.join(", ", formats) + "); convert it to PNG or JPEG");
        }
        if (image.getWidth() <= 0 || image.getHeight() <= 0) {
            throw new IllegalArgumentException(file + " has no pixels");
        }
        return image;
    }
}

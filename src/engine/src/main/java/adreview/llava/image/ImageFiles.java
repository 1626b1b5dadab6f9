package adreview.llava.image;

import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * The one place where the desk decodes an image file: the model's input, the measured checks, the window's
 * thumbnails and viewer all read through here. Defensive, because reviewers open whatever the pipeline produced:
 * <ul>
 * <li>the size is read from the header first and checked against {@link ImageLimits} before any pixel buffer
 *     exists (a PNG whose header claims 25000 × 25000 costs 33 bytes of reading, not 2.5 GB of heap);</li>
 * <li>any decoder warning or short read is an error: a truncated JPEG is not judged as if it were whole;</li>
 * <li>every failure is an {@link ImageException}, one sentence naming the file, never a decoder's class name.</li>
 * </ul>
 */
public final class ImageFiles {

    /** What the desk can always read, for the messages. */
    private static final String READABLE = "PNG, JPEG, GIF or BMP";

    private ImageFiles() {
    }

    /** {@link #read(Path, ImageLimits)} with the default limits. */
    public static BufferedImage read(Path file) {
        return read(file, ImageLimits.DEFAULT);
    }

    /**
     * Decodes {@code file} (PNG, JPEG, GIF, BMP, and whatever ImageIO plug-ins are installed).
     *
     * @throws ImageException the file is missing, empty, not an image, too large, truncated or damaged
     */
    public static BufferedImage read(Path file, ImageLimits limits) {
        return read(file, limits, 0);
    }

    /**
     * As {@link #read(Path, ImageLimits)}, subsampling while reading so that the result's longest side is about
     * {@code 2 × thumbnailSide} (thumbnails of large images cost little memory); 0 reads every pixel. The limits
     * apply to the file's own size either way: a file refused for the model is refused for the thumbnail too.
     */
    public static BufferedImage read(Path file, ImageLimits limits, int thumbnailSide) {
        String name = file.toString();
        if (!Files.exists(file)) {
            throw new ImageException(name, "does not exist (no such image file)");
        }
        if (!Files.isRegularFile(file)) {
            throw new ImageException(name, "is not a file");
        }
        long length;
        try {
            length = Files.size(file);
        } catch (IOException e) {
            throw new ImageException(name, "cannot be read (" + reason(e) + ")", e);
        }
        if (length == 0) {
            throw new ImageException(name, "is empty (0 bytes)");
        }
        byte[] head = head(file, name);
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                throw new ImageException(name, "cannot be read");
            }
            return decode(in, name, head, limits, thumbnailSide);
        } catch (IOException e) {
            throw new ImageException(name, "cannot be read (" + reason(e) + ")", e);
        }
    }

    /**
     * Reads only the header of {@code file} and checks its size against {@code limits}: for a caller that decodes
     * with another library (JavaFX's {@code Image}) and must not be handed a header bomb.
     *
     * @throws ImageException as {@link #read(Path, ImageLimits)} would for the header
     */
    public static void checkHeader(Path file, ImageLimits limits) {
        String name = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new ImageException(name, "does not exist (no such image file)");
        }
        byte[] head = head(file, name);
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new ImageException(name, head.length == 0 ? "is empty (0 bytes)" : unsupported(head));
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                String refusal = limits.refusal(reader.getWidth(0), reader.getHeight(0));
                if (refusal != null) {
                    throw new ImageException(name, refusal);
                }
            } catch (IOException | RuntimeException e) {
                throw failure(name, e);
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new ImageException(name, "cannot be read (" + reason(e) + ")", e);
        }
    }

    /** Decodes an image held in memory ({@code name} is how messages call it); the same rules as for a file. */
    public static BufferedImage decode(byte[] bytes, String name, ImageLimits limits) {
        if (bytes.length == 0) {
            throw new ImageException(name, "is empty (0 bytes)");
        }
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            return decode(in, name, Arrays.copyOf(bytes, Math.min(bytes.length, 16)), limits, 0);
        } catch (IOException e) {
            throw new ImageException(name, "cannot be read (" + reason(e) + ")", e);
        }
    }

    private static BufferedImage decode(ImageInputStream in, String name, byte[] head, ImageLimits limits,
                                        int thumbnailSide) {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
        if (!readers.hasNext()) {
            throw new ImageException(name, unsupported(head));
        }
        ImageReader reader = readers.next();
        List<String> warnings = new ArrayList<>();
        try {
            // As ImageIO.read does: forward only, metadata ignored (the pixels are all the desk needs).
            reader.setInput(in, true, true);
            reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
            int width;
            int height;
            try {
                width = reader.getWidth(0);
                height = reader.getHeight(0);
            } catch (IOException | RuntimeException e) {
                throw failure(name, e);
            }
            String refusal = limits.refusal(width, height);
            if (refusal != null) {
                throw new ImageException(name, refusal);
            }
            ImageReadParam param = reader.getDefaultReadParam();
            if (thumbnailSide > 0) {
                int step = Math.max(1, Math.max(width, height) / (thumbnailSide * 2));
                param.setSourceSubsampling(step, step, 0, 0);
            }
            BufferedImage image;
            try {
                image = reader.read(0, param);
            } catch (IOException | RuntimeException e) {
                throw failure(name, e);
            }
            if (!warnings.isEmpty()) {
                // The decoder went on with gray or black where data was missing: not the picture the pipeline made.
                throw new ImageException(name, truncation(warnings.get(0)) ? "is truncated"
                        : "is damaged (" + clean(warnings.get(0)) + "); re-export it");
            }
            if (image == null || image.getWidth() <= 0 || image.getHeight() <= 0) {
                throw new ImageException(name, "has no pixels");
            }
            return image;
        } finally {
            reader.dispose();
        }
    }

    /** A decoder's exception as a sentence: truncated when the data ran out, damaged otherwise. */
    private static ImageException failure(String name, Throwable e) {
        if (e instanceof ImageException image) {
            return image;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EOFException || (t.getMessage() != null && truncation(t.getMessage()))) {
                return new ImageException(name, "is truncated", e);
            }
        }
        return new ImageException(name, "is damaged and cannot be decoded; re-export it as PNG or JPEG", e);
    }

    private static boolean truncation(String message) {
        String m = message.toLowerCase(Locale.ROOT);
        return m.contains("premature end") || m.contains("unexpected end") || m.contains("end of file")
                || m.contains("end of stream") || m.contains("truncated") || m.contains("eof");
    }

    /** The first 16 bytes, to name a format ImageIO has no reader for. */
    private static byte[] head(Path file, String name) {
        byte[] head = new byte[16];
        try (var in = Files.newInputStream(file)) {
            int n = in.readNBytes(head, 0, head.length);
            return Arrays.copyOf(head, n);
        } catch (IOException e) {
            throw new ImageException(name, "cannot be read (" + reason(e) + ")", e);
        }
    }

    /** Why no reader took the file, by its magic bytes. */
    static String unsupported(byte[] head) {
        String ascii = new String(head, StandardCharsets.ISO_8859_1);
        String format = null;
        if (ascii.startsWith("RIFF") && ascii.length() >= 12 && ascii.startsWith("WEBP", 8)) {
            format = "WebP";
        } else if (ascii.length() >= 12 && ascii.startsWith("ftyp", 4)) {
            String brand = ascii.substring(8, 12);
            format = brand.startsWith("avi") ? "AVIF" : brand.startsWith("hei") || brand.startsWith("mif") ? "HEIC"
                    : null;
        } else if (ascii.startsWith("GIF8") || ascii.startsWith("\u0089PNG") || ascii.startsWith("\u00FF\u00D8")) {
            return "is damaged: its header cannot be read; re-export it as PNG or JPEG";
        }
        if (format != null) {
            return "is in " + format + " format, which the desk cannot decode (unsupported format); convert it to"
                    + " PNG or JPEG";
        }
        return "is not an image the desk can read (unsupported format; " + READABLE + " are); the file may be"
                + " corrupt, or convert it to PNG or JPEG";
    }

    /** A decoder's warning as plain words: no trailing period, no line breaks. */
    private static String clean(String warning) {
        String w = warning.replaceAll("\\s+", " ").strip();
        return w.endsWith(".") ? w.substring(0, w.length() - 1) : w;
    }

    private static String reason(IOException e) {
        if (e instanceof IIOException && e.getCause() instanceof IOException cause) {
            return reason(cause);
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? "read error" : clean(m);
    }
}

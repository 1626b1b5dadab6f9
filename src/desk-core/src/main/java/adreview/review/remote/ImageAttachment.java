package adreview.review.remote;

import adreview.llava.image.ImageFiles;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * The image of a run as a {@code data:} URL, the only form every server reads (llama.cpp fetches no URLs). A PNG
 * or JPEG that already fits {@code maxSide} goes as it is, byte for byte; anything larger is scaled down so that
 * its longer side is {@code maxSide} (LLaVA-1.5 sees 336 px, so nothing the model uses is lost) and re-encoded:
 * JPEG stays JPEG, everything else becomes PNG, so a render's text keeps sharp edges.
 *
 * @param dataUrl the {@code data:image/...;base64,...} URL
 * @param format  {@code png} or {@code jpeg}
 * @param width   pixels sent
 * @param height  pixels sent
 * @param originalWidth  pixels of the file
 * @param originalHeight pixels of the file
 * @param bytes   size of the encoded image sent (before base64)
 */
public record ImageAttachment(String dataUrl, String format, int width, int height, int originalWidth,
                              int originalHeight, int bytes) {

    /**
     * @throws IllegalArgumentException the file is not an image the desk can decode
     * @throws UncheckedIOException     it cannot be read
     */
    public static ImageAttachment of(Path file, int maxSide) {
        byte[] original;
        try {
            original = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read image " + file + ": " + e.getMessage(), e);
        }
        // Decoding also rejects a corrupt file that only looks like a PNG, before the server is asked.
        BufferedImage image = ImageFiles.read(file);
        String format = isJpeg(original) ? "jpeg" : "png";
        int w = image.getWidth();
        int h = image.getHeight();
        if (Math.max(w, h) <= maxSide && (isJpeg(original) || isPng(original))) {
            return new ImageAttachment(dataUrl(format, original), format, w, h, w, h, original.length);
        }
        double scale = Math.min(1.0, maxSide / (double) Math.max(w, h));
        int tw = Math.max(1, (int) Math.round(w * scale));
        int th = Math.max(1, (int) Math.round(h * scale));
        BufferedImage scaled = scale(image, tw, th, format.equals("png") && image.getColorModel().hasAlpha());
        byte[] encoded = encode(scaled, format);
        return new ImageAttachment(dataUrl(format, encoded), format, tw, th, w, h, encoded.length);
    }

    private static String dataUrl(String format, byte[] bytes) {
        return "data:image/" + format + ";base64," + Base64.getEncoder().encodeToString(bytes);
    }

    static boolean isPng(byte[] b) {
        return b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
    }

    static boolean isJpeg(byte[] b) {
        return b.length > 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff;
    }

    /** Halves with bilinear filtering while more than twice too big, then one last step: a cheap area average. */
    private static BufferedImage scale(BufferedImage src, int tw, int th, boolean alpha) {
        BufferedImage current = src;
        int w = src.getWidth();
        int h = src.getHeight();
        do {
            w = w / 2 >= tw ? w / 2 : tw;
            h = h / 2 >= th ? h / 2 : th;
            BufferedImage next = new BufferedImage(w, h, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
            Graphics2D g = next.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
                g.drawImage(current, 0, 0, w, h, null);
            } finally {
                g.dispose();
            }
            current = next;
        } while (w != tw || h != th);
        return current;
    }

    private static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (format.equals("png")) {
                ImageIO.write(image, "png", out);
                return out.toByteArray();
            }
            ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
            try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
                writer.setOutput(ios);
                ImageWriteParam param = writer.getDefaultWriteParam();
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(0.92f);
                writer.write(null, new IIOImage(image, null, null), param);
            } finally {
                writer.dispose();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot encode the image for the server: " + e.getMessage(), e);
        }
    }
}

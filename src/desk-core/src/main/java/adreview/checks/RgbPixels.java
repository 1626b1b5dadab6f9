package adreview.checks;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;

/**
 * An image's pixels as packed 0xRRGGBB ints, read once so that every check works on the same
 * plain array. Translucent pixels are composited over white, as an ad is shown on a white page.
 */
public final class RgbPixels {

    private final int width;
    private final int height;
    private final int[] rgb;

    private RgbPixels(int width, int height, int[] rgb) {
        this.width = width;
        this.height = height;
        this.rgb = rgb;
    }

    public static RgbPixels of(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] out;
        int type = image.getType();
        if (type == BufferedImage.TYPE_INT_RGB && image.getRaster().getDataBuffer() instanceof DataBufferInt db
                && isPlain(image)) {
            out = db.getData().clone();
        } else if (type == BufferedImage.TYPE_3BYTE_BGR && image.getRaster().getDataBuffer() instanceof DataBufferByte db
                && isPlain(image)) {
            byte[] b = db.getData();
            out = new int[w * h];
            for (int i = 0, j = 0; i < out.length; i++, j += 3) {
                out[i] = (b[j + 2] & 0xFF) << 16 | (b[j + 1] & 0xFF) << 8 | (b[j] & 0xFF);
            }
        } else {
            out = image.getRGB(0, 0, w, h, null, 0, w);
            if (image.getColorModel().hasAlpha()) {
                for (int i = 0; i < out.length; i++) {
                    out[i] = overWhite(out[i]);
                }
            }
        }
        for (int i = 0; i < out.length; i++) {
            out[i] &= 0xFFFFFF;
        }
        return new RgbPixels(w, h, out);
    }

    /** Whether the raster is the whole, unshifted buffer (not a sub-image view). */
    private static boolean isPlain(BufferedImage image) {
        return image.getRaster().getSampleModelTranslateX() == 0 && image.getRaster().getSampleModelTranslateY() == 0
                && image.getRaster().getDataBuffer().getSize()
                == (long) image.getWidth() * image.getHeight() * (image.getType() == BufferedImage.TYPE_3BYTE_BGR ? 3 : 1);
    }

    static int overWhite(int argb) {
        int a = argb >>> 24;
        if (a == 255) {
            return argb & 0xFFFFFF;
        }
        int r = ((argb >> 16) & 0xFF) * a / 255 + (255 - a);
        int g = ((argb >> 8) & 0xFF) * a / 255 + (255 - a);
        int b = (argb & 0xFF) * a / 255 + (255 - a);
        return r << 16 | g << 8 | b;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int rgb(int x, int y) {
        return rgb[y * width + x];
    }

    /** The packed array itself, row-major; callers must not modify it. */
    int[] array() {
        return rgb;
    }

    /** Rec. 709 luma of one pixel on the 0–255 scale (gamma-encoded, as sharpness and exposure are judged). */
    static double luma(int rgb) {
        return 0.2126 * ((rgb >> 16) & 0xFF) + 0.7152 * ((rgb >> 8) & 0xFF) + 0.0722 * (rgb & 0xFF);
    }

    /** Luma of every pixel, row-major. */
    float[] luma() {
        float[] l = new float[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            l[i] = (float) luma(rgb[i]);
        }
        return l;
    }
}

package adreview.llava.image;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.DirectColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.awt.image.SinglePixelPackedSampleModel;

/**
 * Reads a {@link BufferedImage}'s pixels as raw 8-bit RGB, the way Pillow's {@code convert("RGB")} sees a decoded
 * file: the stored samples, no colour management. Alpha is dropped, not composited (the RGB under a transparent
 * pixel is kept). Gray is replicated to three channels with its raw value ({@link BufferedImage#getRGB} would run a
 * linear-gray to sRGB conversion and change it). Palette images are looked up in their palette; 16-bit samples keep
 * their high byte (as Pillow unpacks 16-bit RGB PNGs); other bit depths are scaled to 0..255. Only colour models
 * with neither one nor three colour components (CMYK and the like) or with premultiplied alpha go through
 * {@code getRGB}.
 */
final class RawRgb {

    private RawRgb() {
    }

    /**
     * Copies the image into {@code dst}, an interleaved RGB buffer {@code dstWidth} pixels wide, with the image's
     * top-left pixel at ({@code dx}, {@code dy}).
     */
    static void copyInto(BufferedImage image, byte[] dst, int dstWidth, int dx, int dy) {
        int w = image.getWidth();
        int h = image.getHeight();
        Raster raster = image.getRaster();
        ColorModel cm = image.getColorModel();
        if (cm instanceof IndexColorModel icm) {
            copyIndexed(raster, icm, dst, dstWidth, dx, dy);
            return;
        }
        int colours = cm.getNumColorComponents();
        boolean plain = (cm instanceof ComponentColorModel || cm instanceof DirectColorModel)
                && !cm.isAlphaPremultiplied() && (colours == 1 || colours == 3)
                && raster.getTransferType() != DataBuffer.TYPE_FLOAT
                && raster.getTransferType() != DataBuffer.TYPE_DOUBLE;
        if (!plain) {
            copyViaGetRgb(image, dst, dstWidth, dx, dy);
            return;
        }
        if (fastByteInterleaved(raster, colours, dst, dstWidth, dx, dy)
                || fastIntPacked(raster, cm, dst, dstWidth, dx, dy)) {
            return;
        }
        int bands = raster.getNumBands();
        int[] bits = raster.getSampleModel().getSampleSize();
        int[] row = new int[w * bands];
        for (int y = 0; y < h; y++) {
            raster.getPixels(0, y, w, 1, row);
            int o = ((dy + y) * dstWidth + dx) * 3;
            for (int x = 0, p = 0; x < w; x++, p += bands) {
                if (colours == 1) {
                    byte v = to8(row[p], bits[0]);
                    dst[o++] = v;
                    dst[o++] = v;
                    dst[o++] = v;
                } else {
                    dst[o++] = to8(row[p], bits[0]);
                    dst[o++] = to8(row[p + 1], bits[1]);
                    dst[o++] = to8(row[p + 2], bits[2]);
                }
            }
        }
    }

    /** 8-bit samples in a byte array (what ImageIO gives for 8-bit PNG and JPEG): direct array access. */
    private static boolean fastByteInterleaved(Raster raster, int colours, byte[] dst, int dstWidth, int dx, int dy) {
        if (!(raster.getDataBuffer() instanceof DataBufferByte buffer)
                || !(raster.getSampleModel() instanceof PixelInterleavedSampleModel sm)
                || buffer.getNumBanks() != 1) {
            return false;
        }
        for (int bits : sm.getSampleSize()) {
            if (bits != 8) {
                return false;
            }
        }
        byte[] data = buffer.getData();
        int pixelStride = sm.getPixelStride();
        int scanline = sm.getScanlineStride();
        int[] offsets = sm.getBandOffsets();
        int base = buffer.getOffset()
                - raster.getSampleModelTranslateY() * scanline
                - raster.getSampleModelTranslateX() * pixelStride;
        int r = offsets[0];
        int g = colours == 1 ? offsets[0] : offsets[1];
        int b = colours == 1 ? offsets[0] : offsets[2];
        int w = raster.getWidth();
        int h = raster.getHeight();
        for (int y = 0; y < h; y++) {
            int p = base + y * scanline;
            int o = ((dy + y) * dstWidth + dx) * 3;
            for (int x = 0; x < w; x++, p += pixelStride) {
                dst[o++] = data[p + r];
                dst[o++] = data[p + g];
                dst[o++] = data[p + b];
            }
        }
        return true;
    }

    /** {@code TYPE_INT_RGB}, {@code TYPE_INT_ARGB}, {@code TYPE_INT_BGR}: unpack with the colour model's masks. */
    private static boolean fastIntPacked(Raster raster, ColorModel cm, byte[] dst, int dstWidth, int dx, int dy) {
        if (!(cm instanceof DirectColorModel dcm)
                || !(raster.getDataBuffer() instanceof DataBufferInt buffer)
                || !(raster.getSampleModel() instanceof SinglePixelPackedSampleModel sm)
                || buffer.getNumBanks() != 1
                || !isByteMask(dcm.getRedMask()) || !isByteMask(dcm.getGreenMask())
                || !isByteMask(dcm.getBlueMask())) {
            return false;
        }
        int rs = Integer.numberOfTrailingZeros(dcm.getRedMask());
        int gs = Integer.numberOfTrailingZeros(dcm.getGreenMask());
        int bs = Integer.numberOfTrailingZeros(dcm.getBlueMask());
        int[] data = buffer.getData();
        int scanline = sm.getScanlineStride();
        int base = buffer.getOffset()
                - raster.getSampleModelTranslateY() * scanline
                - raster.getSampleModelTranslateX();
        int w = raster.getWidth();
        int h = raster.getHeight();
        for (int y = 0; y < h; y++) {
            int p = base + y * scanline;
            int o = ((dy + y) * dstWidth + dx) * 3;
            for (int x = 0; x < w; x++) {
                int v = data[p + x];
                dst[o++] = (byte) (v >>> rs);
                dst[o++] = (byte) (v >>> gs);
                dst[o++] = (byte) (v >>> bs);
            }
        }
        return true;
    }

    private static boolean isByteMask(int mask) {
        return mask != 0 && Integer.bitCount(mask) == 8
                && (mask >>> Integer.numberOfTrailingZeros(mask)) == 0xFF;
    }

    private static void copyIndexed(Raster raster, IndexColorModel icm, byte[] dst, int dstWidth, int dx, int dy) {
        int size = icm.getMapSize();
        byte[] reds = new byte[size];
        byte[] greens = new byte[size];
        byte[] blues = new byte[size];
        icm.getReds(reds);
        icm.getGreens(greens);
        icm.getBlues(blues);
        int w = raster.getWidth();
        int h = raster.getHeight();
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            raster.getSamples(0, y, w, 1, 0, row);
            int o = ((dy + y) * dstWidth + dx) * 3;
            for (int x = 0; x < w; x++) {
                // An index past the palette (a broken file) reads as black rather than failing the review.
                int i = row[x] < size ? row[x] : -1;
                dst[o++] = i < 0 ? 0 : reds[i];
                dst[o++] = i < 0 ? 0 : greens[i];
                dst[o++] = i < 0 ? 0 : blues[i];
            }
        }
    }

    private static void copyViaGetRgb(BufferedImage image, byte[] dst, int dstWidth, int dx, int dy) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            int o = ((dy + y) * dstWidth + dx) * 3;
            for (int x = 0; x < w; x++) {
                int v = row[x];
                dst[o++] = (byte) (v >>> 16);
                dst[o++] = (byte) (v >>> 8);
                dst[o++] = (byte) v;
            }
        }
    }

    /** A sample of {@code bits} bits as 8 bits: 16-bit keeps its high byte, other depths scale to 0..255. */
    private static byte to8(int sample, int bits) {
        if (bits == 8) {
            return (byte) sample;
        }
        if (bits == 16) {
            return (byte) (sample >>> 8);
        }
        if (bits > 8) {
            return (byte) (sample >>> (bits - 8));
        }
        int max = (1 << bits) - 1;
        return (byte) ((sample * 255 + max / 2) / max);
    }
}

package adreview.llava.image;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.imageio.ImageIO;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Images as a hostile pipeline might deliver them, all made here: header bombs, truncated and bit-flipped PNG, JPEG
 * and WebP, empty and non-image files, 16-bit and grayscale PNGs, extreme aspect ratios. Every failure is one
 * sentence naming the file, never a class name; the bombs are refused before a pixel buffer exists.
 */
class HostileImagesTest {

    @TempDir
    Path dir;

    private final ClipImageProcessor processor = new ClipImageProcessor(ClipPreprocessConfig.llava15());

    /** A PNG that is only a signature, an IHDR chunk claiming {@code width × height} and an IEND. */
    static byte[] pngHeaderBomb(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(t);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** A picture with detail everywhere (noise compresses badly, so a cut loses pixels, not padding). */
    static BufferedImage noise(int width, int height, long seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(seed);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        return image;
    }

    static byte[] encode(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, format, out)).as(format).isTrue();
        return out.toByteArray();
    }

    /** A minimal lossless WebP (RIFF/WEBP/VP8L), which ImageIO has no reader for. */
    static byte[] webp() {
        byte[] vp8l = {0x2F, 0x00, 0x00, 0x00, 0x00, 0x07, 0x10, 0x11, 0x11, (byte) 0x88, (byte) 0x88, 0x08};
        ByteBuffer b = ByteBuffer.allocate(20 + vp8l.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(12 + vp8l.length)
                .put("WEBP".getBytes(StandardCharsets.US_ASCII)).put("VP8L".getBytes(StandardCharsets.US_ASCII))
                .putInt(vp8l.length).put(vp8l);
        return b.array();
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    /** One sentence for a person: the file named, no Java class name, no stack trace, no line break. */
    private static void assertOneSentence(ImageException e, Path file) {
        assertThat(e.getMessage()).startsWith("image " + file + " ").doesNotContain("Exception")
                .doesNotContain("java.").doesNotContain("javax.").doesNotContain("\n");
    }

    @ParameterizedTest(name = "{0} × {0}")
    @ValueSource(ints = {25000, 30000})
    void headerBombsAreRefusedBeforeAnyPixelBufferExists(int side) throws IOException {
        Path bomb = write("bomb-" + side + ".png", pngHeaderBomb(side, side));
        long before = allocatedBytes();
        ImageException e = catchThrowableOfType(ImageException.class, () -> ImageFiles.read(bomb));
        long allocated = allocatedBytes() - before;
        System.out.printf("header bomb %d x %d (%d bytes on disk): refused after allocating %.1f MB on the heap%n",
                side, side, Files.size(bomb), allocated / 1e6);
        assertThat(e.getMessage()).isEqualTo("image " + bomb + " is " + side + " × " + side
                + ", above the 64-megapixel limit");
        assertThat(e.problem()).isEqualTo("image is " + side + " × " + side + ", above the 64-megapixel limit");
        // A decoded 25000 × 25000 image would be 2.5 GB; refusing it reads a header.
        assertThat(allocated).isLessThan(16L << 20);
    }

    @Test
    void theLimitIsTheConfiguredOne() throws IOException {
        Path photo = write("photo.png", encode(noise(40, 30, 1), "png"));
        assertThat(ImageFiles.read(photo, ImageLimits.ofMaxPixels(1200)).getWidth()).isEqualTo(40);
        assertThatThrownBy(() -> ImageFiles.read(photo, ImageLimits.ofMaxPixels(1199)))
                .hasMessage("image " + photo + " is 40 × 30, above the 0.001199-megapixel limit");
        Path strip = write("strip.png", pngHeaderBomb(70_000, 1));
        assertThatThrownBy(() -> ImageFiles.read(strip))
                .hasMessage("image " + strip + " is 70000 × 1, longer than 65,535 pixels on one side");
    }

    @ParameterizedTest
    @ValueSource(strings = {"png", "jpeg"})
    void aTruncatedFileIsRefusedNotJudgedAsIfWhole(String format) throws IOException {
        byte[] whole = encode(noise(300, 200, 2), format);
        for (double keep : new double[] {0.9, 0.5, 0.1}) {
            Path cut = write("cut-" + keep + "." + format, Arrays.copyOf(whole, (int) (whole.length * keep)));
            ImageException e = catchThrowableOfType(ImageException.class, () -> ImageFiles.read(cut));
            assertThat(e).as("%s cut to %.0f%%", format, keep * 100).isNotNull();
            assertOneSentence(e, cut);
            assertThat(e.getMessage()).endsWith(" is truncated");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"png", "jpeg"})
    void bitFlipsGiveAPictureOrOneSentenceNeverAnotherException(String format) throws IOException {
        byte[] whole = encode(noise(120, 80, 3), format);
        Random random = new Random(4);
        int refused = 0;
        for (int round = 0; round < 60; round++) {
            byte[] flipped = whole.clone();
            for (int i = 0; i < 1 + round % 4; i++) {
                int at = random.nextInt(flipped.length);
                flipped[at] ^= (byte) (1 << random.nextInt(8));
            }
            Path file = write("flip-" + round + "." + format, flipped);
            try {
                BufferedImage image = ImageFiles.read(file);
                processor.process(image, ImageMode.PAD);
            } catch (ImageException e) {
                assertOneSentence(e, file);
                refused++;
            }
        }
        System.out.printf("bit-flipped %s: %d of 60 refused with a sentence, the rest decoded%n", format, refused);
        assertThat(refused).isPositive();
    }

    @Test
    void webpIsAnUnsupportedFormatSaidPlainly() throws IOException {
        byte[] webp = webp();
        byte[] flipped = webp.clone();
        flipped[22] ^= 0x40;
        for (Path file : new Path[] {write("ad.webp", webp), write("cut.webp", Arrays.copyOf(webp, 14)),
                write("flipped.webp", flipped)}) {
            ImageException e = catchThrowableOfType(ImageException.class, () -> ImageFiles.read(file));
            assertOneSentence(e, file);
            assertThat(e.getMessage()).contains("is in WebP format").contains("unsupported format")
                    .endsWith("convert it to PNG or JPEG");
        }
    }

    @Test
    void emptyMissingAndNonImageFilesAreNamed() throws IOException {
        Path empty = write("empty.png", new byte[0]);
        assertThatThrownBy(() -> ImageFiles.read(empty)).hasMessage("image " + empty + " is empty (0 bytes)");
        Path text = write("notes.png", "not an image at all".getBytes(StandardCharsets.UTF_8));
        ImageException e = catchThrowableOfType(ImageException.class, () -> ImageFiles.read(text));
        assertOneSentence(e, text);
        assertThat(e.getMessage()).contains("is not an image the desk can read (unsupported format");
        Path missing = dir.resolve("gone.png");
        assertThatThrownBy(() -> ImageFiles.read(missing)).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> ImageFiles.read(dir)).hasMessage("image " + dir + " is not a file");
    }

    @Test
    void sixteenBitAndGrayPngsDecodeToTheirEightBitPixels() throws IOException {
        BufferedImage rgb = noise(64, 48, 5);
        ComponentColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false,
                Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
        WritableRaster raster = cm.createCompatibleWritableRaster(64, 48);
        BufferedImage gray8 = new BufferedImage(64, 48, BufferedImage.TYPE_BYTE_GRAY);
        BufferedImage gray16 = new BufferedImage(64, 48, BufferedImage.TYPE_USHORT_GRAY);
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                int v = rgb.getRGB(x, y);
                raster.setPixel(x, y, new int[] {(v >> 16 & 0xFF) << 8 | 0x7F, (v >> 8 & 0xFF) << 8, (v & 0xFF) << 8 | 0xFF});
                gray8.getRaster().setSample(x, y, 0, v & 0xFF);
                gray16.getRaster().setSample(x, y, 0, (v & 0xFF) * 257);
            }
        }
        BufferedImage rgb16 = ImageFiles.read(write("rgb16.png", encode(new BufferedImage(cm, raster, false, null), "png")));
        BufferedImage rgb8 = ImageFiles.read(write("rgb8.png", encode(rgb, "png")));
        BufferedImage g16 = ImageFiles.read(write("gray16.png", encode(gray16, "png")));
        BufferedImage g8 = ImageFiles.read(write("gray8.png", encode(gray8, "png")));
        assertThat(rgb16.getColorModel().getComponentSize(0)).isEqualTo(16);
        assertThat(g16.getColorModel().getComponentSize(0)).isEqualTo(16);
        for (ImageMode mode : ImageMode.values()) {
            assertThat(processor.process(rgb16, mode)).isEqualTo(processor.process(rgb8, mode));
            assertThat(processor.process(g16, mode)).isEqualTo(processor.process(g8, mode));
        }
    }

    @Test
    void anExtremeStripIsPaddedWithoutAllocatingTheSquare() throws IOException {
        Path strip = write("strip.png", encode(noise(4, 12000, 6), "png"));
        BufferedImage image = ImageFiles.read(strip);
        processor.process(image, ImageMode.PAD); // warm up: class loading, JIT
        long before = allocatedBytes();
        float[] pixels = processor.process(image, ImageMode.PAD);
        long allocated = allocatedBytes() - before;
        System.out.printf("4 x 12000 strip, pad mode: %.1f MB allocated (a 12000 x 12000 canvas would be 432 MB)%n",
                allocated / 1e6);
        assertThat(pixels).hasSize(3 * 336 * 336);
        assertThat(allocated).isLessThan(64L << 20);
        // The other way round, and crop mode, work too.
        BufferedImage wide = ImageFiles.read(write("wide.png", encode(noise(12000, 4, 7), "png")));
        for (ImageMode mode : ImageMode.values()) {
            assertThat(processor.process(wide, mode)).hasSize(3 * 336 * 336);
        }
        assertThat(processor.process(image, ImageMode.CROP)).hasSize(3 * 336 * 336);
    }
}

package adreview.llava.image;

import adreview.llava.Fixtures;
import adreview.llava.bench.FixtureReference;
import org.junit.jupiter.api.Test;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.util.Random;

import static adreview.llava.image.ClipImageProcessorTest.fixtureImage;
import static adreview.llava.image.ClipImageProcessorTest.maxAbsError;
import static org.assertj.core.api.Assertions.assertThat;

/** The same pixels in every kind of {@link BufferedImage} give the same model input. */
class ImagePixelFormatsTest {

    private final ClipImageProcessor processor = new ClipImageProcessor(ClipPreprocessConfig.llava15());

    static BufferedImage copyAs(BufferedImage source, int type) {
        BufferedImage copy = new BufferedImage(source.getWidth(), source.getHeight(), type);
        int[] row = new int[source.getWidth()];
        for (int y = 0; y < source.getHeight(); y++) {
            source.getRGB(0, y, row.length, 1, row, 0, row.length);
            copy.setRGB(0, y, row.length, 1, row, 0, row.length);
        }
        return copy;
    }

    @Test
    void everyEightBitRgbLayoutGivesTheReferencePixels() throws IOException {
        BufferedImage png = fixtureImage("ad_landscape.png");
        float[] expected;
        try (FixtureReference ref = FixtureReference.open(Fixtures.fixtures())) {
            expected = ref.pixels("clip_slow", "ad_landscape.png");
        }
        int[] types = {BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_INT_BGR,
                BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_4BYTE_ABGR, BufferedImage.TYPE_INT_ARGB_PRE};
        for (int type : types) {
            assertThat(maxAbsError(processor.process(copyAs(png, type), ImageMode.CROP), expected))
                    .as("BufferedImage type %d", type).isZero();
        }
        // A sub-image shares its parent's raster with offsets.
        BufferedImage canvas = new BufferedImage(png.getWidth() + 30, png.getHeight() + 20,
                BufferedImage.TYPE_3BYTE_BGR);
        canvas.createGraphics().drawImage(png, 17, 11, null);
        BufferedImage sub = canvas.getSubimage(17, 11, png.getWidth(), png.getHeight());
        assertThat(maxAbsError(processor.process(sub, ImageMode.CROP), expected)).isZero();
        BufferedImage intCanvas = copyAs(canvas, BufferedImage.TYPE_INT_RGB);
        assertThat(maxAbsError(processor.process(intCanvas.getSubimage(17, 11, png.getWidth(), png.getHeight()),
                ImageMode.CROP), expected)).isZero();
    }

    @Test
    void sixteenBitSamplesKeepTheirHighByte() throws IOException {
        BufferedImage png = fixtureImage("ad_portrait.png");
        ComponentColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false,
                Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
        WritableRaster raster = cm.createCompatibleWritableRaster(png.getWidth(), png.getHeight());
        for (int y = 0; y < png.getHeight(); y++) {
            for (int x = 0; x < png.getWidth(); x++) {
                int rgb = png.getRGB(x, y);
                raster.setPixel(x, y, new int[] {(rgb >> 16 & 0xFF) << 8 | 0xC3, (rgb >> 8 & 0xFF) << 8 | 0x11,
                        (rgb & 0xFF) << 8 | 0xFF});
            }
        }
        BufferedImage wide = new BufferedImage(cm, raster, false, null);
        for (ImageMode mode : ImageMode.values()) {
            assertThat(maxAbsError(processor.process(wide, mode), processor.process(png, mode))).isZero();
        }
    }

    @Test
    void grayIsReplicatedRawAtEightAndSixteenBits() throws IOException {
        BufferedImage gray = fixtureImage("ad_gray.png");
        assertThat(gray.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
        float[] expected;
        try (FixtureReference ref = FixtureReference.open(Fixtures.fixtures())) {
            expected = ref.pixels("llava_pad", "ad_gray.png");
        }
        BufferedImage gray16 = new BufferedImage(gray.getWidth(), gray.getHeight(), BufferedImage.TYPE_USHORT_GRAY);
        for (int y = 0; y < gray.getHeight(); y++) {
            for (int x = 0; x < gray.getWidth(); x++) {
                gray16.getRaster().setSample(x, y, 0, gray.getRaster().getSample(x, y, 0) * 257);
            }
        }
        assertThat(maxAbsError(processor.process(gray16, ImageMode.PAD), expected)).isZero();
        // What getRGB would have given: Java converts linear gray to sRGB and the values move far off.
        BufferedImage viaGetRgb = copyAs(gray, BufferedImage.TYPE_INT_RGB);
        assertThat(maxAbsError(processor.process(viaGetRgb, ImageMode.PAD), expected)).isGreaterThan(0.1);
    }

    @Test
    void paletteImagesAreLookedUpInTheirPalette() {
        Random random = new Random(7);
        for (int bits : new int[] {8, 4, 1}) {
            int size = 1 << bits;
            byte[] r = new byte[size];
            byte[] g = new byte[size];
            byte[] b = new byte[size];
            byte[] a = new byte[size];
            random.nextBytes(r);
            random.nextBytes(g);
            random.nextBytes(b);
            random.nextBytes(a); // palette alpha is dropped like any alpha
            IndexColorModel palette = new IndexColorModel(bits, size, r, g, b, a);
            BufferedImage indexed = new BufferedImage(401, 257, bits == 8 ? BufferedImage.TYPE_BYTE_INDEXED
                    : BufferedImage.TYPE_BYTE_BINARY, palette);
            BufferedImage rgb = new BufferedImage(401, 257, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < 257; y++) {
                for (int x = 0; x < 401; x++) {
                    int i = (x / 7 + y / 5 + random.nextInt(2)) % size;
                    indexed.getRaster().setSample(x, y, 0, i);
                    rgb.setRGB(x, y, (r[i] & 0xFF) << 16 | (g[i] & 0xFF) << 8 | (b[i] & 0xFF));
                }
            }
            for (ImageMode mode : ImageMode.values()) {
                assertThat(maxAbsError(processor.process(indexed, mode), processor.process(rgb, mode)))
                        .as("%d-bit palette %s", bits, mode).isZero();
            }
        }
    }

    @Test
    void transparentPixelsKeepTheirColour() {
        BufferedImage argb = new BufferedImage(300, 200, BufferedImage.TYPE_INT_ARGB);
        BufferedImage rgb = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 300; x++) {
                int colour = (x * 3 & 0xFF) << 16 | (y & 0xFF) << 8 | 0x40;
                argb.setRGB(x, y, (y < 100 ? 0 : 0xFF) << 24 | colour);
                rgb.setRGB(x, y, colour);
            }
        }
        assertThat(maxAbsError(processor.process(argb, ImageMode.PAD), processor.process(rgb, ImageMode.PAD)))
                .isZero();
    }

    @Test
    void padsWithTheMeanColourCentred() {
        // A white 336x112 strip padded to 336x336: 112 rows of mean colour above and below, no resize needed.
        BufferedImage strip = new BufferedImage(336, 112, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 112; y++) {
            for (int x = 0; x < 336; x++) {
                strip.setRGB(x, y, 0xFFFFFF);
            }
        }
        BufferedImage view = processor.modelView(strip, ImageMode.PAD);
        assertThat(view.getRGB(0, 111) & 0xFFFFFF).isEqualTo(122 << 16 | 116 << 8 | 104);
        assertThat(view.getRGB(0, 112) & 0xFFFFFF).isEqualTo(0xFFFFFF);
        assertThat(view.getRGB(335, 223) & 0xFFFFFF).isEqualTo(0xFFFFFF);
        assertThat(view.getRGB(335, 224) & 0xFFFFFF).isEqualTo(122 << 16 | 116 << 8 | 104);
        // CROP of the same strip upscales the short side to 336 and keeps the middle third.
        assertThat(processor.modelView(strip, ImageMode.CROP).getRGB(0, 0) & 0xFFFFFF).isEqualTo(0xFFFFFF);
    }

    @Test
    void tinyAndExtremeAspectImagesWork() {
        for (int[] size : new int[][] {{1, 1}, {1, 2000}, {2000, 1}, {3, 5}}) {
            BufferedImage image = new BufferedImage(size[0], size[1], BufferedImage.TYPE_INT_RGB);
            image.setRGB(0, 0, 0x808080);
            for (ImageMode mode : ImageMode.values()) {
                float[] pixels = processor.process(image, mode);
                assertThat(pixels).hasSize(3 * 336 * 336);
                float min = Float.MAX_VALUE;
                float max = -Float.MAX_VALUE;
                for (float v : pixels) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
                // CLIP-normalised 8-bit values lie in [-1.80, 2.15]
                assertThat(min).as("%dx%d %s", size[0], size[1], mode).isGreaterThanOrEqualTo(-1.8f);
                assertThat(max).as("%dx%d %s", size[0], size[1], mode).isLessThanOrEqualTo(2.2f);
            }
        }
    }

    @Test
    void aCropLargerThanTheResizedImageIsPaddedWithZeros() {
        ClipPreprocessConfig config = new ClipPreprocessConfig(300, 336, 336, ClipPreprocessConfig.OPENAI_CLIP_MEAN,
                ClipPreprocessConfig.OPENAI_CLIP_STD, 1 / 255.0, ResampleFilter.BICUBIC);
        BufferedImage white = new BufferedImage(300, 400, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 400; y++) {
            for (int x = 0; x < 300; x++) {
                white.setRGB(x, y, 0xFFFFFF);
            }
        }
        BufferedImage view = new ClipImageProcessor(config).modelView(white, ImageMode.CROP);
        // torchvision pads (336 - 300) // 2 = 18 columns of black left and right; height 400 crops to 336.
        assertThat(view.getRGB(17, 100) & 0xFFFFFF).isZero();
        assertThat(view.getRGB(18, 100) & 0xFFFFFF).isEqualTo(0xFFFFFF);
        assertThat(view.getRGB(317, 100) & 0xFFFFFF).isEqualTo(0xFFFFFF);
        assertThat(view.getRGB(318, 100) & 0xFFFFFF).isZero();
    }
}

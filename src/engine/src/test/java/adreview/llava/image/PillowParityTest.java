package adreview.llava.image;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ResizeArithmetic#PILLOW} against Pillow 12.3 itself: the 8-bit images the model would see, made by
 * {@code make_pillow_refs.py} beside the resources (a downscale with odd sizes and an upscale, crop and pad).
 */
class PillowParityTest {

    static BufferedImage resource(String name) throws IOException {
        try (InputStream in = PillowParityTest.class.getResourceAsStream("pillow/" + name)) {
            assertThat(in).as(name).isNotNull();
            return ImageIO.read(in);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"down_333x517, CROP", "down_333x517, PAD", "up_150x100, CROP", "up_150x100, PAD"})
    void pillowArithmeticIsBitIdenticalToPillow(String name, ImageMode mode) throws IOException {
        BufferedImage source = resource(name + ".png");
        BufferedImage expected = resource(name + "." + mode.name().toLowerCase() + ".png");
        BufferedImage actual = new ClipImageProcessor(ClipPreprocessConfig.llava15(), ResizeArithmetic.PILLOW)
                .modelView(source, mode);
        assertThat(differingValues(actual, expected)).as("%s %s values differing from Pillow", name, mode).isZero();

        // The torch arithmetic rounds some coefficients differently: off by at most a level here and there.
        BufferedImage torch = new ClipImageProcessor(ClipPreprocessConfig.llava15(), ResizeArithmetic.TORCHVISION)
                .modelView(source, mode);
        int differing = differingValues(torch, expected);
        System.out.printf("Pillow parity %-13s %-4s: PILLOW 0 values differ, TORCHVISION %d of %d%n",
                name, mode, differing, 336 * 336 * 3);
        assertThat(maxLevelDifference(torch, expected)).isLessThanOrEqualTo(2);
    }

    static int differingValues(BufferedImage a, BufferedImage b) {
        assertThat(a.getWidth()).isEqualTo(b.getWidth());
        assertThat(a.getHeight()).isEqualTo(b.getHeight());
        int n = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int shift = 0; shift < 24; shift += 8) {
                    if (((p >> shift) & 0xFF) != ((q >> shift) & 0xFF)) {
                        n++;
                    }
                }
            }
        }
        return n;
    }

    static int maxLevelDifference(BufferedImage a, BufferedImage b) {
        int max = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int shift = 0; shift < 24; shift += 8) {
                    max = Math.max(max, Math.abs(((p >> shift) & 0xFF) - ((q >> shift) & 0xFF)));
                }
            }
        }
        return max;
    }
}

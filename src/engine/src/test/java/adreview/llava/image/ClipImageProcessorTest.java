package adreview.llava.image;

import adreview.llava.Fixtures;
import adreview.llava.bench.FixtureReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ClipImageProcessorTest {

    private static FixtureReference reference;

    @BeforeAll
    static void open() {
        reference = FixtureReference.open(Fixtures.fixtures());
    }

    @AfterAll
    static void close() {
        reference.close();
    }

    static BufferedImage fixtureImage(String name) throws IOException {
        Path file = Fixtures.fixtures().resolve("images").resolve(name);
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image).as(file.toString()).isNotNull();
        return image;
    }

    static double maxAbsError(float[] actual, float[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        double max = 0;
        for (int i = 0; i < actual.length; i++) {
            max = Math.max(max, Math.abs(actual[i] - expected[i]));
        }
        return max;
    }

    /**
     * The default arithmetic is the one transformers 5 runs (torch's uint8 antialiased resize): bit-identical
     * pixels. Pillow's arithmetic rounds a few coefficients differently and may move a value by one 8-bit level
     * (1/255/std, about 0.015), still inside the engine's 2e-2 tolerance.
     */
    @ParameterizedTest(name = "{0} {1} vs {2}")
    @CsvSource({
            "ad_landscape.png, CROP, clip_slow", "ad_portrait.png, CROP, clip_slow",
            "ad_rgba.png, CROP, clip_slow", "ad_gray.png, CROP, clip_slow",
            "ad_landscape.png, PAD, llava_pad", "ad_portrait.png, PAD, llava_pad",
            "ad_rgba.png, PAD, llava_pad", "ad_gray.png, PAD, llava_pad"})
    void matchesTransformersReference(String imageName, ImageMode mode, String referenceKind) throws IOException {
        float[] expected = reference.pixels(referenceKind, imageName);
        BufferedImage image = fixtureImage(imageName);
        ClipPreprocessConfig config = ClipPreprocessConfig.load(Fixtures.tinyModel());

        double exact = maxAbsError(ClipImageProcessor.load(Fixtures.tinyModel()).process(image, mode), expected);
        double pillow = maxAbsError(new ClipImageProcessor(config, ResizeArithmetic.PILLOW).process(image, mode),
                expected);
        System.out.printf("pixel parity %-17s %-4s vs %-9s max abs error: TORCHVISION %.3e, PILLOW %.3e%n",
                imageName, mode, referenceKind, exact, pillow);
        assertThat(exact).as("%s %s default arithmetic", imageName, mode).isLessThanOrEqualTo(1e-6);
        assertThat(pillow).as("%s %s Pillow arithmetic", imageName, mode).isLessThanOrEqualTo(2e-2);
    }
}

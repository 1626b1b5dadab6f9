package adreview.llava.image;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.awt.image.BufferedImage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided fuzzing of the image loader and the model's preprocessing: whatever bytes arrive, the result is a
 * picture or an {@link ImageException} with a sentence for a person, never another exception, a hang or a class
 * name in the message. The default build replays the seeds and findings under
 * {@code ImageLoaderFuzzTestInputs/decode/}; {@code ./mvnw -Pfuzz test -Dtest=ImageLoaderFuzzTest} fuzzes.
 */
class ImageLoaderFuzzTest {

    /** Small limits keep a fuzz iteration fast; the rules are the same at 64 megapixels. */
    private static final ImageLimits LIMITS = new ImageLimits(1_000_000, 4096);
    private static final ClipImageProcessor PROCESSOR = new ClipImageProcessor(ClipPreprocessConfig.llava15());

    @FuzzTest(maxDuration = "3m")
    void decode(byte[] data) {
        BufferedImage image;
        try {
            image = ImageFiles.decode(data, "fuzz.bin", LIMITS);
        } catch (ImageException e) {
            assertThat(e.getMessage()).startsWith("image fuzz.bin ").doesNotContain("Exception")
                    .doesNotContain("java.").doesNotContain("\n");
            return;
        }
        assertThat(image.getWidth() * (long) image.getHeight()).isLessThanOrEqualTo(LIMITS.maxPixels());
        for (ImageMode mode : ImageMode.values()) {
            assertThat(PROCESSOR.process(image, mode)).hasSize(3 * 336 * 336);
        }
    }
}

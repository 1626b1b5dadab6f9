package adreview.ui.image;

import static org.assertj.core.api.Assertions.assertThat;

import adreview.store.AssetLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The problem cases need no JavaFX: they never get as far as creating an image. */
class ImageDecoderTest {

    private final ImageDecoder decoder = new ImageDecoder();

    @Test
    void aMissingFileIsNamed(@TempDir Path dir) {
        Path gone = dir.resolve("tenant/gone.png");
        ImageState state = decoder.decode(new AssetLocation.LocalFile("/assets/tenant/gone.png", gone));
        assertThat(state).isInstanceOfSatisfying(ImageState.Problem.class, p -> {
            assertThat(p.title()).isEqualTo("Image file missing");
            assertThat(p.detail()).contains(gone.toString()).contains("/assets/tenant/gone.png");
        });
    }

    @Test
    void aCorruptFileSaysItCannotBeDecoded(@TempDir Path dir) throws Exception {
        Path corrupt = dir.resolve("corrupt.png");
        Files.write(corrupt, new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H'});
        ImageState state = decoder.decode(new AssetLocation.LocalFile("/assets/corrupt.png", corrupt));
        assertThat(state).isInstanceOfSatisfying(ImageState.Problem.class, p -> {
            assertThat(p.title()).isEqualTo("Image cannot be decoded");
            assertThat(p.detail()).contains(corrupt.toString());
        });

        Path text = dir.resolve("notes.png");
        Files.writeString(text, "not an image at all");
        assertThat(decoder.decode(new AssetLocation.LocalFile("/assets/notes.png", text)))
                .isInstanceOfSatisfying(ImageState.Problem.class,
                        p -> assertThat(p.detail()).contains("notes.png").contains("may be corrupt"));
    }

    @Test
    void aHeaderBombOrATruncatedJpegGivesTheDecodersSentence(@TempDir Path dir) throws Exception {
        // A PNG signature and an IHDR claiming 30000 × 30000 (no CRC check: the header is refused before any data).
        java.nio.ByteBuffer png = java.nio.ByteBuffer.allocate(33);
        png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R'})
                .putInt(30000).putInt(30000).put(new byte[] {8, 2, 0, 0, 0, 0, 0, 0, 0});
        Path bomb = Files.write(dir.resolve("bomb.png"), png.array());
        assertThat(decoder.decode(new AssetLocation.LocalFile("/assets/bomb.png", bomb), 160))
                .isInstanceOfSatisfying(ImageState.Problem.class, p -> {
                    assertThat(p.title()).isEqualTo("Image cannot be decoded");
                    assertThat(p.detail()).isEqualTo(bomb + "\nImage is 30000 × 30000, above the 64-megapixel limit.");
                });
        java.awt.image.BufferedImage noise = new java.awt.image.BufferedImage(200, 200,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.util.Random random = new java.util.Random(1);
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 200; x++) {
                noise.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        java.io.ByteArrayOutputStream jpeg = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(noise, "jpeg", jpeg);
        Path cut = Files.write(dir.resolve("cut.jpg"), java.util.Arrays.copyOf(jpeg.toByteArray(), jpeg.size() / 2));
        assertThat(decoder.decode(new AssetLocation.LocalFile("/assets/cut.jpg", cut)))
                .isInstanceOfSatisfying(ImageState.Problem.class,
                        p -> assertThat(p.detail()).isEqualTo(cut + "\nImage is truncated."));
        // The configured limit applies in the window too.
        Path small = Files.write(dir.resolve("small.jpg"), jpeg.toByteArray());
        assertThat(new ImageDecoder(new adreview.desk.ImageReader(100))
                .decode(new AssetLocation.LocalFile("/assets/small.jpg", small)))
                .isInstanceOfSatisfying(ImageState.Problem.class,
                        p -> assertThat(p.detail()).contains("above the 0.0001-megapixel limit"));
    }

    @Test
    void unresolvableUrlsAndAbsentImagesSayWhy() {
        assertThat(decoder.decode(new AssetLocation.Remote("https://cdn.example/x.png")))
                .isInstanceOfSatisfying(ImageState.Problem.class, p -> {
                    assertThat(p.title()).isEqualTo("Image not available");
                    assertThat(p.detail()).contains("remote image not available offline").contains("https://cdn.example/x.png");
                });
        assertThat(decoder.decode((AssetLocation) null))
                .isInstanceOfSatisfying(ImageState.Problem.class, p -> assertThat(p.title()).isEqualTo("No image"));
    }
}

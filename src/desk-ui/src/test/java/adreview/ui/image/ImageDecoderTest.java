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

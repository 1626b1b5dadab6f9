package adreview.llava.image;

import adreview.llava.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageFilesTest {

    @Test
    void readsTheFixtureImages() {
        BufferedImage rgba = ImageFiles.read(Fixtures.fixtures().resolve("images/ad_rgba.png"));
        assertThat(rgba.getWidth()).isEqualTo(512);
        assertThat(rgba.getColorModel().hasAlpha()).isTrue();
    }

    @Test
    void namesTheFileAndTheProblem(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("missing.png");
        assertThatThrownBy(() -> ImageFiles.read(missing)).hasMessageContaining(missing.toString())
                .hasMessageContaining("no such image file");

        Path text = Files.writeString(dir.resolve("notes.webp"), "RIFF....WEBPVP8 not really");
        assertThatThrownBy(() -> ImageFiles.read(text)).hasMessageContaining(text.toString())
                .hasMessageContaining("WebP").hasMessageContaining("unsupported format")
                .hasMessageContaining("convert it to PNG or JPEG");

        byte[] png = Files.readAllBytes(Fixtures.fixtures().resolve("images/ad_landscape.png"));
        Path truncated = Files.write(dir.resolve("truncated.png"), Arrays.copyOf(png, png.length / 3));
        assertThatThrownBy(() -> ImageFiles.read(truncated)).hasMessageContaining(truncated.toString())
                .hasMessageEndingWith(" is truncated");
    }
}

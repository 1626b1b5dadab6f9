package adreview.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/** Writes a PNG of a scene (call on the JavaFX thread): used by the screenshot test and for docs. */
public final class Screenshots {

    private Screenshots() {
    }

    public static Path write(Scene scene, Path file) throws IOException {
        WritableImage image = scene.snapshot(null);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (!ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile())) {
            throw new IOException("No PNG writer available for " + file);
        }
        return file;
    }
}

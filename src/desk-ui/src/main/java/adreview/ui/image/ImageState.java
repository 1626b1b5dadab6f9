package adreview.ui.image;

import javafx.scene.image.Image;

/** What an image area shows: nothing yet, a decoded image, or a readable problem in place of the image. */
public sealed interface ImageState {

    /** Nothing selected or still loading. */
    record Empty(String message) implements ImageState {
    }

    /** A decoded image; {@code caption} says which file and its size. */
    record Shown(Image image, String caption) implements ImageState {
    }

    /** A placeholder: {@code title} like "Image file missing", {@code detail} names the file or URL. */
    record Problem(String title, String detail) implements ImageState {
    }
}

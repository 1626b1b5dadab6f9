package adreview.ui.data;

import java.util.List;
import java.util.function.Consumer;

/**
 * Opens the desk's database: configuration, pool, embedded PostgreSQL, migrations and demo data.
 * Implemented in {@code adreview.app}; the UI calls {@link #open} on a background thread while it
 * shows a progress state.
 */
public interface DeskBackend {

    /**
     * @param progress receives short messages ("Starting embedded PostgreSQL…") as the work proceeds
     * @throws Exception with a message a reviewer can act on when the database cannot be opened
     */
    DeskSession open(Consumer<String> progress) throws Exception;

    /** The effective configuration, available even when opening failed. */
    List<ConfigEntry> configuration();

    /** How large an image the window agrees to decode (the configuration's {@code image.max.pixels}). */
    default adreview.llava.image.ImageLimits imageLimits() {
        return adreview.llava.image.ImageLimits.DEFAULT;
    }
}

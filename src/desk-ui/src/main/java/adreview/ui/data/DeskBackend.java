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

    /**
     * The settings dialog's "Test connection" for the configured backend: blocks (call it off the FX thread) and
     * returns one line ("OK: …" / "Failed: …"). Empty where the backend offers none.
     */
    default java.util.Optional<java.util.function.Supplier<String>> connectionTest() {
        return java.util.Optional.empty();
    }
}

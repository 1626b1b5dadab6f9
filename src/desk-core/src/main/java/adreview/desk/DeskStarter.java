package adreview.desk;

import java.util.List;
import java.util.function.Consumer;

/**
 * Opens the desk: the window calls {@link #start} on a background thread while it shows the progress, and shows
 * {@link #settings()} when the reviewer asks, also after a failed start. Implemented by the composition root.
 */
public interface DeskStarter {

    /** A step of starting, with where it happens (a folder or a database URL without its password). */
    record StartProgress(Step step, String where) {
        public enum Step { STARTING_EMBEDDED_DATABASE, CONNECTING, LOADING_VARIANTS }
    }

    /**
     * @throws RuntimeException whose message is the one sentence the CLI prints for the same failure
     */
    DeskService start(Consumer<StartProgress> progress);

    /** How the window reads image files (the configuration's {@code image.max.pixels}). */
    default ImageReader imageReader() {
        return ImageReader.withDefaultLimits();
    }

    /** The effective configuration, available even when starting failed. */
    List<DeskSetting> settings();

    /**
     * The settings dialog's "Test connection" of the configured backend: for a server, {@code GET /models} and one
     * tiny request; for the local engine, whether its model would load. Blocks (seconds at most; call it off the UI
     * thread) and returns one line starting "OK: " or "Failed: ".
     */
    default String testConnection() {
        return "OK: nothing to connect to";
    }
}

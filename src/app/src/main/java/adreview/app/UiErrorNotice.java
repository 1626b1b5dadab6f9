package adreview.app;

import javafx.application.Platform;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows an uncaught exception of the JavaFX thread as a one-line, self-dismissing notice over the
 * desk's window (the stack trace is in the log), so that a bug in one handler does not end a
 * review session. At most one notice every few seconds: a handler that fails on every event must
 * not bury the window in notices.
 */
final class UiErrorNotice {

    private static final Logger LOG = LoggerFactory.getLogger(UiErrorNotice.class);
    private static final long MIN_GAP_NANOS = 5_000_000_000L;

    private long lastShown = System.nanoTime() - MIN_GAP_NANOS;
    private int suppressed;
    private boolean showing;

    /** Called on the JavaFX thread with the exception's one-line message. */
    void show(String line) {
        long now = System.nanoTime();
        if (showing || now - lastShown < MIN_GAP_NANOS) {
            suppressed++;
            return;
        }
        Window owner = Window.getWindows().stream().filter(Window::isShowing).findFirst().orElse(null);
        if (owner == null || !Platform.isFxApplicationThread()) {
            return;
        }
        String text = "Something went wrong in the window: " + line
                + (suppressed > 0 ? " (and " + suppressed + " more)" : "") + ". Details are in the log.";
        lastShown = now;
        suppressed = 0;
        showing = true;
        try {
            Notifications.create().owner(owner).title("Ad Review Desk").text(text)
                    .hideAfter(Duration.seconds(8)).showWarning();
        } catch (RuntimeException e) {
            LOG.warn("could not show the error notice", e);
        } finally {
            showing = false;
        }
    }
}

package adreview.app;

import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;
import java.util.Locale;

/**
 * Whether this machine can show the desk's window, checked before JavaFX starts so that a missing piece is one
 * sentence instead of a toolkit stack trace: on Linux JavaFX needs a display (X11, or Wayland through XWayland) and
 * GTK 3.
 */
final class WindowSupport {

    private WindowSupport() {
    }

    /** Null when the window can open; else what is missing and what to do, in one sentence. */
    static String problem() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return null;
        }
        if (isBlank(System.getenv("DISPLAY")) && isBlank(System.getenv("WAYLAND_DISPLAY"))) {
            return "no display to open the window on (DISPLAY is not set): run the desk in a desktop session, or use "
                    + "the command line (ad-review-desk --help), which needs no display";
        }
        try (Arena arena = Arena.ofConfined()) {
            SymbolLookup.libraryLookup("libgtk-3.so.0", arena);
        } catch (IllegalArgumentException | IllegalCallerException e) {
            return "GTK 3 is not installed, and the window needs it: install it (Debian/Ubuntu: sudo apt install "
                    + "libgtk-3-0), or use the command line, which does not";
        }
        return null;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}

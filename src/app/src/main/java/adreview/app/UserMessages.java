package adreview.app;

import adreview.store.DatabaseUnavailableException;

/**
 * One readable line for a failure, the same in the CLI (stderr) and the UI (an in-place message):
 * the desk's own exceptions already name the thing and what to do; this adds where to fix a
 * database URL and keeps everything on one line.
 */
public final class UserMessages {

    private UserMessages() {
    }

    /** E.g. "cannot connect to database at jdbc:postgresql://db:5432/x: Connection refused. Check --db-url / ADREVIEW_DB_URL." */
    public static String describe(Throwable error) {
        if (error instanceof DatabaseUnavailableException unavailable) {
            return oneLine(unavailable.getMessage()) + ". Check --db-url / ADREVIEW_DB_URL.";
        }
        String message = error.getMessage();
        if (message == null || message.isBlank()) {
            return error.getClass().getSimpleName();
        }
        return oneLine(message);
    }

    /** Collapses line breaks and the spaces around them. */
    public static String oneLine(String text) {
        return text.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}

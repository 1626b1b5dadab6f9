package adreview.desk;

import adreview.store.DatabaseUnavailableException;

import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The one place where an exception becomes what a person reads: one sentence, the innermost useful message, never
 * a Java class name or a stack trace (those go to the log file). The window, the CLI and the run queue all use it.
 */
public final class Problems {

    /** Longest message shown; a longer one is cut (the log has it whole). */
    static final int MAX_LENGTH = 400;

    private Problems() {
    }

    public static String describe(Throwable error) {
        if (error == null) {
            return "unknown error";
        }
        Throwable t = unwrap(error);
        if (t instanceof DatabaseUnavailableException) {
            return oneLine(t.getMessage()) + ". Check --db-url / ADREVIEW_DB_URL.";
        }
        String best = null;
        for (Throwable c = t; c != null && best == null; c = c.getCause() == c ? null : c.getCause()) {
            String m = withoutClassName(c.getMessage());
            if (!m.isBlank()) {
                best = m;
            }
        }
        if (best == null) {
            best = t instanceof OutOfMemoryError ? "the desk ran out of memory"
                    : "an unexpected error occurred (details are in the log file)";
        }
        String line = oneLine(best);
        return line.length() > MAX_LENGTH ? line.substring(0, MAX_LENGTH) + "…" : line;
    }

    /** Collapses line breaks and the spaces around them. */
    public static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    private static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while ((t instanceof ExecutionException || t instanceof CompletionException
                || t instanceof InvocationTargetException) && t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    /** "java.io.IOException: disk full" → "disk full"; a bare class name → "" (a wrapped exception's toString). */
    static String withoutClassName(String message) {
        if (message == null) {
            return "";
        }
        String m = message.strip();
        while (CLASS_PREFIX.matcher(m).lookingAt()) {
            var matcher = CLASS_PREFIX.matcher(m);
            matcher.lookingAt();
            m = m.substring(matcher.end()).strip();
        }
        return m;
    }

    private static final java.util.regex.Pattern CLASS_PREFIX =
            java.util.regex.Pattern.compile("(?:[a-z][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error)(?::|$)");
}

package adreview.app.cli;

import adreview.llava.LoadProgress;
import adreview.llava.TokenListener;
import adreview.review.RunListener;
import adreview.review.RunPhase;
import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Model loading and generation progress for a person at a terminal: one stderr line, rewritten in place. It takes
 * the desk's typed progress ({@link RunListener}, {@link RunPhase}); the engine's own callbacks, for {@code generate},
 * come in through {@link #loading()} and {@link #tokens(int)}. When stderr is not a terminal it prints nothing: logs
 * and scripts read stderr, and stdout (text or JSON) is never touched either way.
 */
final class ProgressPrinter implements RunListener, AutoCloseable {

    /** Longer lines would wrap, and a carriage return only goes back to the start of the last screen line. */
    static final int MAX_WIDTH = 79;

    private final PrintStream err;
    private final boolean interactive;
    private String shown = "";

    ProgressPrinter(PrintStream err, boolean interactive) {
        this.err = err;
        this.interactive = interactive;
    }

    /** On this process's stderr, printing only when that is a terminal. */
    static ProgressPrinter onStderr() {
        return new ProgressPrinter(System.err, stderrIsTerminal());
    }

    @Override
    public synchronized void phase(RunPhase phase, double fraction, String detail) {
        show(describe(phase, fraction, detail));
    }

    @Override
    public synchronized void token(int n, int max, String textSoFar) {
        show("writing the answer: token " + n + " of " + max);
    }

    /** The engine's load callback as {@link RunPhase#LOADING_MODEL}. */
    LoadProgress loading() {
        return (fraction, step) -> phase(RunPhase.LOADING_MODEL, fraction, step);
    }

    /** The engine's token callback (0-based index) as {@link #token}, of at most {@code max} tokens. */
    TokenListener tokens(int max) {
        return (index, tokenId, textSoFar) -> token(index + 1, max, textSoFar);
    }

    /** Erases the line, so that what follows on stderr (an error, the shell prompt) starts on a clean one. */
    @Override
    public synchronized void close() {
        if (!shown.isEmpty()) {
            err.print("\r" + " ".repeat(shown.length()) + "\r");
            err.flush();
            shown = "";
        }
    }

    static String describe(RunPhase phase, double fraction, String detail) {
        String what = switch (phase) {
            case LOADING_MODEL -> "loading the model";
            case MEASURING -> "measuring the image";
            case PREPARING_IMAGE -> "preparing the image";
            case ASKING_SERVER -> "asking the server";
            case READING_PROMPT -> "reading the prompt";
        };
        String percent = fraction >= 0 ? String.format(Locale.ROOT, " %3d%%", Math.round(Math.min(1, fraction) * 100)) : "";
        return what + percent + (detail == null || detail.isBlank() ? "" : ": " + detail.strip());
    }

    private void show(String text) {
        if (!interactive) {
            return;
        }
        // Written past picocli's escaping writer (it would show the \r as text): the detail is escaped here instead.
        String line = Terminal.safe(text);
        if (line.length() > MAX_WIDTH) {
            line = line.substring(0, MAX_WIDTH - 1) + "…";
        }
        if (line.equals(shown)) {
            return;
        }
        // Padded to the previous line's length: a shorter line must not leave the old one's tail behind.
        err.print("\r" + line + " ".repeat(Math.max(0, shown.length() - line.length())));
        err.flush();
        shown = line;
    }

    /**
     * Whether stderr is a terminal. Java itself only tells whether stdin and stdout are ({@link Console#isTerminal()}),
     * yet {@code generate --json > answer.json} at a terminal should still show progress; on Linux the link
     * /proc/self/fd/2 names stderr's device. Elsewhere the console is the best guess.
     */
    static boolean stderrIsTerminal() {
        try {
            String device = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return device.startsWith("/dev/pts/") || device.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            Console console = System.console();
            return console != null && console.isTerminal();
        }
    }
}

package adreview.app.cli;

import adreview.review.Cancellation;
import adreview.review.CancellationGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C (SIGINT) and SIGTERM while {@code judge} runs: every run of the command (one, or a batch's in-flight runs)
 * is cancelled (the model stops within one token, a server's stream is closed) and recorded as failed with the
 * answer written so far; a batch's runs not yet started are not started; the command then exits 130 / 143. Without
 * these handlers the JVM would run its shutdown hooks at once and close the database under the run, leaving
 * the variant {@code running}. A run that does not end by itself within {@link #GRACE_MILLIS} (a model still
 * loading polls nothing) is recorded from here ({@link Cancellation#abandon}, for each run) and the process exits. A second
 * signal exits at once. {@code sun.misc.Signal} is the only way in the JDK to tell the two signals apart.
 */
final class RunSignals implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RunSignals.class);
    /** How long a cancelled run gets to end by itself; with the exit this stays under 5 s. */
    static final long GRACE_MILLIS = 3_000;

    private final CancellationGroup runs;
    private final PrintWriter err;
    private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile Signal received;

    private RunSignals(CancellationGroup runs, PrintWriter err) {
        this.runs = runs;
        this.err = err;
    }

    /** Handles INT and TERM until {@link #runEnded()}, for every member of {@code runs}. */
    static RunSignals install(CancellationGroup runs, PrintWriter err) {
        RunSignals signals = new RunSignals(runs, err);
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                Signal signal = new Signal(name);
                signals.previous.put(signal, Signal.handle(signal, signals::onSignal));
            } catch (IllegalArgumentException e) {
                LOG.info("signal {} cannot be handled here: {}", name, e.getMessage());
            }
        }
        return signals;
    }

    private void onSignal(Signal signal) {
        if (received != null) {
            exitSoon(128 + signal.getNumber());
            return;
        }
        received = signal;
        String what = signal.getName().equals("INT") ? "SIGINT (Ctrl-C)" : "SIG" + signal.getName();
        runs.cancelAll(Cancellation.Effect.FAIL, what + " received");
        Thread watchdog = new Thread(() -> {
            try {
                if (ended.await(GRACE_MILLIS, TimeUnit.MILLISECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            // A run did not stop in time: record every one still open now, then leave.
            runs.abandonAll();
            err.println("cancelled: " + what + " received; the run did not stop within " + GRACE_MILLIS / 1000
                    + " s and was recorded as failed");
            err.flush();
            System.exit(128 + signal.getNumber());
        }, "judge-signal-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private static void exitSoon(int code) {
        Thread t = new Thread(() -> System.exit(code), "judge-second-signal");
        t.setDaemon(true);
        t.start();
    }

    /** The signal received while the run was going, or null. */
    Signal received() {
        return received;
    }

    /** 130 for SIGINT, 143 for SIGTERM; null when no signal came. */
    Integer exitCode() {
        Signal s = received;
        return s == null ? null : 128 + s.getNumber();
    }

    /** The run has ended: a later signal ends the process the usual way. Safe to call twice. */
    void runEnded() {
        ended.countDown();
        previous.forEach((signal, handler) -> {
            try {
                Signal.handle(signal, handler);
            } catch (IllegalArgumentException e) {
                // could not restore: nothing more to do
            }
        });
        previous.clear();
    }

    @Override
    public void close() {
        runEnded();
    }
}

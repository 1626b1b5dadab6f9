package adreview.ui.review;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Stands in for the JavaFX application thread in view-model tests: work posted to it waits until the test
 * thread drains it, so the test thread is the only one that touches properties (as the FX thread would be).
 */
final class UiQueue implements Executor {

    private final BlockingQueue<Runnable> posted = new LinkedBlockingQueue<>();
    private int executed;

    @Override
    public void execute(Runnable r) {
        posted.add(r);
    }

    /** Runs what is posted now; returns how many ran. */
    int drain() {
        int n = 0;
        Runnable r;
        while ((r = posted.poll()) != null) {
            r.run();
            n++;
        }
        executed += n;
        return n;
    }

    /** Runs posted work until none has arrived for {@code quiet} (the workers have posted what one step causes). */
    void drainUntilQuiet(Duration quiet) throws InterruptedException {
        Runnable r;
        while ((r = posted.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null) {
            r.run();
            executed++;
        }
    }

    /** Runs posted work until the condition holds; fails after 10 s (a hang, not a timing assertion). */
    void drainUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        drain();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached; posted work pending: " + posted.size());
            }
            Runnable r = posted.poll(50, TimeUnit.MILLISECONDS);
            if (r != null) {
                r.run();
                executed++;
            }
        }
    }

    int executedCount() {
        return executed;
    }

    int pendingCount() {
        return posted.size();
    }
}

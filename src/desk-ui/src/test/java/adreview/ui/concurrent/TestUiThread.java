package adreview.ui.concurrent;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The "UI thread" of view-model tests: callbacks queue up and run on the test's own thread when it
 * calls {@link #drain()}, so tests see exactly what a view would see, without starting JavaFX.
 */
public final class TestUiThread implements java.util.concurrent.Executor, AutoCloseable {

    private final LinkedBlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
    private final BackgroundExecutor executor = new BackgroundExecutor(2, this);

    public BackgroundExecutor executor() {
        return executor;
    }

    @Override
    public void execute(Runnable command) {
        queue.add(command);
    }

    /** Runs callbacks until every submitted task (including ones submitted by callbacks) has finished. */
    public void drain() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (executor.pending() > 0 || !queue.isEmpty()) {
            Runnable next = queue.poll(100, TimeUnit.MILLISECONDS);
            if (next != null) {
                next.run();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("background tasks did not finish: " + executor.pending() + " pending");
            }
        }
    }

    @Override
    public void close() {
        executor.close();
    }
}

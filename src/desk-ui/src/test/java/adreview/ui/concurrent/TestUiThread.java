package adreview.ui.concurrent;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The "UI thread" of view-model tests: callbacks queue up and run on the test's own thread when it calls
 * {@link #drain()}, so tests see exactly what a view would see, without starting JavaFX.
 */
public final class TestUiThread implements java.util.concurrent.Executor, AutoCloseable {

    private final LinkedBlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
    private final TaskExecutor executor = new TaskExecutor(2, this);

    public TaskExecutor executor() {
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
            Runnable next = queue.poll(20, TimeUnit.MILLISECONDS);
            if (next != null) {
                next.run();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("background tasks did not finish: " + executor.pending() + " pending");
            }
        }
    }

    /** Runs what is queued now, without waiting for tasks still running. */
    public void runQueued() {
        for (Runnable r; (r = queue.poll()) != null; ) {
            r.run();
        }
    }

    @Override
    public void close() {
        executor.close();
    }
}

package adreview.ui.review;

import javafx.concurrent.Task;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The desk's model worker: daemon threads named {@code model-worker}, one by default (the local backend's one shared
 * model), as many as {@link #setParallelism} says for a server backend; each job is wrapped in a
 * {@link javafx.concurrent.Task} so that it is visible to JavaFX tooling and never runs on the FX thread.
 */
public final class FxModelWorker implements ModelWorker {

    private final AtomicInteger threads = new AtomicInteger();
    private final ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), r -> {
        int n = threads.incrementAndGet();
        Thread t = new Thread(r, n == 1 ? "model-worker" : "model-worker-" + n);
        t.setDaemon(true);
        return t;
    });

    @Override
    public void submit(Runnable job) {
        executor.execute(new Task<Void>() {
            @Override
            protected Void call() {
                job.run();
                return null;
            }
        });
    }

    @Override
    public synchronized void setParallelism(int n) {
        int size = Math.max(1, n);
        // The pool's bounds must stay ordered (core <= max) at every step.
        if (size > executor.getMaximumPoolSize()) {
            executor.setMaximumPoolSize(size);
            executor.setCorePoolSize(size);
        } else {
            executor.setCorePoolSize(size);
            executor.setMaximumPoolSize(size);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}

package adreview.ui.review;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** The worker threads without JavaFX's Task wrapper (which needs a running toolkit): one, or as many as set. */
final class PlainModelWorker implements ModelWorker {

    private final ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), r -> {
        Thread t = new Thread(r, "test-model-worker");
        t.setDaemon(true);
        return t;
    });

    @Override
    public void submit(Runnable job) {
        executor.execute(job);
    }

    @Override
    public synchronized void setParallelism(int n) {
        if (n > executor.getMaximumPoolSize()) {
            executor.setMaximumPoolSize(n);
            executor.setCorePoolSize(n);
        } else {
            executor.setCorePoolSize(n);
            executor.setMaximumPoolSize(n);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

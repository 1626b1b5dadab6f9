package adreview.ui.review;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** The single worker thread without JavaFX's Task wrapper (which needs a running toolkit). */
final class PlainModelWorker implements ModelWorker {

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "test-model-worker");
        t.setDaemon(true);
        return t;
    });

    @Override
    public void submit(Runnable job) {
        executor.execute(job);
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

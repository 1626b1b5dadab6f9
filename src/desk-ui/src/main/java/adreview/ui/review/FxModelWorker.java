package adreview.ui.review;

import javafx.concurrent.Task;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The desk's model worker: one daemon thread named {@code model-worker}; each job is wrapped in a
 * {@link javafx.concurrent.Task} so that it is visible to JavaFX tooling and never runs on the FX thread.
 */
public final class FxModelWorker implements ModelWorker {

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "model-worker");
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
    public void close() {
        executor.shutdownNow();
    }
}

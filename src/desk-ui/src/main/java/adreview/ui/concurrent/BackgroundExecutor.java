package adreview.ui.concurrent;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The one place where the desk decides threads: work runs on a small pool of daemon threads, and
 * its success or failure callbacks run on the UI thread (JavaFX application thread in the app,
 * the calling thread in view-model tests). Every database call and every image decode goes through here.
 */
public final class BackgroundExecutor implements AutoCloseable {

    private final ExecutorService workers;
    private final java.util.concurrent.Executor uiThread;
    private final AtomicInteger pending = new AtomicInteger();

    /**
     * @param threads  number of worker threads (2 is plenty: one for database work, one for images)
     * @param uiThread runs callbacks; {@code Platform::runLater} in the app, {@code Runnable::run} in tests
     */
    public BackgroundExecutor(int threads, java.util.concurrent.Executor uiThread) {
        this.workers = Executors.newFixedThreadPool(threads, new DaemonThreads());
        this.uiThread = Objects.requireNonNull(uiThread);
    }

    /** The executor for the JavaFX application: callbacks via {@code Platform.runLater}. */
    public static BackgroundExecutor forJavaFx() {
        return new BackgroundExecutor(3, javafx.application.Platform::runLater);
    }

    /** Starts describing a background task; call {@link Task#execute()} to run it. */
    public <T> Task<T> task(String description, Callable<T> work) {
        return new Task<>(description, work);
    }

    /** Tasks submitted whose callback has not run yet (0 = idle); tests wait for it, a busy indicator may show it. */
    public int pending() {
        return pending.get();
    }

    /** Runs {@code action} on the UI thread (for progress reported from inside a task). */
    public void onUiThread(Runnable action) {
        uiThread.execute(action);
    }

    @Override
    public void close() {
        workers.shutdownNow();
        try {
            workers.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A unit of background work with callbacks on the UI thread. */
    public final class Task<T> {
        private final String description;
        private final Callable<T> work;
        private Consumer<? super T> onSuccess = value -> { };
        private Consumer<? super Throwable> onFailure = error -> { };

        private Task(String description, Callable<T> work) {
            this.description = description;
            this.work = work;
        }

        public Task<T> onSuccess(Consumer<? super T> callback) {
            this.onSuccess = Objects.requireNonNull(callback);
            return this;
        }

        public Task<T> onFailure(Consumer<? super Throwable> callback) {
            this.onFailure = Objects.requireNonNull(callback);
            return this;
        }

        /** Submits the work; the callbacks run later on the UI thread. */
        public void execute() {
            pending.incrementAndGet();
            workers.execute(() -> {
                T value;
                try {
                    value = work.call();
                } catch (Throwable error) {
                    org.slf4j.LoggerFactory.getLogger(BackgroundExecutor.class)
                            .debug("Background task '{}' failed", description, error);
                    uiThread.execute(() -> finish(() -> onFailure.accept(error)));
                    return;
                }
                uiThread.execute(() -> finish(() -> onSuccess.accept(value)));
            });
        }

        private void finish(Runnable callback) {
            try {
                callback.run();
            } finally {
                pending.decrementAndGet();
            }
        }

        @Override
        public String toString() {
            return description;
        }
    }

    private static final class DaemonThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread thread = new Thread(r, "desk-background-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}

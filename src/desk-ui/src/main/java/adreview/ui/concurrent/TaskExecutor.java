package adreview.ui.concurrent;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs background tasks on one of two lanes and calls back on the UI thread. The I/O lane (a few daemon threads)
 * takes database calls, file reads and image decoding; the model lane takes every model run: one thread by default, so
 * runs queue against the one shared local model in the order they were asked for, or as many as
 * {@link #setModelParallelism} says for a server backend. Both lanes stop on {@link #close()}.
 */
public final class TaskExecutor implements AutoCloseable {

    /** Where a task runs. */
    public enum Lane { IO, MODEL }

    private final ExecutorService io;
    private final ThreadPoolExecutor model;
    private final Executor uiThread;
    private final AtomicInteger pending = new AtomicInteger();

    /**
     * @param ioThreads threads of the I/O lane (2–3: one for the database, one for images)
     * @param uiThread  runs callbacks: {@code Platform::runLater} in the desk, the test's own queue in view-model tests
     */
    public TaskExecutor(int ioThreads, Executor uiThread) {
        this.io = Executors.newFixedThreadPool(ioThreads, new DaemonThreads("desk-io"));
        this.model = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                new DaemonThreads("desk-model"));
        this.uiThread = Objects.requireNonNull(uiThread, "uiThread");
    }

    /** The desk's executor: callbacks through {@code Platform.runLater}. */
    public static TaskExecutor forJavaFx() {
        return new TaskExecutor(3, javafx.application.Platform::runLater);
    }

    /** Starts describing a task on the I/O lane; {@link BackgroundTask#execute()} submits it. */
    public <T> BackgroundTask<T, Void> io(String description, BackgroundTask.Work<T, Void> work) {
        return new BackgroundTask<>(this, Lane.IO, description, work);
    }

    /** Starts describing a task with typed progress on {@code lane}. */
    public <T, P> BackgroundTask<T, P> task(Lane lane, String description, BackgroundTask.Work<T, P> work) {
        return new BackgroundTask<>(this, lane, description, work);
    }

    /** The I/O lane as a plain executor, for work that reports back itself (a download with its own progress). */
    public Executor ioLane() {
        return work -> submit(Lane.IO, () -> {
            try {
                work.run();
            } finally {
                finished();
            }
        });
    }

    /**
     * How many model tasks may run at once: 1 for the local model (one generation at a time), the configured
     * concurrency for a server backend. Tasks still start in the order they were submitted.
     */
    public synchronized void setModelParallelism(int n) {
        int size = Math.max(1, n);
        if (size > model.getMaximumPoolSize()) { // core <= max at every step
            model.setMaximumPoolSize(size);
            model.setCorePoolSize(size);
        } else {
            model.setCorePoolSize(size);
            model.setMaximumPoolSize(size);
        }
    }

    /** Runs {@code action} on the UI thread. */
    public void onUiThread(Runnable action) {
        uiThread.execute(action);
    }

    /** Tasks submitted whose last callback has not run yet (0 = idle); tests wait for it. */
    public int pending() {
        return pending.get();
    }

    void submit(Lane lane, Runnable work) {
        pending.incrementAndGet();
        (lane == Lane.MODEL ? model : io).execute(work);
    }

    void finished() {
        pending.decrementAndGet();
    }

    Executor uiThread() {
        return uiThread;
    }

    @Override
    public void close() {
        io.shutdownNow();
        model.shutdownNow();
        try {
            io.awaitTermination(2, TimeUnit.SECONDS);
            model.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class DaemonThreads implements ThreadFactory {
        private final String prefix;
        private final AtomicInteger count = new AtomicInteger();

        DaemonThreads(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public Thread newThread(Runnable r) {
            Thread thread = new Thread(r, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}

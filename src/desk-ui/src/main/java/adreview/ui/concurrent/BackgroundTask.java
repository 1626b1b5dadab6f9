package adreview.ui.concurrent;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * One unit of background work with typed progress, cancellation and callbacks on the UI thread. Progress is
 * coalesced: however often the work reports, the UI sees at most one pending update with the newest value. A task
 * that was cancelled or made stale ({@link LatestWins}) runs none of its callbacks but {@code onCancelled}.
 *
 * @param <T> the result
 * @param <P> the progress values ({@code Void} for none)
 */
public final class BackgroundTask<T, P> {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundTask.class);

    /** The work itself; runs off the UI thread. */
    @FunctionalInterface
    public interface Work<T, P> {
        T run(Control<P> control) throws Exception;
    }

    /** What the work sees of its task: whether to stop, and where to report progress. */
    public interface Control<P> {
        boolean isCancelled();

        void progress(P value);
    }

    private final TaskExecutor executor;
    private final TaskExecutor.Lane lane;
    private final String description;
    private final Work<T, P> work;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final AtomicReference<P> latestProgress = new AtomicReference<>();
    private final AtomicBoolean progressPosted = new AtomicBoolean();
    private Consumer<? super T> onSuccess = value -> { };
    private Consumer<? super Throwable> onFailure = error -> { };
    private Consumer<? super P> onProgress = value -> { };
    private Runnable onCancelled = () -> { };

    BackgroundTask(TaskExecutor executor, TaskExecutor.Lane lane, String description, Work<T, P> work) {
        this.executor = executor;
        this.lane = lane;
        this.description = description;
        this.work = work;
    }

    public BackgroundTask<T, P> onSuccess(Consumer<? super T> callback) {
        this.onSuccess = Objects.requireNonNull(callback);
        return this;
    }

    public BackgroundTask<T, P> onFailure(Consumer<? super Throwable> callback) {
        this.onFailure = Objects.requireNonNull(callback);
        return this;
    }

    public BackgroundTask<T, P> onProgress(Consumer<? super P> callback) {
        this.onProgress = Objects.requireNonNull(callback);
        return this;
    }

    public BackgroundTask<T, P> onCancelled(Runnable callback) {
        this.onCancelled = Objects.requireNonNull(callback);
        return this;
    }

    /** Asks the work to stop (it polls {@link Control#isCancelled()}); its result, if any, is dropped. */
    public void cancel() {
        cancelled.set(true);
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    /** Submits the work; returns this task (to cancel it later). */
    public BackgroundTask<T, P> execute() {
        executor.submit(lane, this::runWork);
        return this;
    }

    private void runWork() {
        Control<P> control = new Control<>() {
            @Override
            public boolean isCancelled() {
                return cancelled.get() || Thread.currentThread().isInterrupted();
            }

            @Override
            public void progress(P value) {
                latestProgress.set(value);
                if (progressPosted.compareAndSet(false, true)) {
                    executor.uiThread().execute(BackgroundTask.this::deliverProgress);
                }
            }
        };
        Runnable callback;
        try {
            T value = cancelled.get() ? null : work.run(control);
            callback = () -> {
                if (cancelled.get()) {
                    onCancelled.run();
                } else {
                    onSuccess.accept(value);
                }
            };
        } catch (Throwable error) {
            LOG.debug("Background task '{}' failed", description, error);
            callback = () -> {
                if (cancelled.get()) {
                    onCancelled.run();
                } else {
                    onFailure.accept(error);
                }
            };
        }
        Runnable last = callback;
        executor.uiThread().execute(() -> {
            try {
                deliverProgress();
                last.run();
            } finally {
                executor.finished();
            }
        });
    }

    private void deliverProgress() {
        progressPosted.set(false);
        P value = latestProgress.getAndSet(null);
        if (value != null && !cancelled.get()) {
            onProgress.accept(value);
        }
    }

    @Override
    public String toString() {
        return description;
    }
}

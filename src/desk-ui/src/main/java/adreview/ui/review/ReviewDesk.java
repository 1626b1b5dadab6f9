package adreview.ui.review;

import adreview.review.ReviewModel;
import adreview.review.ReviewService;
import adreview.review.decision.ReviewerDecisionRepository;
import adreview.store.TraceRepository;
import javafx.application.Platform;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The review side wired for the desk's window, in one object: the view model on the one model worker,
 * the pane, and the late connection to the database. Create it on the FX thread when the window is built;
 * {@link #connect} when the database session is open; {@link #close} when the window closes.
 */
public final class ReviewDesk implements AutoCloseable {

    private final DeferredBackend backend = new DeferredBackend();
    private final FxModelWorker worker = new FxModelWorker();
    private final Executor background;
    private final ReviewViewModel viewModel;
    private final ReviewPane pane;

    /**
     * @param navigator  the main window's variant list (see {@link SelectionNavigator})
     * @param background the desk's background executor for database reads and writes (never the FX thread)
     * @param windowKeys the main window's own keys for the help overlay, each {group, keys, description}
     */
    public ReviewDesk(VariantNavigator navigator, Executor background, List<String[]> windowKeys) {
        this.background = background;
        this.viewModel = new ReviewViewModel(backend, worker, backend, backend, navigator, background, Platform::runLater);
        this.pane = new ReviewPane(viewModel, windowKeys);
    }

    /** Connects runs, traces and decisions to the open database; then checks the model (off the FX thread). */
    public void connect(ReviewService service, ReviewerDecisionRepository decisions, TraceRepository traces,
                        Path configuredModelDir, ReviewModel model) {
        backend.connect(service, decisions, traces);
        background.execute(() -> {
            ModelReadiness r = ModelReadinessCheck.check(configuredModelDir, model);
            Platform.runLater(() -> {
                viewModel.setReadiness(r);
                viewModel.variantChanged(); // traces of the variant already shown
            });
        });
    }

    public ReviewViewModel viewModel() {
        return viewModel;
    }

    public ReviewPane pane() {
        return pane;
    }

    /** True while a run is being worked on or waits (FX thread). */
    public boolean busy() {
        return viewModel.queue().runningProperty().get();
    }

    /** "Stage 1 · shoe · 3f2a9c1e (and 2 queued)": what a close would stop (FX thread). */
    public String busyDescription() {
        RunQueueViewModel q = viewModel.queue();
        RunItem current = q.currentProperty().get();
        String running = current == null ? "" : current.request().title();
        int queued = q.queuedCountProperty().get();
        return running + (queued == 0 ? "" : (running.isEmpty() ? "" : " and ") + queued + " queued run" + (queued == 1 ? "" : "s"));
    }

    /**
     * The window closes during a run (the reviewer confirmed): drops what is queued, stops the running call
     * within one token and records it as failed (cancelled, with the answer so far), then runs {@code then} on
     * the FX thread. A run that does not stop within {@code wait} (a model still loading) is recorded at once
     * ({@link adreview.review.Cancellation#abandon}). Call on the FX thread; the waiting happens off it.
     */
    public void stopRunsThen(Duration wait, Runnable then) {
        RunItem current = viewModel.queue().stopAll("the desk was closed during the run");
        Thread waiter = new Thread(() -> {
            if (current != null) {
                // The worker runs jobs in order: when this one runs, the stopped run has ended.
                CompletableFuture<Void> drained = new CompletableFuture<>();
                worker.submit(() -> drained.complete(null));
                try {
                    drained.get(wait.toMillis(), TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    current.cancellation().abandon();
                } catch (Exception e) {
                    Thread.currentThread().interrupt();
                }
            }
            Platform.runLater(then);
        }, "desk-close-runs");
        waiter.setDaemon(true);
        waiter.start();
    }

    /** Cancels what runs and stops the model worker. */
    @Override
    public void close() {
        if (Platform.isFxApplicationThread()) {
            viewModel.queue().cancelAll();
        } else {
            Platform.runLater(() -> viewModel.queue().cancelAll());
        }
        worker.close();
    }
}

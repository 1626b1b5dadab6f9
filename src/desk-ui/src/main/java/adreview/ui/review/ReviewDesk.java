package adreview.ui.review;

import adreview.review.ReviewModel;
import adreview.review.ReviewService;
import adreview.review.decision.ReviewerDecisionRepository;
import adreview.store.TraceRepository;
import javafx.application.Platform;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;

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
        connect(service, decisions, traces, configuredModelDir, model, 1);
    }

    /**
     * As above, with {@code concurrency} runs at once (the configured value for a server backend; 1 for the local
     * model, which takes one generation at a time).
     */
    public void connect(ReviewService service, ReviewerDecisionRepository decisions, TraceRepository traces,
                        Path configuredModelDir, ReviewModel model, int concurrency) {
        backend.connect(service, decisions, traces);
        worker.setParallelism(ReviewModel.LOCAL.equals(model.backend()) ? 1 : concurrency);
        background.execute(() -> {
            ModelReadiness r = ModelReadinessCheck.check(configuredModelDir, model);
            String answeredBy = describe(model);
            Platform.runLater(() -> {
                viewModel.setReadiness(r);
                viewModel.setAnsweredBy(answeredBy);
                viewModel.variantChanged(); // traces of the variant already shown
            });
        });
    }

    private static String describe(ReviewModel model) {
        try {
            return model.describe();
        } catch (RuntimeException e) {
            return model.backend() + " backend";
        }
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
     * The window closes during a run (the reviewer confirmed): drops what is queued, stops every running call
     * within one token and records each as failed (cancelled, with the answer so far), then runs {@code then} on
     * the FX thread. A run that does not stop within {@code wait} (a model still loading) is recorded at once
     * ({@link adreview.review.Cancellation#abandon}). Call on the FX thread; the waiting happens off it.
     */
    public void stopRunsThen(Duration wait, Runnable then) {
        List<RunItem> running = viewModel.queue().running();
        viewModel.queue().stopAll("the desk was closed during the run");
        Thread waiter = new Thread(() -> {
            long until = System.nanoTime() + wait.toNanos();
            for (RunItem item : running) {
                try {
                    if (!item.awaitWorkEnded(Math.max(0, (until - System.nanoTime()) / 1_000_000))) {
                        item.cancellation().abandon();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    item.cancellation().abandon();
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

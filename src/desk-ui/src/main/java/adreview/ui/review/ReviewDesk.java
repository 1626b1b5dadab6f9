package adreview.ui.review;

import adreview.review.ReviewModel;
import adreview.review.ReviewService;
import adreview.review.decision.ReviewerDecisionRepository;
import adreview.store.TraceRepository;
import javafx.application.Platform;

import java.nio.file.Path;
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

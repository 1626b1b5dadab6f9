package adreview.ui.data;

import adreview.review.ReviewModel;
import adreview.review.ReviewService;
import adreview.review.decision.ReviewerDecisionRepository;
import adreview.review.measured.VariantMeasurement;
import adreview.store.TraceRepository;
import java.nio.file.Path;

/**
 * What the review side of the window needs from an open session: the application builds these from
 * its database context, so the UI never wires repositories itself. Methods may be called on any thread;
 * {@link #model(Path)} is cheap (nothing loads until the first run).
 */
public interface ReviewSupport {

    /** The model folder the configuration names (may not exist). */
    Path configuredModelDir();

    /** The folder the Models view lists and downloads into. */
    Path modelsDir();

    /**
     * The engine's one shared model on {@code folder}, with the configured device and precision; with a server
     * backend, the server (the folder does not matter).
     */
    ReviewModel model(Path folder);

    /** Runs at once: the configured concurrency for a server backend, 1 for the local model. */
    default int concurrency() {
        return 1;
    }

    /** Stage 1 / Stage 2 runs with {@code model}, storing traces in the session's database. */
    ReviewService reviewService(ReviewModel model);

    ReviewerDecisionRepository decisions();

    TraceRepository traces();

    /**
     * Remembers {@code folder} as the model to use from the next start on (the user's config file); returns
     * where it was saved, or a line saying why it was not. Does file IO: call it off the JavaFX thread.
     */
    String rememberModel(Path folder);

    /** Measured pixel checks of a variant from the store (no model needed). */
    VariantMeasurement measurement();
}

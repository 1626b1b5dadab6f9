package adreview.app;

import adreview.checks.MeasuredChecks;
import adreview.review.ReviewModel;
import adreview.review.ReviewService;
import adreview.store.ReviewerDecisionRepository;
import adreview.review.measured.VariantMeasurement;
import adreview.review.prompt.PromptLibrary;
import adreview.review.remote.ConnectionCheck;
import adreview.review.remote.OpenAiReviewModel;
import adreview.review.remote.RemoteSettings;

/** Builds the review parts from an open {@link DeskContext}: one place for CLI and UI. */
public final class ReviewWiring {

    private ReviewWiring() {
    }

    public static ReviewService reviewService(DeskContext context, ReviewModel model) {
        return new ReviewService(context.database(), context.variants(), context.traces(), context.adCopy(),
                context.renders(), context.assets(), new PromptLibrary(), model, measurement(context), context.claims());
    }

    /** The measured checks (no model) on the context's store; stored with each stage run. */
    public static VariantMeasurement measurement(DeskContext context) {
        return new VariantMeasurement(context.variants(), context.renders(), context.overlays(), context.assets(),
                new MeasuredChecks(), context.config().imageLimits());
    }

    public static ReviewerDecisionRepository decisions(DeskContext context) {
        return new ReviewerDecisionRepository(context.database());
    }

    /**
     * The configured model folder on the engine's one shared model. Cheap: nothing loads until the
     * first run; a missing or incomplete folder is reported by {@link ReviewModel#unavailableReason()}.
     */
    public static ReviewModel model(DeskConfig config) {
        if (config.remote()) {
            return remoteModel(config);
        }
        try {
            return adreview.review.LlavaReviewModel.shared(config.modelDir(), config.device(), config.precision(),
                    config.imageLimits());
        } catch (IllegalArgumentException e) {
            return new UnavailableModel(e.getMessage(), ReviewModel.LOCAL);
        }
    }

    /**
     * The OpenAI-compatible server of {@code backend = openai}. Cheap: nothing is asked of the server until a run
     * prepares. Without a server URL every run is refused, saying how to set one.
     */
    static ReviewModel remoteModel(DeskConfig config) {
        if (config.endpoint() == null) {
            return new UnavailableModel("The openai backend has no server URL: set ADREVIEW_ENDPOINT, endpoint in "
                    + "desk.properties or --endpoint (e.g. http://host:8000/v1)", OpenAiReviewModel.BACKEND);
        }
        return new OpenAiReviewModel(RemoteSettings.of(config.endpoint(), config.remoteModel(), config.apiKey()));
    }

    /**
     * The settings dialog's "Test connection": for a server, {@code GET /models} and one tiny request, in one line;
     * for the local backend, what would load. Runs on the caller's thread (seconds at most for a server).
     */
    public static String testConnection(DeskConfig config) {
        ReviewModel model = model(config);
        if (model instanceof OpenAiReviewModel remote) {
            ConnectionCheck check = ConnectionCheck.run(remote);
            return (check.ok() ? "OK: " : "Failed: ") + check.summary();
        }
        return model.unavailableReason().map(reason -> "Failed: " + reason)
                .orElse("OK: the local backend needs no connection; it uses " + model.describe());
    }

    /** A model that cannot run, and says why. */
    static final class UnavailableModel implements ReviewModel {
        private final String reason;
        private final String backend;

        UnavailableModel(String reason, String backend) {
            this.reason = reason;
            this.backend = backend;
        }

        @Override
        public String backend() {
            return backend;
        }

        @Override
        public String describe() {
            return "no usable model (" + reason + ")";
        }

        @Override
        public java.util.Optional<String> unavailableReason() {
            return java.util.Optional.of(reason);
        }

        @Override
        public ModelInfo info() {
            return new ModelInfo("none", "none", "none", "none");
        }

        @Override
        public adreview.review.structured.TokenVocabulary vocabulary() {
            throw new adreview.review.ModelUnavailableException(reason);
        }

        @Override
        public Generation generate(java.nio.file.Path image, String prompt, adreview.llava.generate.TokenConstraint constraint,
                                   int maxNewTokens, adreview.review.RunListener listener, java.util.function.BooleanSupplier cancelled) {
            throw new adreview.review.ModelUnavailableException(reason);
        }
    }
}

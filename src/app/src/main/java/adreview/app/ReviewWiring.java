package adreview.app;

import adreview.checks.MeasuredChecks;
import adreview.review.ReviewModel;
import adreview.review.ReviewService;
import adreview.review.decision.ReviewerDecisionRepository;
import adreview.review.measured.VariantMeasurement;
import adreview.review.prompt.PromptLibrary;

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
        try {
            return adreview.review.LlavaReviewModel.shared(config.modelDir(), config.device(), config.precision(),
                    config.imageLimits());
        } catch (IllegalArgumentException e) {
            return new UnavailableModel(e.getMessage());
        }
    }

    /** A model that cannot run, and says why. */
    static final class UnavailableModel implements ReviewModel {
        private final String reason;

        UnavailableModel(String reason) {
            this.reason = reason;
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

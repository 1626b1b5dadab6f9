package adreview.desk;

import adreview.checks.Disagreement;
import adreview.checks.MeasuredChecks;
import adreview.checks.MeasuredReport;
import adreview.review.Cancellation;
import adreview.review.ReviewModel;
import adreview.review.ReviewService;
import adreview.review.RunListener;
import adreview.review.RunOutcome;
import adreview.review.RunRequest;
import adreview.review.decision.ReviewerDecision;
import adreview.store.ReviewerDecisionRepository;
import adreview.review.report.AgreementQueries;
import adreview.review.decision.Verdict;
import adreview.review.measured.VariantMeasurement;
import adreview.review.result.Results;
import adreview.review.result.Stage2Result;
import adreview.store.AdCopy;
import adreview.store.AdCopyResolver;
import adreview.store.AssetLocation;
import adreview.store.AssetResolver;
import adreview.store.JobRepository;
import adreview.store.RenderResolver;
import adreview.store.ResolvedRender;
import adreview.store.Trace;
import adreview.store.TraceRepository;
import adreview.store.Variant;
import adreview.store.VariantFilter;
import adreview.store.VariantRepository;
import adreview.store.VariantRow;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The desk's facade over an open store: every {@link DeskService} question answered with the repositories, the
 * review service on the model in use, the measured checks and the model manager. Built by the composition root
 * ({@code adreview.app}), which owns what it was given and closes it through {@link #close()}.
 */
public final class StoreDeskService implements DeskService {

    /** What the composition root hands over: the open store and how to make models and services. */
    public record Parts(String databaseDescription, int recoveredRuns, Supplier<List<DeskSetting>> settings,
                        VariantRepository variants, JobRepository jobs, TraceRepository traces,
                        AdCopyResolver adCopies, RenderResolver renders, AssetResolver assets,
                        ReviewerDecisionRepository decisions, AgreementQueries reports, VariantMeasurement measurement,
                        Function<Path, ReviewModel> models, Function<ReviewModel, ReviewService> reviews,
                        Path modelInUse, Function<Path, String> rememberModel, int concurrency,
                        ModelLibrary library, Runnable closer) {
        public Parts {
            Objects.requireNonNull(variants, "variants");
            Objects.requireNonNull(models, "models");
            Objects.requireNonNull(reviews, "reviews");
            Objects.requireNonNull(reports, "reports");
            Objects.requireNonNull(closer, "closer");
        }
    }

    /** The model in use and the review service on it; swapped whole when the reviewer picks another model. */
    private record Review(Path folder, ReviewModel model, ReviewService service) {
    }

    private final Parts parts;
    private volatile Review review;

    public StoreDeskService(Parts parts) {
        this.parts = parts;
        this.review = reviewOn(parts.modelInUse());
    }

    private Review reviewOn(Path folder) {
        ReviewModel model = parts.models().apply(folder);
        return new Review(folder, model, parts.reviews().apply(model));
    }

    @Override
    public String databaseDescription() {
        return parts.databaseDescription();
    }

    @Override
    public int recoveredRuns() {
        return parts.recoveredRuns();
    }

    @Override
    public List<DeskSetting> settings() {
        return parts.settings().get();
    }

    @Override
    public List<ListedVariant> variants() {
        List<VariantRow> rows = parts.variants().list(VariantFilter.ALL);
        Map<UUID, ReviewerDecision> decisions = parts.decisions().latestFor(rows.stream().map(VariantRow::variantId).toList());
        List<ListedVariant> listed = new ArrayList<>(rows.size());
        for (VariantRow r : rows) {
            listed.add(new ListedVariant(r, decisions.get(r.variantId())));
        }
        return listed;
    }

    @Override
    public Optional<VariantDetail> detail(UUID variantId) {
        Optional<Variant> found = parts.variants().find(variantId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Variant v = found.get();
        ResolvedRender render = parts.renders().resolve(variantId, null);
        return Optional.of(new VariantDetail(v, parts.jobs().find(v.jobId()).orElse(null), locate(v.imageUrl()),
                render, render.present() ? locate(render.url()) : null, parts.adCopies().resolve(v.jobId(), null),
                parts.traces().history(variantId, v.jobId()), parts.decisions().history(variantId)));
    }

    @Override
    public AdCopy adCopy(UUID jobId, String typed) {
        return parts.adCopies().resolve(jobId, typed);
    }

    @Override
    public AssetLocation locate(String imageUrl) {
        return parts.assets().resolve(imageUrl);
    }

    @Override
    public RunOutcome run(RunRequest request, RunListener listener, Cancellation cancellation) {
        return review.service().run(request, listener, cancellation);
    }

    @Override
    public ReviewerDecision decide(UUID variantId, Verdict verdict, String comment, String reviewer, UUID traceId) {
        return parts.decisions().record(variantId, verdict, comment, reviewer, traceId);
    }

    @Override
    public ReviewerDecision retract(UUID decisionId, String reviewer) {
        return parts.decisions().retract(decisionId, reviewer);
    }

    @Override
    public VariantMeasured measure(UUID variantId) {
        MeasuredReport report = parts.measurement().measure(variantId, null);
        return new VariantMeasured(report, disagreements(report, variantId));
    }

    /** Against the variant's latest Stage 2 answer (re-judges included: the reviewer compares with what they see). */
    private List<Disagreement> disagreements(MeasuredReport report, UUID variantId) {
        for (Trace t : parts.traces().forVariant(variantId)) { // newest first
            var result = Results.fromResponse(t.operationType(), t.response());
            if (result.isPresent() && result.get() instanceof Stage2Result s2) {
                return MeasuredChecks.disagreements(report, s2.contrastOk(), s2.ctaPresent(), s2.occlusion());
            }
        }
        return List.of();
    }

    @Override
    public ModelStatus modelStatus() {
        Review r = review;
        ReviewModel model = r.model();
        boolean local = ReviewModel.LOCAL.equals(model.backend());
        int parallel = local ? 1 : parts.concurrency();
        Optional<String> problem = model.unavailableReason();
        if (problem.isPresent()) {
            // A server has no folder to download: what to configure, and Settings shows where each value comes from.
            ModelStatus missing = local
                    ? ModelStatus.missing(problem.get(), "Open Models to download one, or run: " + ModelStatus.DOWNLOAD_COMMAND)
                    : ModelStatus.missing(problem.get(), "Settings shows the configuration and where each value comes from.");
            return missing.answeredBy("", local, parallel);
        }
        String name = !local || r.folder() == null ? model.info().folderName() : r.folder().getFileName().toString();
        return ModelStatus.ready(name).answeredBy(describe(model), local, parallel);
    }

    /** The model's own description; a server that cannot say is named by its backend. */
    private static String describe(ReviewModel model) {
        try {
            return model.describe();
        } catch (RuntimeException e) {
            return model.backend() + " backend";
        }
    }

    @Override
    public ModelLibrary models() {
        return parts.library();
    }

    @Override
    public AgreementQueries reports() {
        return parts.reports();
    }

    @Override
    public String useModel(Path folder) {
        review = reviewOn(folder);
        return parts.rememberModel().apply(folder);
    }

    @Override
    public Path modelInUse() {
        return review.folder();
    }

    @Override
    public void close() {
        parts.closer().run();
    }
}

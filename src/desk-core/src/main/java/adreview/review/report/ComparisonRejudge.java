package adreview.review.report;

import adreview.review.ModelUnavailableException;
import adreview.review.ReviewService;
import adreview.review.RunOutcome;
import adreview.review.RunRequest;
import adreview.review.StageRefusedException;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * "Compare runs" with fresh verdicts: re-judges the chosen variants with side A, then with side B,
 * through the review service's ordinary re-judge path (new traces with {@code rejudge=true}, who and
 * why; the variants' state untouched), then compares the two sides' latest traces. All of side A runs
 * before side B, so that two model sides load each model once (the engine keeps one model at a time).
 */
public final class ComparisonRejudge {

    /** The review service that runs a side: its model folder (null: the configured model). */
    @FunctionalInterface
    public interface Services {
        ReviewService forSide(RunSide side);
    }

    /** Hears about each run as it finishes (on the calling thread). */
    @FunctionalInterface
    public interface Progress {
        /**
         * @param outcome the run's outcome, or null when it was refused ({@code refusal} says why)
         * @param done    runs finished so far, of {@code total}
         */
        void ran(RunSide side, UUID variantId, RunOutcome outcome, String refusal, int done, int total);

        Progress NONE = (side, variant, outcome, refusal, done, total) -> { };
    }

    private final AgreementReports reports;
    private final Services services;

    public ComparisonRejudge(AgreementReports reports, Services services) {
        this.reports = Objects.requireNonNull(reports);
        this.services = Objects.requireNonNull(services);
    }

    /**
     * Re-judges and compares. The variants are the request's, else its most recently decided ones.
     *
     * @param reviewer  recorded on every re-judge trace
     * @param cancelled checked between runs and inside each; the comparison then covers what ran
     * @throws ModelUnavailableException when a side's model cannot run at all (nothing more is tried)
     */
    public RunComparison run(ComparisonRequest request, String reviewer, Progress progress, BooleanSupplier cancelled) {
        Progress p = progress == null ? Progress.NONE : progress;
        BooleanSupplier stop = cancelled == null ? () -> false : cancelled;
        List<UUID> ids = reports.comparisonVariants(request, false);
        String reason = "compare " + request.a().label() + " with " + request.b().label();
        int total = ids.size() * 2;
        int done = 0;
        for (RunSide side : List.of(request.a(), request.b())) {
            ReviewService service = services.forSide(side);
            for (UUID id : ids) {
                if (stop.getAsBoolean()) {
                    break;
                }
                RunRequest run = RunRequest.rejudge(request.filter().stage(), id, reviewer, reason)
                        .withPromptVersion(side.promptVersion());
                try {
                    RunOutcome outcome = service.run(run, null, stop);
                    p.ran(side, id, outcome, null, ++done, total);
                } catch (StageRefusedException e) {
                    p.ran(side, id, null, e.getMessage(), ++done, total);
                }
            }
        }
        return reports.compareOn(request, ids);
    }
}

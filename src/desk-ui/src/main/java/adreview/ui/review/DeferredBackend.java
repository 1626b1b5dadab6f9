package adreview.ui.review;

import adreview.review.ReviewService;
import adreview.review.decision.ReviewerDecisionRepository;
import adreview.review.decision.Verdict;
import adreview.store.TraceRepository;

import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * The review backend before and after the database is open: the window (and the review pane) exist at
 * once, the database arrives later in the background. Until {@link #connect} runs are refused and decisions
 * fail with a message that says why; traces are empty.
 */
public final class DeferredBackend implements StageRunner, DecisionRecorder, TraceSource {

    private static final String NOT_OPEN = "The database is not open yet: wait for the variant list to load";

    private volatile StageRunner runner;
    private volatile DecisionRecorder decisions;
    private volatile TraceSource traces;

    /** Called once the desk's database session is open (any thread). */
    public void connect(ReviewService service, ReviewerDecisionRepository decisionRepository, TraceRepository traceRepository) {
        this.traces = new RepositoryTraceSource(traceRepository);
        this.decisions = new RepositoryDecisionRecorder(decisionRepository);
        this.runner = new ReviewServiceStageRunner(service);
    }

    public boolean isConnected() {
        return runner != null;
    }

    @Override
    public RunOutcome run(RunRequest request, ProgressSink progress, BooleanSupplier cancelled) throws Exception {
        StageRunner r = runner;
        return r == null ? new RunOutcome.Refused(NOT_OPEN) : r.run(request, progress, cancelled);
    }

    @Override
    public Decision record(UUID variantId, Verdict verdict, String comment, String reviewer) throws Exception {
        DecisionRecorder d = decisions;
        if (d == null) {
            throw new IllegalStateException(NOT_OPEN);
        }
        return d.record(variantId, verdict, comment, reviewer);
    }

    @Override
    public List<TraceEntry> tracesOf(UUID variantId) throws Exception {
        TraceSource t = traces;
        return t == null ? List.of() : t.tracesOf(variantId);
    }
}

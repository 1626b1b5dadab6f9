package adreview.ui.review;

import adreview.review.decision.ReviewerDecision;
import adreview.review.decision.ReviewerDecisionRepository;
import adreview.review.decision.Verdict;

import java.util.UUID;

/** Decisions into the append-only {@code reviewer_decisions} table. */
public final class RepositoryDecisionRecorder implements DecisionRecorder {

    private final ReviewerDecisionRepository repository;

    public RepositoryDecisionRecorder(ReviewerDecisionRepository repository) {
        this.repository = repository;
    }

    @Override
    public Decision record(UUID variantId, Verdict verdict, String comment, String reviewer) {
        ReviewerDecision d = repository.record(variantId, verdict, comment, reviewer, null);
        return new Decision(d.variantId(), d.verdict(), d.comment(), d.reviewer(), d.createdAt());
    }
}

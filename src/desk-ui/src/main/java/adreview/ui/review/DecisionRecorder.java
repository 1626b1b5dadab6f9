package adreview.ui.review;

import adreview.review.decision.Verdict;
import java.time.Instant;
import java.util.UUID;

/** Appends reviewer decisions to their own table (never model traces). Called off the UI thread. */
public interface DecisionRecorder {

    /** What was stored. */
    record Decision(UUID variantId, Verdict verdict, String comment, String reviewer, Instant decidedAt) { }

    /**
     * @param comment  optional, null when none
     * @param reviewer optional, null when none
     */
    Decision record(UUID variantId, Verdict verdict, String comment, String reviewer) throws Exception;
}

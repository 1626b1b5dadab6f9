/**
 * Reviewer decisions (Accept / Needs fix / Reject with comment and name), stored append-only in the
 * desk's own {@code reviewer_decisions} table, apart from the model traces, by
 * {@link adreview.store.ReviewerDecisionRepository} (the SQL lives in {@code store}).
 */
package adreview.review.decision;

/**
 * Reviewer decisions (Accept / Needs fix / Reject with comment and name), stored append-only in the
 * desk's own {@code reviewer_decisions} table, apart from the model traces. Uses {@code store}'s Database.
 */
package adreview.review.decision;

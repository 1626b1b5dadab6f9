/**
 * The review side of the desk: running Stage 1 / Stage 2 through one queued background worker,
 * showing the structured results, comparing traces and recording reviewer decisions by keyboard.
 * View models here hold state as read-only properties and reach the backend only through the small
 * interfaces of this package ({@link adreview.ui.review.StageRunner}, {@link adreview.ui.review.DecisionRecorder},
 * {@link adreview.ui.review.TraceSource}); views only lay out controls.
 */
package adreview.ui.review;

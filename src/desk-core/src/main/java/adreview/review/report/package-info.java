/**
 * Does the model agree with the reviewers? Agreement reports over the stored traces and reviewer
 * decisions (confusion matrix, agreement rate, Cohen's kappa with a confidence interval, grouped and
 * over time), the disagreeing variants, and comparisons of two prompt versions or models. The counting
 * is SQL in {@link adreview.store.report.AgreementRepository}; {@link adreview.review.report.AgreementQueries}
 * is all the UI sees. Depends on {@code store} and {@code review}; nothing here knows about JavaFX.
 */
package adreview.review.report;

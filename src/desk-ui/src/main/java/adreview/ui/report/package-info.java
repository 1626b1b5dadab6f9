/**
 * The Report view: does the model agree with the reviewers? Filters like the list's, the confusion matrix
 * and the agreement over time as charts, kappa, the groups and criteria, the disagreeing variants (a click
 * opens one in the main window) and the comparison of two prompt versions or models. The view models
 * reach the report only through {@link adreview.review.report.AgreementQueries}, on the background executor.
 */
package adreview.ui.report;

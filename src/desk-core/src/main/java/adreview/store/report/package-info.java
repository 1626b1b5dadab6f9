/**
 * The agreement report's SQL: {@link adreview.store.report.AgreementRepository} counts model-vs-reviewer pairs with
 * {@code GROUP BY} statements that {@code ReportSql} builds (bound parameters only, through {@code Sql}); the
 * statistics and the report's shape live in {@code adreview.review.report}.
 */
package adreview.store.report;

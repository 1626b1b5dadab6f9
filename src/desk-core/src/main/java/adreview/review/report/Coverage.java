package adreview.review.report;

/**
 * What the pairs leave out, under the same filters: variants with a current decision but no model
 * verdict, and variants with a verdict but no decision yet.
 */
public record Coverage(long decidedWithoutVerdict, long verdictWithoutDecision) {
}

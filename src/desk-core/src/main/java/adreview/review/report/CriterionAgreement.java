package adreview.review.report;

/**
 * One criterion of Stage 2 (or image quality of Stage 1) checked against another source.
 *
 * @param criterion {@code offbrief}, {@code occlusion}, {@code contrast}, {@code cta} or {@code quality}
 * @param against   {@link #REVIEWER_TAGS} (the decision's comment tags) or {@link #MEASURED} (the
 *                  measured checks stored in the trace)
 * @param agreement the "problem"/"ok" table ({@link Pairing#FLAGS}); the model's side is the row
 */
public record CriterionAgreement(String criterion, String against, Agreement agreement) {
    public static final String REVIEWER_TAGS = "reviewer_tags";
    public static final String MEASURED = "measured";
}

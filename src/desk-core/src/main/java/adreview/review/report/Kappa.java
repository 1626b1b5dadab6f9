package adreview.review.report;

/**
 * Cohen's kappa with its asymptotic standard error and 95 % confidence interval
 * ({@link CohenKappa}). Every field is NaN where kappa is undefined: no pairs, or both sides put
 * every variant in the same category (chance agreement 1). Standard error and interval alone are NaN
 * where one side used a single category.
 */
public record Kappa(double value, double standardError, double low, double high) {

    public static final Kappa UNDEFINED = new Kappa(Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    public boolean defined() {
        return !Double.isNaN(value);
    }

    /** Whether the standard error and interval exist (see {@link CohenKappa}). */
    public boolean hasInterval() {
        return !Double.isNaN(standardError);
    }
}

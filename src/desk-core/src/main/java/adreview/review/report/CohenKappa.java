package adreview.review.report;

/**
 * Cohen's kappa of a square contingency table of counts (rows: one rater, columns: the other, same
 * categories in the same order), with the large-sample standard error of Fleiss, Cohen and Everitt:
 *
 * <pre>
 *   p_ij = n_ij / n,  p_i. = row share,  p_.j = column share
 *   p_o  = Σ p_ii,    p_e = Σ p_i. p_.i,  κ = (p_o − p_e) / (1 − p_e)
 *   Var(κ) = [ Σ_i p_ii (1 − (p_i. + p_.i)(1 − κ))²
 *            + (1 − κ)² Σ_{i≠j} p_ij (p_.i + p_j.)²
 *            − (κ − p_e (1 − κ))² ] / ( n (1 − p_e)² )
 *   95 % CI = κ ± 1.96 √Var(κ), clipped to kappa's range [−1, 1]
 * </pre>
 *
 * <p>Where one side used a single category, kappa is 0 (or undefined when both did) and no standard error
 * or interval is given: the formula's variance is 0 there, which is an artefact, not certainty.
 *
 * <p>Sources: J. L. Fleiss, J. Cohen, B. S. Everitt, "Large sample standard errors of kappa and
 * weighted kappa", Psychological Bulletin 72(5), 1969, 323–327; the same formula is the "ASE" of
 * SAS PROC FREQ's AGREE option (SAS/STAT User's Guide, "Tests and Measures of Agreement"), whose
 * printouts the tests reproduce. It is the standard error without the null hypothesis κ = 0, the one
 * for a confidence interval (Cohen's 1960 {@code √(p_o(1 − p_o) / (n (1 − p_e)²))} is its rougher
 * approximation).
 */
public final class CohenKappa {

    /** Two-sided 95 % normal quantile. */
    static final double Z95 = 1.959963984540054;

    private CohenKappa() {
    }

    /** Kappa of a k × k table; {@link Kappa#UNDEFINED} for an empty table or chance agreement 1. */
    public static Kappa of(long[][] table) {
        int k = table.length;
        double n = 0;
        for (long[] row : table) {
            if (row.length != k) {
                throw new IllegalArgumentException("kappa needs a square table, got " + k + " rows of " + row.length);
            }
            for (long c : row) {
                n += c;
            }
        }
        if (n == 0) {
            return Kappa.UNDEFINED;
        }
        double[] rows = new double[k];
        double[] cols = new double[k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                rows[i] += table[i][j] / n;
                cols[j] += table[i][j] / n;
            }
        }
        double po = 0;
        double pe = 0;
        for (int i = 0; i < k; i++) {
            po += table[i][i] / n;
            pe += rows[i] * cols[i];
        }
        if (1 - pe < 1e-12) {
            return Kappa.UNDEFINED;
        }
        double kappa = (po - pe) / (1 - pe);
        double a = 0;
        double b = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double p = table[i][j] / n;
                if (i == j) {
                    double t = 1 - (rows[i] + cols[i]) * (1 - kappa);
                    a += p * t * t;
                } else {
                    double t = cols[i] + rows[j];
                    b += p * t * t;
                }
            }
        }
        b *= (1 - kappa) * (1 - kappa);
        double c = kappa - pe * (1 - kappa);
        if (usedCategories(rows) < 2 || usedCategories(cols) < 2) {
            // One side put everything in one category: kappa is 0 by construction and the formula's
            // variance collapses to 0, which would claim a certainty the data does not have.
            return new Kappa(kappa, Double.NaN, Double.NaN, Double.NaN);
        }
        double variance = Math.max(0, (a + b - c * c) / (n * (1 - pe) * (1 - pe)));
        double se = Math.sqrt(variance);
        return new Kappa(kappa, se, Math.max(-1, kappa - Z95 * se), Math.min(1, kappa + Z95 * se));
    }

    private static int usedCategories(double[] shares) {
        int used = 0;
        for (double s : shares) {
            if (s > 0) {
                used++;
            }
        }
        return used;
    }

    /**
     * Kappa of a two-by-two table: {@code both} = both sides said yes, {@code firstOnly} = the first
     * (row) side only, {@code secondOnly} = the second only, {@code neither} = both said no.
     */
    public static Kappa binary(long both, long firstOnly, long secondOnly, long neither) {
        return of(new long[][] {{both, firstOnly}, {secondOnly, neither}});
    }
}

package adreview.review.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Kappa and its confidence interval against published worked examples, and hand-computed ones. */
class CohenKappaTest {

    /**
     * SAS/STAT User's Guide, PROC FREQ, "Getting Started: Agreement Study" (two dermatologists rate 88
     * patients terrible / poor / marginal / clear): "The kappa coefficient has the value 0.3449 ... the
     * confidence interval of (0.2030, 0.4868)". By hand: n = 88, diagonal 10 + 10 + 12 + 13 = 45,
     * p_o = 45/88; row totals 15, 29, 23, 21, column totals 17, 20, 31, 20, p_e = (255 + 580 + 713 + 420)/88²
     * = 1968/7744; κ = (45/88 − 1968/7744) / (1 − 1968/7744) = 0.34488.
     */
    @Test
    void sasDermatologistsExample() {
        Kappa k = CohenKappa.of(new long[][] {
                {10, 4, 1, 0},
                {5, 10, 12, 2},
                {2, 4, 12, 5},
                {0, 2, 6, 13}});
        assertThat(k.value()).isCloseTo(0.3449, within(0.00005));
        assertThat(k.low()).isCloseTo(0.2030, within(0.00005));
        assertThat(k.high()).isCloseTo(0.4868, within(0.00005));
    }

    /**
     * The SAS printout statsmodels tests {@code cohens_kappa} against (statsmodels/stats/tests/
     * test_inter_rater.py, {@code table10}): Kappa 0.4842, ASE 0.1380, 95 % limits 0.2137 and 0.7547.
     * By hand: n = 19, p_o = 13/19, p_e = (5·0 + 8·13 + 6·6)/361 = 140/361, κ = 0.48417; A = 0.19743,
     * B = 0.01893, C = 0.08073, Var = 0.13563 / (19 · 0.61219²) = 0.019048, ASE = 0.13801.
     */
    @Test
    void statsmodelsSasTable() {
        Kappa k = CohenKappa.of(new long[][] {{0, 4, 1}, {0, 8, 0}, {0, 1, 5}});
        assertThat(k.value()).isCloseTo(0.4842, within(0.00005));
        assertThat(k.standardError()).isCloseTo(0.1380, within(0.00005));
        assertThat(k.low()).isCloseTo(0.2137, within(0.00005));
        assertThat(k.high()).isCloseTo(0.7547, within(0.00005));
    }

    /**
     * The two-by-two example of the Wikipedia article on Cohen's kappa (50 grant proposals: both yes 20,
     * A yes B no 5, A no B yes 10, both no 15): p_o = 0.7, p_e = 0.5·0.6 + 0.5·0.4 = 0.5, κ = 0.4.
     * Standard error by hand: A = 0.4·0.34² + 0.3·0.46² = 0.10972, B = 0.36·(0.1·1.1² + 0.2·0.9²) = 0.10188,
     * C = (0.4 − 0.5·0.6)² = 0.01; Var = 0.2016 / (50 · 0.25) = 0.016128, SE = 0.126996.
     */
    @Test
    void twoByTwoByHand() {
        Kappa k = CohenKappa.binary(20, 5, 10, 15);
        assertThat(k.value()).isCloseTo(0.4, within(1e-12));
        assertThat(k.standardError()).isCloseTo(Math.sqrt(0.016128), within(1e-9));
        assertThat(k.low()).isCloseTo(0.4 - CohenKappa.Z95 * 0.126996, within(1e-6));
    }

    @Test
    void perfectChanceAndUndefinedTables() {
        Kappa perfect = CohenKappa.binary(7, 0, 0, 3);
        assertThat(perfect.value()).isEqualTo(1.0);
        assertThat(perfect.standardError()).isZero();
        // Agreement no better than the marginals predict.
        assertThat(CohenKappa.binary(1, 1, 1, 1).value()).isZero();
        // Everyone in one category on both sides: chance agreement 1, kappa undefined; likewise no pairs.
        assertThat(CohenKappa.binary(5, 0, 0, 0)).isEqualTo(Kappa.UNDEFINED);
        assertThat(CohenKappa.binary(0, 0, 0, 0)).isEqualTo(Kappa.UNDEFINED);
        // One side used one category only: kappa is 0, its interval is not given (the formula's variance is 0).
        Kappa oneSided = CohenKappa.binary(0, 2, 0, 18);
        assertThat(oneSided.value()).isZero();
        assertThat(oneSided.standardError()).isNaN();
        assertThat(oneSided.low()).isNaN();
        // An interval past 1 is clipped: n = 4, three agree.
        assertThat(CohenKappa.binary(2, 1, 0, 1).high()).isEqualTo(1.0);
        assertThatThrownBy(() -> CohenKappa.of(new long[][] {{1, 2, 3}, {4, 5, 6}})).hasMessageContaining("square");
    }
}

package adreview.ui.report;

import adreview.review.report.Agreement;
import adreview.review.report.Kappa;
import java.util.Locale;

/** How the Report view writes its numbers. */
final class ReportTexts {

    private ReportTexts() {
    }

    /** "77.8 %", or "—" when there are no pairs. */
    static String percent(double share) {
        return Double.isNaN(share) ? "—" : String.format(Locale.ROOT, "%.1f %%", share * 100);
    }

    /** "0.50", or "—" when undefined. */
    static String kappa(Kappa k) {
        return k.defined() ? String.format(Locale.ROOT, "%.2f", k.value()) : "—";
    }

    /** "−0.10 to 1.10", or "" when undefined. */
    static String interval(Kappa k) {
        return k.hasInterval() ? String.format(Locale.ROOT, "%.2f to %.2f", k.low(), k.high()) : "";
    }

    /** "25 pairs · 14 agree · 56.0 % · κ 0.12 (95 % CI −0.20 to 0.44)". */
    static String summary(Agreement a) {
        if (a.total() == 0) {
            return "No pairs: nothing has both a model verdict and a reviewer decision under these filters.";
        }
        String k = !a.kappa().defined() ? "κ undefined (one category only)"
                : a.kappa().hasInterval() ? "κ " + kappa(a.kappa()) + " (95 % CI " + interval(a.kappa()) + ")"
                : "κ " + kappa(a.kappa()) + " (one side used one category: no interval)";
        return a.total() + (a.total() == 1 ? " pair" : " pairs") + " · " + a.agree() + " agree · "
                + percent(a.agreement()) + " · " + k;
    }
}

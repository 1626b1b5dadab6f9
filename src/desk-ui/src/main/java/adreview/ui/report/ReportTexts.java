package adreview.ui.report;

import adreview.review.report.Agreement;
import adreview.review.report.Kappa;
import adreview.ui.i18n.Messages;
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
        return k.hasInterval() ? Messages.get("report.interval", String.format(Locale.ROOT, "%.2f", k.low()),
                String.format(Locale.ROOT, "%.2f", k.high())) : "";
    }

    /** "25 pairs · 14 agree · 56.0 % · κ 0.12 (95 % CI −0.20 to 0.44)". */
    static String summary(Agreement a) {
        if (a.total() == 0) {
            return Messages.get("report.noPairs");
        }
        String k = !a.kappa().defined() ? Messages.get("report.kappa.undefined")
                : a.kappa().hasInterval() ? Messages.get("report.kappa.interval", kappa(a.kappa()), interval(a.kappa()))
                : Messages.get("report.kappa.noInterval", kappa(a.kappa()));
        return Messages.get(a.total() == 1 ? "report.summary.one" : "report.summary", String.valueOf(a.total()),
                String.valueOf(a.agree()), percent(a.agreement()), k);
    }
}

package adreview.app.cli;

import adreview.review.report.Agreement;
import adreview.review.report.AgreementReport;
import adreview.review.report.ComparedVariant;
import adreview.review.report.CriterionAgreement;
import adreview.review.report.DisagreeingVariant;
import adreview.review.report.GroupAgreement;
import adreview.review.report.Kappa;
import adreview.review.report.Pairing;
import adreview.review.report.ReportFilter;
import adreview.review.report.RunComparison;
import adreview.review.prompt.Prompt;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The report, its disagreements and comparisons as text for a terminal. */
final class ReportText {

    private ReportText() {
    }

    static String report(AgreementReport r) {
        StringBuilder out = new StringBuilder();
        ReportFilter f = r.filter();
        out.append("Stage ").append(f.stageNumber()).append(": ")
                .append(f.includeRejudges() ? "latest verdicts (re-judges included)" : "latest pipeline verdicts")
                .append(" against current reviewer decisions").append(filters(f)).append('\n');
        out.append("  ").append(summary(r.overall())).append('\n');
        matrix(out, r.pairing(), r.overall());
        out.append("  not paired: ").append(r.coverage().decidedWithoutVerdict()).append(" decided without a verdict, ")
                .append(r.coverage().verdictWithoutDecision()).append(" verdict without a decision\n");
        if (!r.groups().isEmpty()) {
            out.append("\nBy ").append(r.groupBy().cliName()).append(":\n");
            int width = r.groups().stream().mapToInt(g -> g.group().length()).max().orElse(5);
            for (GroupAgreement g : r.groups()) {
                out.append("  ").append(pad(g.group(), width)).append("  ").append(summary(g.agreement())).append('\n');
            }
        }
        flags(out, "Criteria against the comment tags (#offbrief #occlusion #contrast #cta)", r.criteria());
        flags(out, "The model against the measured checks", r.measured());
        return out.toString();
    }

    private static void flags(StringBuilder out, String title, List<CriterionAgreement> list) {
        if (list.isEmpty()) {
            return;
        }
        out.append('\n').append(title).append(":\n");
        for (CriterionAgreement c : list) {
            out.append("  ").append(pad(c.criterion(), 10)).append(summary(c.agreement())).append('\n');
        }
    }

    private static String filters(ReportFilter f) {
        List<String> parts = new ArrayList<>();
        if (f.from() != null) {
            parts.add("from " + f.from());
        }
        if (f.to() != null) {
            parts.add("to " + f.to());
        }
        add(parts, "tenant", f.tenant());
        add(parts, "reviewer", f.reviewer());
        add(parts, "prompt", f.promptVersion());
        add(parts, "model", f.model());
        add(parts, "precision", f.precision());
        add(parts, "backend", f.backend());
        return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
    }

    private static void add(List<String> parts, String name, String value) {
        if (value != null) {
            parts.add(name + " " + value);
        }
    }

    /** "9 pairs, 7 agree (77.8 %), kappa 0.500 [95 % CI -0.100, 1.100]". */
    static String summary(Agreement a) {
        if (a.total() == 0) {
            return "no pairs";
        }
        return String.format(Locale.ROOT, "%d pair%s, %d agree (%.1f %%), kappa %s", a.total(), a.total() == 1 ? "" : "s",
                a.agree(), a.agreement() * 100, kappa(a.kappa()));
    }

    private static String kappa(Kappa k) {
        if (!k.defined()) {
            return "undefined (one category only)";
        }
        if (!k.hasInterval()) {
            return String.format(Locale.ROOT, "%.3f (one side used one category: no interval)", k.value());
        }
        return String.format(Locale.ROOT, "%.3f [95 %% CI %.3f, %.3f]", k.value(), k.low(), k.high());
    }

    /** The model's labels down, the other side's across. */
    private static void matrix(StringBuilder out, Pairing p, Agreement a) {
        int width = 9;
        out.append("  ").append(pad("model \\ reviewer", 18));
        p.otherLabels().forEach(o -> out.append(String.format(Locale.ROOT, "%" + width + "s", o)));
        out.append('\n');
        for (String m : p.modelLabels()) {
            out.append("  ").append(pad(m, 18));
            for (String o : p.otherLabels()) {
                out.append(String.format(Locale.ROOT, "%" + width + "d", a.count(m, o)));
            }
            out.append('\n');
        }
    }

    static String disagreements(List<DisagreeingVariant> list) {
        StringBuilder out = new StringBuilder();
        String format = "%-36s  %-16s  %-8s  %-8s  %-12s  %s%n";
        out.append(String.format(Locale.ROOT, format, "VARIANT", "TENANT", "MODEL", "REVIEWER", "BY", "COMMENT"));
        for (DisagreeingVariant d : list) {
            out.append(String.format(Locale.ROOT, format, d.variantId(), d.tenant(), d.modelVerdict(), d.reviewerVerdict(),
                    d.reviewer(), d.comment() == null ? "" : d.comment().replaceAll("\\s+", " ")));
        }
        out.append(list.size()).append(list.size() == 1 ? " disagreement\n" : " disagreements\n");
        return out.toString();
    }

    static String comparison(RunComparison c) {
        StringBuilder out = new StringBuilder();
        String a = c.a().label();
        String b = c.b().label();
        out.append("Stage ").append(c.stage() == Prompt.Stage.STAGE1 ? 1 : 2).append(": ").append(a).append(" (A) against ")
                .append(b).append(" (B) on ").append(c.variants().size()).append(" variants\n");
        out.append("  A against the reviewers: ").append(summary(c.aVsReviewers())).append('\n');
        out.append("  B against the reviewers: ").append(summary(c.bVsReviewers())).append('\n');
        out.append("  A against B:             ").append(summary(c.aVsB())).append('\n');
        List<ComparedVariant> look = c.worthALook();
        out.append('\n').append(look.size()).append(" variant").append(look.size() == 1 ? "" : "s")
                .append(" where the sides differ or contradict the reviewer:\n");
        String format = "  %-36s  %-16s  %-8s  %-8s  %s%n";
        out.append(String.format(Locale.ROOT, format, "VARIANT", "TENANT", "A", "B", "REVIEWER"));
        for (ComparedVariant v : look) {
            out.append(String.format(Locale.ROOT, format, v.variantId(), v.tenant(), dash(v.a()), dash(v.b()), dash(v.reviewer())));
        }
        return out.toString();
    }

    private static String dash(String s) {
        return s == null ? "-" : s;
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
    }
}

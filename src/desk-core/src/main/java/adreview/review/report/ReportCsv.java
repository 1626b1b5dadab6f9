package adreview.review.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The CSV of reports, disagreements and comparisons (RFC 4180 quoting, lines ending in LF: a header line,
 * fields with commas, quotes or line breaks quoted; numbers with a dot, empty where they do not exist).
 * The columns are listed in the README.
 */
public final class ReportCsv {

    /** Report columns before the matrix cells. */
    public static final List<String> REPORT_COLUMNS = List.of("stage", "group_by", "group", "total", "agree",
            "agreement", "kappa", "kappa_se", "kappa_ci_low", "kappa_ci_high");

    public static final List<String> DISAGREEMENT_COLUMNS = List.of("variant_id", "job_id", "tenant", "model_verdict",
            "reviewer_verdict", "reviewer", "comment", "prompt_version", "model", "trace_id", "judged_at", "decided_at");

    public static final List<String> COMPARISON_COLUMNS = List.of("variant_id", "tenant", "a", "b", "reviewer",
            "worth_a_look");

    private ReportCsv() {
    }

    /**
     * One row for all pairs ({@code group} = {@code all}), then one per group; after the fixed columns
     * one column per matrix cell, named {@code <model>_<reviewer>} (Stage 1: {@code valid_accept} …
     * {@code invalid_reject}; Stage 2: {@code pass_accept} … {@code fail_reject}).
     */
    public static String report(AgreementReport r) {
        Pairing p = r.pairing();
        List<String> header = new ArrayList<>(REPORT_COLUMNS);
        for (String m : p.modelLabels()) {
            for (String o : p.otherLabels()) {
                header.add(m + "_" + o);
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, header);
        String groupBy = r.groupBy() == GroupBy.NONE ? "" : r.groupBy().cliName();
        line(out, agreementRow(r.filter().stageNumber(), groupBy, "all", r.overall()));
        for (GroupAgreement g : r.groups()) {
            line(out, agreementRow(r.filter().stageNumber(), groupBy, g.group(), g.agreement()));
        }
        return out.toString();
    }

    private static List<String> agreementRow(int stage, String groupBy, String group, Agreement a) {
        List<String> row = new ArrayList<>(List.of(String.valueOf(stage), groupBy, group, String.valueOf(a.total()),
                String.valueOf(a.agree()), number(a.agreement()), number(a.kappa().value()),
                number(a.kappa().standardError()), number(a.kappa().low()), number(a.kappa().high())));
        a.matrix().forEach(c -> row.add(String.valueOf(c.count())));
        return row;
    }

    public static String disagreements(List<DisagreeingVariant> list) {
        StringBuilder out = new StringBuilder();
        line(out, DISAGREEMENT_COLUMNS);
        list.forEach(d -> line(out, disagreementValues(d)));
        return out.toString();
    }

    static List<String> disagreementValues(DisagreeingVariant d) {
        return java.util.Arrays.asList(text(d.variantId()), text(d.jobId()), d.tenant(), d.modelVerdict(),
                d.reviewerVerdict(), d.reviewer(), d.comment(), d.promptVersion(), d.model(), text(d.traceId()),
                text(d.judgedAt()), text(d.decidedAt()));
    }

    public static String comparison(RunComparison c) {
        Pairing p = Pairing.forStage(c.stage());
        StringBuilder out = new StringBuilder();
        line(out, COMPARISON_COLUMNS);
        for (ComparedVariant v : c.variants()) {
            line(out, java.util.Arrays.asList(v.variantId().toString(), v.tenant(), v.a(), v.b(), v.reviewer(),
                    String.valueOf(v.worthALook(p))));
        }
        return out.toString();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    /** Six decimals; empty for a number that does not exist. */
    static String number(double value) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.6f", value);
    }

    private static void line(StringBuilder out, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(fields.get(i)));
        }
        out.append('\n');
    }

    static String field(String value) {
        if (value == null) {
            return "";
        }
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}

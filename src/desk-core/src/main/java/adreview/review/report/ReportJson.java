package adreview.review.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.LocalDate;
import java.util.List;

/**
 * The JSON of reports, disagreements and comparisons (README "report": field names are stable, scripts
 * and notebooks read them). Numbers that do not exist (agreement of no pairs, undefined kappa) are null.
 */
public final class ReportJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ReportJson() {
    }

    /**
     * {@code stage, group_by, filters, total, agree, agreement, kappa, kappa_se, kappa_ci, matrix,
     * coverage, timeline, criteria, measured, groups}.
     */
    public static ObjectNode report(AgreementReport r) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("stage", r.filter().stageNumber());
        if (r.groupBy() == GroupBy.NONE) {
            n.putNull("group_by");
        } else {
            n.put("group_by", r.groupBy().cliName());
        }
        n.set("filters", filters(r.filter()));
        agreement(n, r.overall());
        ObjectNode coverage = n.putObject("coverage");
        coverage.put("decided_without_verdict", r.coverage().decidedWithoutVerdict());
        coverage.put("verdict_without_decision", r.coverage().verdictWithoutDecision());
        ArrayNode timeline = n.putArray("timeline");
        for (DayAgreement d : r.timeline()) {
            ObjectNode day = timeline.addObject();
            day.put("day", d.day().toString());
            day.put("total", d.total());
            day.put("agree", d.agree());
            number(day, "agreement", d.agreement());
        }
        criteria(n.putArray("criteria"), r.criteria());
        criteria(n.putArray("measured"), r.measured());
        ArrayNode groups = n.putArray("groups");
        for (GroupAgreement g : r.groups()) {
            ObjectNode group = groups.addObject();
            group.put("group", g.group());
            agreement(group, g.agreement());
        }
        return n;
    }

    private static ObjectNode filters(ReportFilter f) {
        ObjectNode n = MAPPER.createObjectNode();
        date(n, "from", f.from());
        date(n, "to", f.to());
        n.put("tenant", f.tenant());
        n.put("reviewer", f.reviewer());
        n.put("prompt_version", f.promptVersion());
        n.put("model", f.model());
        n.put("precision", f.precision());
        n.put("backend", f.backend());
        n.put("include_rejudges", f.includeRejudges());
        return n;
    }

    private static void date(ObjectNode n, String field, LocalDate d) {
        if (d == null) {
            n.putNull(field);
        } else {
            n.put(field, d.toString());
        }
    }

    private static void criteria(ArrayNode out, List<CriterionAgreement> list) {
        for (CriterionAgreement c : list) {
            ObjectNode n = out.addObject();
            n.put("criterion", c.criterion());
            n.put("against", c.against());
            agreement(n, c.agreement());
        }
    }

    /** {@code total, agree, agreement, kappa, kappa_se, kappa_ci: [low, high], matrix: [{model, reviewer, count}]}. */
    static void agreement(ObjectNode n, Agreement a) {
        n.put("total", a.total());
        n.put("agree", a.agree());
        number(n, "agreement", a.agreement());
        number(n, "kappa", a.kappa().value());
        number(n, "kappa_se", a.kappa().standardError());
        if (a.kappa().hasInterval()) {
            n.putArray("kappa_ci").add(a.kappa().low()).add(a.kappa().high());
        } else {
            n.putNull("kappa_ci");
        }
        ArrayNode matrix = n.putArray("matrix");
        for (MatrixCell c : a.matrix()) {
            matrix.addObject().put("model", c.model()).put("reviewer", c.reviewer()).put("count", c.count());
        }
    }

    private static void number(ObjectNode n, String field, double value) {
        if (Double.isNaN(value)) {
            n.putNull(field);
        } else {
            n.put(field, value);
        }
    }

    /** One object per disagreeing variant, the CSV's columns as fields. */
    public static ArrayNode disagreements(List<DisagreeingVariant> list) {
        ArrayNode out = MAPPER.createArrayNode();
        for (DisagreeingVariant d : list) {
            ObjectNode n = out.addObject();
            List<String> values = ReportCsv.disagreementValues(d);
            for (int i = 0; i < ReportCsv.DISAGREEMENT_COLUMNS.size(); i++) {
                n.put(ReportCsv.DISAGREEMENT_COLUMNS.get(i), values.get(i));
            }
        }
        return out;
    }

    /**
     * {@code stage, a, b, a_vs_reviewers, b_vs_reviewers, a_vs_b} (each an agreement object) and
     * {@code variants: [{variant_id, tenant, a, b, reviewer, worth_a_look}]}.
     */
    public static ObjectNode comparison(RunComparison c) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("stage", c.stage() == adreview.review.prompt.Prompt.Stage.STAGE1 ? 1 : 2);
        side(n.putObject("a"), c.a());
        side(n.putObject("b"), c.b());
        agreement(n.putObject("a_vs_reviewers"), c.aVsReviewers());
        agreement(n.putObject("b_vs_reviewers"), c.bVsReviewers());
        agreement(n.putObject("a_vs_b"), c.aVsB());
        Pairing p = Pairing.forStage(c.stage());
        ArrayNode variants = n.putArray("variants");
        for (ComparedVariant v : c.variants()) {
            variants.addObject().put("variant_id", v.variantId().toString()).put("tenant", v.tenant())
                    .put("a", v.a()).put("b", v.b()).put("reviewer", v.reviewer()).put("worth_a_look", v.worthALook(p));
        }
        return n;
    }

    private static void side(ObjectNode n, RunSide side) {
        n.put("label", side.label());
        n.put("prompt_version", side.promptVersion());
        n.put("model", side.modelFolder());
    }
}

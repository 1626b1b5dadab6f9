package adreview.review.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import adreview.review.prompt.Prompt;
import adreview.review.report.ReportFixture.Run;
import adreview.store.TestDatabase;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Stage 2 on a hand-made database: the pass/fail verdict against the decision, each criterion against
 * the decision's comment tags, and the model's booleans against the measured checks in the trace.
 *
 * <pre>
 * variant  model (brief occl contrast cta)  verdict  measured (contrastAa, cta, occlusion)   decision
 * w1       T F T T                           pass     PASS, PRESENT, measured no flag         accept (no tags)
 * w2       T F F T                           fail     FAIL, PRESENT, not measured             fix "#contrast text too light"
 * w3       T F T F                           fail     UNDETERMINED, PRESENT, not measured     accept "CTA is fine"
 * w4       T F T T                           pass     FAIL, PRESENT, measured one box flagged reject "#Contrast and #occlusion: ..."
 * w5       F F T T                           fail     none                                    reject (no tags)
 * w6       T T T T                           fail     none                                    fix "#ctabutton" (not a tag)
 * </pre>
 *
 * Verdicts: pass/accept 1, pass/reject 1, fail/accept 1, fail/fix 2, fail/reject 1: total 6, agree 4; kappa
 * over pass-vs-accept: both 1, model only 1, reviewer only 1, neither 3, p_o = 4/6, p_e = (2/6)² + (4/6)² = 20/36,
 * κ = (24/36 − 20/36) / (16/36) = 0.25. Per criterion only w1–w4 speak (w5, w6 are fix/reject without a tag).
 */
class AgreementReportStage2Test {

    static TestDatabase db;
    static AgreementReports reports;
    static final Run RUN = Run.pipeline("stage2-v1", "llava-1.5-7b-hf", "int8");

    @BeforeAll
    static void fill() {
        db = TestDatabase.start();
        reports = new AgreementReports(db.database(), ZoneOffset.UTC);
        ReportFixture f = new ReportFixture(db);
        var job = f.job("cora");
        var w1 = f.variant(job, "w1");
        f.judge(job, w1, "2025-03-01 08:00:00", RUN, true, false, true, true, measured("PASS", "PRESENT", false));
        f.decide(w1, "accept", "mina", null, "2025-03-04 09:00:00");
        var w2 = f.variant(job, "w2");
        f.judge(job, w2, "2025-03-01 08:00:00", RUN, true, false, false, true, measured("FAIL", "PRESENT", null));
        f.decide(w2, "fix", "mina", "#contrast text too light", "2025-03-04 09:01:00");
        var w3 = f.variant(job, "w3");
        f.judge(job, w3, "2025-03-01 08:00:00", RUN, true, false, true, false, measured("UNDETERMINED", "PRESENT", null));
        f.decide(w3, "accept", "mina", "CTA is fine", "2025-03-04 09:02:00");
        var w4 = f.variant(job, "w4");
        f.judge(job, w4, "2025-03-01 08:00:00", RUN, true, false, true, true, measured("FAIL", "PRESENT", true));
        f.decide(w4, "reject", "joon", "#Contrast and #occlusion: text over the bottle", "2025-03-04 09:03:00");
        var w5 = f.variant(job, "w5");
        f.judge(job, w5, "2025-03-01 08:00:00", RUN, false, false, true, true, null);
        f.decide(w5, "reject", "joon", null, "2025-03-04 09:04:00");
        var w6 = f.variant(job, "w6");
        f.judge(job, w6, "2025-03-01 08:00:00", RUN, true, true, true, true, null);
        f.decide(w6, "fix", "joon", "#ctabutton overlaps", "2025-03-04 09:05:00");
        // A Stage 1 trace on w1 does not enter a Stage 2 report.
        f.analyze(job, w1, "2025-03-01 07:00:00", Run.pipeline("stage1-v1", "llava-1.5-7b-hf", "int8"), false, null);
    }

    /**
     * {@code response.measured} as ReviewService stores it (the MeasuredReport's JSON): contrastAa,
     * cta.status, occlusion.status and its boxes' flags; {@code flagged} null = occlusion not measured.
     */
    private static Consumer<ObjectNode> measured(String contrastAa, String cta, Boolean flagged) {
        return response -> {
            ObjectNode m = response.putObject("measured");
            m.put("contrastAa", contrastAa);
            m.putObject("cta").put("status", cta).putArray("matches");
            ObjectNode occlusion = m.putObject("occlusion");
            occlusion.put("status", flagged == null ? "NOT_MEASURED" : "MEASURED");
            ArrayNode boxes = occlusion.putArray("boxes");
            if (flagged != null) {
                boxes.addObject().put("box", 0).put("role", "headline").put("overSubject", 0.1).put("flagged", false);
                boxes.addObject().put("box", 1).put("role", "body").put("overSubject", flagged ? 0.6 : 0.0).put("flagged", flagged);
            }
        };
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    static AgreementReport report() {
        return reports.report(ReportFilter.of(Prompt.Stage.STAGE2), GroupBy.NONE);
    }

    static List<Long> matrix(Agreement a) {
        return a.matrix().stream().map(MatrixCell::count).toList();
    }

    @Test
    void passWhenOnBriefClearReadableWithACallToActionAgainstAccept() {
        Agreement a = report().overall();
        assertThat(a.matrix()).extracting(c -> c.model() + "/" + c.reviewer()).containsExactly(
                "pass/accept", "pass/fix", "pass/reject", "fail/accept", "fail/fix", "fail/reject");
        assertThat(matrix(a)).containsExactly(1L, 0L, 1L, 1L, 2L, 1L);
        assertThat(a.total()).isEqualTo(6);
        assertThat(a.agree()).isEqualTo(4);
        assertThat(a.kappa().value()).isCloseTo(0.25, within(1e-12));
    }

    @Test
    void eachCriterionAgainstTheCommentTags() {
        Map<String, CriterionAgreement> byName = report().criteria().stream()
                .collect(Collectors.toMap(CriterionAgreement::criterion, c -> c));
        assertThat(byName.keySet()).containsExactlyInAnyOrder("contrast", "cta", "occlusion", "offbrief");
        assertThat(byName.values()).allSatisfy(c -> assertThat(c.against()).isEqualTo(CriterionAgreement.REVIEWER_TAGS));
        // Cells: problem/problem, problem/ok, ok/problem, ok/ok (model first).
        assertThat(matrix(byName.get("contrast").agreement())).containsExactly(1L, 0L, 1L, 2L); // w2; w4; w1 w3
        assertThat(matrix(byName.get("cta").agreement())).containsExactly(0L, 1L, 0L, 3L);      // w3 said no CTA
        assertThat(matrix(byName.get("occlusion").agreement())).containsExactly(0L, 0L, 1L, 3L); // w4 tagged
        assertThat(matrix(byName.get("offbrief").agreement())).containsExactly(0L, 0L, 0L, 4L);
        // contrast: p_o = 3/4, p_e = (1/4)(2/4) + (3/4)(2/4) = 1/2, κ = 0.5; cta: p_o = p_e = 3/4, κ = 0.
        assertThat(byName.get("contrast").agreement().kappa().value()).isCloseTo(0.5, within(1e-12));
        assertThat(byName.get("cta").agreement().kappa().value()).isCloseTo(0.0, within(1e-12));
        assertThat(byName.get("offbrief").agreement().kappa().defined()).isFalse();
        assertThat(byName.get("offbrief").agreement().agreement()).isEqualTo(1.0);
    }

    @Test
    void theModelsBooleansAgainstTheMeasuredChecks() {
        Map<String, Agreement> byName = report().measured().stream()
                .collect(Collectors.toMap(CriterionAgreement::criterion, CriterionAgreement::agreement));
        assertThat(byName.keySet()).containsExactlyInAnyOrder("contrast", "cta", "occlusion");
        assertThat(matrix(byName.get("contrast"))).containsExactly(1L, 0L, 1L, 1L);  // w2; w4; w1 (w3 undetermined)
        assertThat(matrix(byName.get("cta"))).containsExactly(0L, 1L, 0L, 3L);       // w3 said no CTA, measured one
        assertThat(matrix(byName.get("occlusion"))).containsExactly(0L, 0L, 1L, 1L); // w4 flagged; w1 clear
    }

    @Test
    void stage2DisagreementsAndTagsInTheCommentsTravelWithThem() {
        List<DisagreeingVariant> list = reports.disagreements(ReportFilter.of(Prompt.Stage.STAGE2), 10);
        assertThat(list).extracting(d -> d.modelVerdict() + "/" + d.reviewerVerdict())
                .containsExactly("pass/reject", "fail/accept");
        assertThat(list.get(0).comment()).contains("#occlusion");
        assertThat(report().coverage()).isEqualTo(new Coverage(0, 0));
    }
}

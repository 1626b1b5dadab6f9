package adreview.review.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import adreview.review.prompt.Prompt;
import adreview.review.report.ReportFixture.Run;
import adreview.store.TestDatabase;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Stage 1 agreement on a hand-made database (real PostgreSQL), every expected number counted by hand
 * from the table below. Decisions are in March 2025 (UTC); traces precede them.
 *
 * <pre>
 * variant tenant  latest pipeline verdict         current decision               pair
 * v1      acme    valid   (7b int8)               accept  mina  03-01            valid/accept   agree
 * v2      acme    valid                           fix     mina  03-01            valid/fix      DISAGREE
 * v3      acme    invalid (7b int8, remote)       reject  joon  03-02            invalid/reject agree
 * v4      acme    invalid                         accept  joon  03-02            invalid/accept DISAGREE
 * v5      bolt    valid; a later re-judge with    accept  mina  03-02            valid/accept   agree
 *                 stage1-v2 says invalid (not the pipeline's verdict)
 * v6      bolt    invalid                         fix mina 03-01; accept 03-03 RETRACTED -> fix   invalid/fix agree
 * v7      bolt    valid                           none                           (verdict without decision)
 * v8      bolt    none                            reject  mina  03-01            (decision without verdict)
 * v9      acme    valid, then a newer failed call accept  joon  03-03            valid/accept   agree
 * v10     acme    invalid (7b), then valid (13b)  accept  joon  03-03            valid/accept   agree
 * v11     acme    valid, a job-level trace        accept  joon  03-03            valid/accept   agree
 *                 naming only its image URL
 * </pre>
 *
 * Matrix: valid/accept 5 (v1 v5 v9 v10 v11), valid/fix 1, valid/reject 0, invalid/accept 1,
 * invalid/fix 1, invalid/reject 1: total 9, agree 7. Kappa over valid-vs-accept: both 5, model only 1,
 * reviewer only 1, neither 2; p_o = 7/9, p_e = (6/9)² + (3/9)² = 5/9, κ = (2/9)/(4/9) = 0.5;
 * Fleiss–Cohen–Everitt variance = (A + B − C) / (n (1 − p_e)²) with A = 5/9·(1/3)² + 2/9·(2/3)² = 13/81,
 * B = ¼·(1/9 + 1/9) = 1/18, C = (1/2 − 5/18)² = 4/81: (1/6) / (16/9) = 0.09375, SE = 0.306186.
 */
class AgreementReportStage1Test {

    static TestDatabase db;
    static AgreementReports reports;
    static UUID v2;
    static UUID v4;
    static UUID v5;
    static UUID v6;

    static final Run V1_7B = Run.pipeline("stage1-v1", "llava-1.5-7b-hf", "int8");
    static final Run V1_13B = Run.pipeline("stage1-v1", "llava-1.5-13b-hf", "fp16");

    @BeforeAll
    static void fill() {
        db = TestDatabase.start();
        reports = new AgreementReports(db.database(), ZoneOffset.UTC);
        ReportFixture f = new ReportFixture(db);
        UUID acme = f.job("acme");
        UUID bolt = f.job("bolt");

        UUID v1 = f.variant(acme, "v1");
        f.analyze(acme, v1, "2025-02-28 08:00:00", V1_7B, true, r -> measuredQuality(r, true));
        f.decide(v1, "accept", "mina", null, "2025-03-01 10:00:00");

        v2 = f.variant(acme, "v2");
        f.analyze(acme, v2, "2025-02-28 08:01:00", V1_7B, true, r -> measuredQuality(r, false));
        f.decide(v2, "fix", "mina", "product too small", "2025-03-01 11:00:00");

        UUID v3 = f.variant(acme, "v3");
        f.analyze(acme, v3, "2025-02-28 08:02:00", V1_7B.onBackend("remote"), false, null);
        f.decide(v3, "reject", "joon", null, "2025-03-02 09:00:00");

        v4 = f.variant(acme, "v4");
        f.analyze(acme, v4, "2025-02-28 08:03:00", V1_7B, false, null);
        f.decide(v4, "accept", "joon", null, "2025-03-02 10:00:00");

        v5 = f.variant(bolt, "v5");
        f.analyze(bolt, v5, "2025-02-28 08:04:00", V1_7B, true, null);
        f.analyze(bolt, v5, "2025-03-02 15:00:00", Run.pipeline("stage1-v2", "llava-1.5-7b-hf", "int8").rejudged(), false, null);
        f.decide(v5, "accept", "mina", null, "2025-03-02 11:00:00");

        v6 = f.variant(bolt, "v6");
        f.analyze(bolt, v6, "2025-02-28 08:05:00", V1_7B, false, null);
        f.decide(v6, "fix", "mina", null, "2025-03-01 09:00:00");
        UUID changedMind = f.decide(v6, "accept", "mina", null, "2025-03-03 11:00:00");
        f.retract(v6, changedMind, "mina", "2025-03-03 12:00:00");

        UUID v7 = f.variant(bolt, "v7");
        f.analyze(bolt, v7, "2025-02-28 08:06:00", V1_7B, true, null);

        UUID v8 = f.variant(bolt, "v8");
        f.decide(v8, "reject", "mina", null, "2025-03-01 12:00:00");

        UUID v9 = f.variant(acme, "v9");
        f.analyze(acme, v9, "2025-02-28 08:00:00", V1_7B, true, null);
        f.analyze(acme, v9, "2025-02-28 09:00:00", V1_7B, null, null);
        f.decide(v9, "accept", "joon", null, "2025-03-03 09:00:00");

        UUID v10 = f.variant(acme, "v10");
        f.analyze(acme, v10, "2025-02-28 08:00:00", V1_7B, false, null);
        f.analyze(acme, v10, "2025-02-28 09:00:00", V1_13B, true, null);
        f.decide(v10, "accept", "joon", null, "2025-03-03 10:00:00");

        UUID v11 = f.variant(acme, "v11");
        f.legacyAnalyze(acme, "v11", "2025-02-28 07:00:00", true);
        f.decide(v11, "accept", "joon", null, "2025-03-03 11:30:00");
    }

    private static void measuredQuality(com.fasterxml.jackson.databind.node.ObjectNode response, boolean ok) {
        response.putObject("measured").putObject("quality").put("ok", ok);
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    static ReportFilter stage1() {
        return ReportFilter.of(Prompt.Stage.STAGE1);
    }

    static List<Long> matrix(Agreement a) {
        return a.matrix().stream().map(MatrixCell::count).toList();
    }

    @Test
    void overallPairsTheLatestPipelineVerdictWithTheCurrentDecision() {
        AgreementReport r = reports.report(stage1(), GroupBy.NONE);
        Agreement a = r.overall();
        assertThat(a.matrix()).extracting(c -> c.model() + "/" + c.reviewer()).containsExactly(
                "valid/accept", "valid/fix", "valid/reject", "invalid/accept", "invalid/fix", "invalid/reject");
        assertThat(matrix(a)).containsExactly(5L, 1L, 0L, 1L, 1L, 1L);
        assertThat(a.total()).isEqualTo(9);
        assertThat(a.agree()).isEqualTo(7);
        assertThat(a.agreement()).isEqualTo(7.0 / 9);
        assertThat(a.kappa().value()).isCloseTo(0.5, within(1e-12));
        assertThat(a.kappa().standardError()).isCloseTo(Math.sqrt(0.09375), within(1e-9));
        assertThat(a.kappa().low()).isCloseTo(0.5 - 1.959964 * 0.306186, within(1e-5));
        assertThat(a.kappa().high()).isEqualTo(1.0); // 0.5 + 0.600 = 1.100, clipped to kappa's range
        assertThat(r.coverage()).isEqualTo(new Coverage(1, 1)); // v8; v7
        assertThat(r.groups()).isEmpty();
        assertThat(r.criteria()).isEmpty();
    }

    @Test
    void timelineCountsPairsByTheDayOfTheDecision() {
        assertThat(reports.report(stage1(), GroupBy.NONE).timeline()).containsExactly(
                new DayAgreement(LocalDate.of(2025, 3, 1), 3, 2),  // v1, v2, v6 (its fix)
                new DayAgreement(LocalDate.of(2025, 3, 2), 3, 2),  // v3, v4, v5
                new DayAgreement(LocalDate.of(2025, 3, 3), 3, 3)); // v9, v10, v11
    }

    @Test
    void measuredImageQualityAgainstTheModelsImageQualityOk() {
        assertThat(reports.report(stage1(), GroupBy.NONE).measured()).singleElement().satisfies(q -> {
            assertThat(q.criterion()).isEqualTo("quality");
            assertThat(q.against()).isEqualTo(CriterionAgreement.MEASURED);
            // v1: ok / ok; v2: model ok, measured problem.
            assertThat(matrix(q.agreement())).containsExactly(0L, 0L, 1L, 1L);
            assertThat(q.agreement().agree()).isEqualTo(1);
        });
    }

    @Test
    void reJudgesCountOnlyWhenAsked() {
        // v5's re-judge (invalid, stage1-v2) becomes its latest verdict: valid/accept turns into invalid/accept.
        Agreement a = reports.report(stage1().withRejudges(true), GroupBy.NONE).overall();
        assertThat(matrix(a)).containsExactly(4L, 1L, 0L, 2L, 1L, 1L);
        assertThat(a.agree()).isEqualTo(6);
        assertThat(reports.report(stage1().withPromptVersion("stage1-v2"), GroupBy.NONE).overall().total()).isZero();
        Agreement v2Only = reports.report(stage1().withPromptVersion("stage1-v2").withRejudges(true), GroupBy.NONE).overall();
        assertThat(v2Only.total()).isEqualTo(1);
        assertThat(v2Only.agree()).isZero();
        // One pair, invalid/accept: p_o = 0 and p_e = 0·1 + 1·0 = 0, so κ = 0.
        assertThat(v2Only.kappa().value()).isZero();
    }

    @Test
    void filtersByDateTenantReviewerModelAndBackend() {
        Agreement march2 = reports.report(stage1().withDates(LocalDate.of(2025, 3, 2), LocalDate.of(2025, 3, 2)),
                GroupBy.NONE).overall();
        assertThat(march2.total()).isEqualTo(3); // v3, v4, v5; v6's decisions fall outside
        assertThat(march2.agree()).isEqualTo(2);

        Agreement bolt = reports.report(stage1().withTenant("bolt"), GroupBy.NONE).overall();
        assertThat(bolt.total()).isEqualTo(2);
        assertThat(bolt.agree()).isEqualTo(2);
        assertThat(reports.report(stage1().withTenant("bolt"), GroupBy.NONE).coverage()).isEqualTo(new Coverage(1, 1));

        Agreement joon = reports.report(stage1().withReviewer("joon"), GroupBy.NONE).overall();
        assertThat(joon.total()).isEqualTo(5);
        assertThat(joon.agree()).isEqualTo(4);

        Agreement big = reports.report(stage1().withModel("llava-1.5-13b-hf", null, null), GroupBy.NONE).overall();
        assertThat(matrix(big)).containsExactly(1L, 0L, 0L, 0L, 0L, 0L);

        // Only v10's older 7B trace remains for it when the 13B one is filtered out.
        Agreement sevenB = reports.report(stage1().withModel("llava-1.5-7b-hf", "int8", "local"), GroupBy.NONE).overall();
        assertThat(sevenB.total()).isEqualTo(7); // not v3 (remote), not v11 (no model recorded)
        assertThat(sevenB.agree()).isEqualTo(4); // v1, v5, v6, v9

        Agreement local = reports.report(stage1().withModel(null, null, "local"), GroupBy.NONE).overall();
        assertThat(local.total()).isEqualTo(8);
        assertThat(local.agree()).isEqualTo(6);
    }

    @Test
    void groupsByTenantReviewerPromptAndModel() {
        assertThat(summary(reports.report(stage1(), GroupBy.TENANT))).containsExactly("acme 7/5", "bolt 2/2");
        // Per reviewer: each reviewer's own latest decision (v6: mina's fix, her accept being retracted).
        assertThat(summary(reports.report(stage1(), GroupBy.REVIEWER))).containsExactly("joon 5/4", "mina 4/3");
        assertThat(summary(reports.report(stage1(), GroupBy.PROMPT))).containsExactly("stage1-v1 8/6", "unversioned 1/1");
        // With re-judges each prompt version's own latest verdict counts: v5 in both groups.
        assertThat(summary(reports.report(stage1().withRejudges(true), GroupBy.PROMPT)))
                .containsExactly("stage1-v1 8/6", "stage1-v2 1/0", "unversioned 1/1");
        assertThat(summary(reports.report(stage1(), GroupBy.MODEL))).containsExactly(
                "llava-1.5-7b-hf / int8 / local 7/4", "llava-1.5-13b-hf / fp16 / local 1/1",
                "llava-1.5-7b-hf / int8 / remote 1/1", "unknown / unknown / local 1/1");
    }

    private static List<String> summary(AgreementReport r) {
        return r.groups().stream().map(g -> g.group() + " " + g.agreement().total() + "/" + g.agreement().agree()).toList();
    }

    @Test
    void disagreementsListTheVariantsToOpenNewestDecisionFirst() {
        List<DisagreeingVariant> list = reports.disagreements(stage1(), 50);
        assertThat(list).extracting(DisagreeingVariant::variantId).containsExactly(v4, v2);
        DisagreeingVariant first = list.get(0);
        assertThat(first.modelVerdict()).isEqualTo("invalid");
        assertThat(first.reviewerVerdict()).isEqualTo("accept");
        assertThat(first.reviewer()).isEqualTo("joon");
        assertThat(first.tenant()).isEqualTo("acme");
        assertThat(first.promptVersion()).isEqualTo("stage1-v1");
        assertThat(first.model()).isEqualTo("llava-1.5-7b-hf / int8 / local");
        assertThat(list.get(1).comment()).isEqualTo("product too small");
        assertThat(reports.disagreements(stage1(), 1)).hasSize(1);
        // With re-judges v5 (re-judged invalid, accepted at 11:00 on 03-02) disagrees too.
        assertThat(reports.disagreements(stage1().withRejudges(true), 50)).extracting(DisagreeingVariant::variantId)
                .containsExactly(v5, v4, v2);
    }

    @Test
    void choicesListWhatTheFiltersCanTake() {
        ReportChoices c = reports.choices();
        assertThat(c.tenants()).containsExactly("acme", "bolt");
        assertThat(c.reviewers()).containsExactly("joon", "mina");
        assertThat(c.promptVersions()).containsExactly("stage1-v1", "stage1-v2", "unversioned");
        assertThat(c.models()).containsExactly("llava-1.5-13b-hf", "llava-1.5-7b-hf", "unknown");
    }

    @Test
    void anEmptySelectionHasNoAgreementAndNoKappa() {
        Agreement none = reports.report(stage1().withTenant("nobody"), GroupBy.NONE).overall();
        assertThat(none.total()).isZero();
        assertThat(none.agreement()).isNaN();
        assertThat(none.kappa()).isEqualTo(Kappa.UNDEFINED);
        assertThat(matrix(none)).containsOnly(0L);
    }
}

package adreview.review.report;

import static org.assertj.core.api.Assertions.assertThat;

import adreview.review.decision.ReviewerDecision;
import adreview.store.ReviewerDecisionRepository;
import adreview.review.decision.Verdict;
import adreview.review.prompt.Prompt;
import adreview.store.TestDatabase;
import adreview.store.demo.DemoData;
import adreview.store.demo.DemoVariants;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The report on a fresh desk's demo data has something to show: a week of decisions by three reviewers on
 * both stages, a retraction, and re-judges with a second prompt version (counts from DemoReviews' table
 * plus the six decided current variants).
 */
class DemoReportTest {

    static TestDatabase db;
    static AgreementReports reports;

    @BeforeAll
    static void seed() {
        db = TestDatabase.start();
        DemoData.seedRowsIfFirstStart(db.database());
        reports = new AgreementReports(db.database());
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    static List<Long> matrix(Agreement a) {
        return a.matrix().stream().map(MatrixCell::count).toList();
    }

    @Test
    void stage1AndStage2HaveAWeekOfPairs() {
        AgreementReport s1 = reports.report(ReportFilter.of(Prompt.Stage.STAGE1), GroupBy.REVIEWER);
        assertThat(matrix(s1.overall())).containsExactly(11L, 6L, 3L, 2L, 1L, 2L);
        assertThat(s1.overall().agree()).isEqualTo(14);
        assertThat(s1.groups()).extracting(GroupAgreement::group).containsExactlyInAnyOrder("joon.lee", "mina.park", "sara.kim");
        assertThat(s1.timeline().size()).isGreaterThanOrEqualTo(6);
        assertThat(s1.coverage()).isEqualTo(new Coverage(1, 2)); // MISSING_CTA has no Stage 1; COFFEE_GOOD, PHONE_JUDGING undecided

        AgreementReport s2 = reports.report(ReportFilter.of(Prompt.Stage.STAGE2), GroupBy.TENANT);
        assertThat(s2.overall().total()).isEqualTo(23);
        assertThat(s2.overall().agree()).isEqualTo(20);
        assertThat(s2.groups()).hasSize(5);
        assertThat(s2.criteria()).extracting(CriterionAgreement::criterion).containsExactly("contrast", "cta", "occlusion", "offbrief");
        // Bean & Brew's render has no call to action, which the model said it had on three of them.
        assertThat(s2.measured()).filteredOn(m -> m.criterion().equals("cta")).singleElement()
                .satisfies(m -> assertThat(m.agreement().count("ok", "problem")).isEqualTo(3));
        assertThat(reports.report(ReportFilter.of(Prompt.Stage.STAGE1), GroupBy.MODEL).groups()).extracting(GroupAgreement::group)
                .containsExactly("llava-1.5-7b-hf / int8 / local", "llava-1.5-13b-hf / fp16 / local", "unknown / unknown / local");
    }

    @Test
    void theRetractedSlipDoesNotCountAndTheEarlierAcceptDoes() {
        UUID v = DemoVariants.reviewed("hangang-4");
        List<ReviewerDecision> history = new ReviewerDecisionRepository(db.database()).history(v);
        assertThat(history).extracting(ReviewerDecision::verdict).containsExactly(Verdict.RETRACT, Verdict.REJECT, Verdict.ACCEPT);
        assertThat(new ReviewerDecisionRepository(db.database()).latest(v)).get()
                .extracting(ReviewerDecision::verdict).isEqualTo(Verdict.ACCEPT);
        assertThat(reports.disagreements(ReportFilter.of(Prompt.Stage.STAGE1), 100))
                .extracting(DisagreeingVariant::variantId).doesNotContain(v);
    }

    @Test
    void promptV2AgreesMoreOnTheReJudgedVariants() {
        List<UUID> rejudged = List.of("stride-1", "stride-2", "stride-3", "stride-4", "brew-1", "brew-3", "aqua-2",
                "nova-2", "nova-4", "hangang-2").stream().map(DemoVariants::reviewed).toList();
        RunComparison c = reports.compare(new ComparisonRequest(ReportFilter.of(Prompt.Stage.STAGE1),
                new RunSide("stage1-v1", null), new RunSide("stage1-v2", null), rejudged, 20));
        assertThat(c.aVsReviewers().agree()).isEqualTo(2);
        assertThat(c.bVsReviewers().agree()).isEqualTo(6);
        assertThat(c.aVsB().total()).isEqualTo(10);
        // Without naming them, the comparison finds decided variants with a verdict of either side.
        assertThat(reports.compare(new ComparisonRequest(ReportFilter.of(Prompt.Stage.STAGE2),
                new RunSide("stage2-v1", null), new RunSide("stage2-v2", null), List.of(), 50)).bVsReviewers().total())
                .isEqualTo(4);
        assertThat(reports.choices().promptVersions()).contains("stage1-v1", "stage1-v2", "stage2-v1", "stage2-v2");
    }
}

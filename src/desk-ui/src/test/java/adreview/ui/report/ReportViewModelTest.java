package adreview.ui.report;

import static org.assertj.core.api.Assertions.assertThat;

import adreview.review.prompt.Prompt;
import adreview.review.report.AgreementQueries;
import adreview.review.report.AgreementReport;
import adreview.review.report.AgreementReports;
import adreview.review.report.ComparisonRequest;
import adreview.review.report.DisagreeingVariant;
import adreview.review.report.GroupBy;
import adreview.review.report.ReportChoices;
import adreview.review.report.ReportFilter;
import adreview.review.report.RunComparison;
import adreview.store.TestDatabase;
import adreview.store.demo.DemoData;
import adreview.ui.concurrent.TestUiThread;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Report view model on the demo data in a real PostgreSQL, without a window: callbacks run on the
 * test thread ({@link TestUiThread}). Numbers are the demo's (see DemoReportTest in desk-core).
 */
class ReportViewModelTest {

    static TestDatabase db;
    static AgreementReports reports;
    TestUiThread ui;

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

    @BeforeEach
    void startUi() {
        ui = new TestUiThread();
    }

    @AfterEach
    void stopUi() {
        ui.close();
    }

    @Test
    void startLoadsChoicesReportAndDisagreements() throws Exception {
        ReportViewModel vm = new ReportViewModel(reports, ui.executor());
        vm.start();
        assertThat(vm.loadingProperty().get()).isTrue();
        ui.drain();
        assertThat(vm.loadingProperty().get()).isFalse();
        assertThat(vm.tenants()).startsWith(ReportFilters.ALL).contains("stride-athletics", "hangang-run");
        assertThat(vm.reviewers()).containsExactly(ReportFilters.ALL, "joon.lee", "mina.park", "sara.kim");
        assertThat(vm.promptVersions()).contains("stage1-v1", "stage1-v2", "stage2-v2");
        AgreementReport r = vm.reportProperty().get();
        assertThat(r.overall().total()).isEqualTo(25);
        assertThat(r.overall().agree()).isEqualTo(14);
        assertThat(vm.summaryProperty().get()).startsWith("25 pairs · 14 agree · 56.0 % · κ ");
        assertThat(vm.disagreements()).hasSize(11);
        assertThat(vm.messageProperty().get()).isEmpty();
    }

    @Test
    void changingAFilterReloadsTheReport() throws Exception {
        ReportViewModel vm = new ReportViewModel(reports, ui.executor());
        vm.start();
        ui.drain();
        vm.filters().stageProperty().set(Prompt.Stage.STAGE2);
        ui.drain();
        assertThat(vm.reportProperty().get().filter().stage()).isEqualTo(Prompt.Stage.STAGE2);
        assertThat(vm.reportProperty().get().overall().total()).isEqualTo(23);
        assertThat(vm.reportProperty().get().criteria()).isNotEmpty();

        vm.filters().groupByProperty().set(GroupBy.REVIEWER);
        ui.drain();
        assertThat(vm.reportProperty().get().groups()).hasSize(3);

        vm.filters().tenantProperty().set("stride-athletics");
        ui.drain();
        assertThat(vm.disagreements()).isNotEmpty().allMatch(d -> d.tenant().equals("stride-athletics"));
        vm.filters().tenantProperty().set(ReportFilters.ALL);
        vm.filters().includeRejudgesProperty().set(true);
        ui.drain();
        assertThat(vm.reportProperty().get().filter().includeRejudges()).isTrue();
        assertThat(vm.reportProperty().get().filter().tenant()).isNull();
    }

    @Test
    void anAnswerForOlderFiltersIsDropped() throws Exception {
        ReportViewModel vm = new ReportViewModel(reports, ui.executor());
        vm.filters().stageProperty().set(Prompt.Stage.STAGE2); // asks (stage 2) without draining...
        vm.filters().stageProperty().set(Prompt.Stage.STAGE1); // ...and asks again (stage 1)
        ui.drain();
        assertThat(vm.reportProperty().get().filter().stage()).isEqualTo(Prompt.Stage.STAGE1);
    }

    @Test
    void openingADisagreementCallsTheMainWindow() throws Exception {
        ReportViewModel vm = new ReportViewModel(reports, ui.executor());
        List<UUID> opened = new ArrayList<>();
        vm.setOnOpenVariant(opened::add);
        vm.start();
        ui.drain();
        DisagreeingVariant first = vm.disagreements().get(0);
        vm.open(first.variantId());
        vm.open(null);
        assertThat(opened).containsExactly(first.variantId());
    }

    @Test
    void comparesTwoPromptVersionsOfTheChosenStage() throws Exception {
        ReportViewModel vm = new ReportViewModel(reports, ui.executor());
        vm.start();
        ui.drain();
        CompareViewModel c = vm.compare();
        assertThat(c.choices()).contains("stage1-v1", "stage1-v2");
        c.sideAProperty().set("stage1-v1");
        c.sideBProperty().set("stage1-v1");
        c.compare();
        assertThat(c.messageProperty().get()).startsWith("Pick two different prompt versions");
        c.sideBProperty().set("stage1-v2");
        c.compare();
        ui.drain();
        RunComparison result = c.comparisonProperty().get();
        assertThat(result.aVsReviewers().total()).isEqualTo(20);
        assertThat(result.aVsReviewers().agree()).isEqualTo(11);
        assertThat(result.bVsReviewers().total()).isEqualTo(10);
        assertThat(result.bVsReviewers().agree()).isEqualTo(6);
        assertThat(c.worthALook()).isNotEmpty();
        c.kindProperty().set(CompareViewModel.Kind.MODELS);
        assertThat(c.choices()).contains("llava-1.5-13b-hf", "llava-1.5-7b-hf");
        assertThat(c.sideAProperty().get()).isNotEqualTo(c.sideBProperty().get());
    }

    @Test
    void aFailingQuerySaysWhyInOneLine() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        AgreementQueries broken = new AgreementQueries() {
            @Override
            public AgreementReport report(ReportFilter filter, GroupBy groupBy) {
                asked.incrementAndGet();
                throw new adreview.store.StoreException("database error: connection refused");
            }

            @Override
            public List<DisagreeingVariant> disagreements(ReportFilter filter, int limit) {
                return List.of();
            }

            @Override
            public ReportChoices choices() {
                return ReportChoices.NONE;
            }

            @Override
            public RunComparison compare(ComparisonRequest request) {
                throw new IllegalStateException("not asked");
            }
        };
        ReportViewModel vm = new ReportViewModel(broken, ui.executor());
        vm.start();
        ui.drain();
        assertThat(asked.get()).isEqualTo(1);
        assertThat(vm.loadingProperty().get()).isFalse();
        assertThat(vm.messageProperty().get()).startsWith("Could not compute the report: ").contains("connection refused");
        assertThat(vm.reportProperty().get()).isNull();
    }
}

package adreview.ui.report;

import static org.assertj.core.api.Assertions.assertThat;

import adreview.review.prompt.Prompt;
import adreview.review.report.AgreementReports;
import adreview.review.report.GroupBy;
import adreview.store.TestDatabase;
import adreview.store.demo.DemoData;
import adreview.ui.DeskStyles;
import adreview.ui.concurrent.TaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Report view on the demo data, headless: what it shows is checked through the scene graph, a click on a
 * disagreement reaches the main window's callback, and screenshots go to target/screenshots/report-*.png.
 */
class ReportViewScreenshotTest extends FxRobot {

    static TestDatabase db;
    static TaskExecutor executor;
    static ReportView view;
    static final CopyOnWriteArrayList<UUID> opened = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void show() throws Exception {
        db = TestDatabase.start();
        DemoData.seedRowsIfFirstStart(db.database());
        executor = TaskExecutor.forJavaFx();
        System.setProperty("headless.geometry", "1440x900-32");
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage((Stage stage) -> {
            ReportViewModel vm = new ReportViewModel(new AgreementReports(db.database()), executor);
            vm.setOnOpenVariant(opened::add);
            view = new ReportView(vm);
            Scene scene = new Scene(view, 1000, 900);
            scene.getStylesheets().add(DeskStyles.url());
            stage.setScene(scene);
            stage.setTitle("Report");
            stage.show();
            vm.start();
        });
        waitUntil(() -> view.model().reportProperty().get() != null && !view.model().loadingProperty().get());
    }

    @AfterAll
    static void close() throws Exception {
        FxToolkit.cleanupStages();
        executor.close();
        db.close();
    }

    @Test
    void stage1ShowsTheMatrixTheTimelineAndTheDisagreements() throws Exception {
        assertThat(lookup("#reportSummary").queryAs(Label.class).getText()).startsWith("25 pairs · 14 agree · 56.0 %");
        Node matrix = lookup("#reportMatrix").query();
        assertThat(from(matrix).lookup(".report-matrix-cell").queryAll()).hasSize(6);
        assertThat(from(matrix).lookup(".report-matrix-cell").queryAll().stream()
                .map(n -> ((Label) n).getText()).toList()).containsExactly("11", "6", "3", "2", "1", "2");
        StackedBarChart<?, ?> bars = lookup("#matrixChart").queryAs(StackedBarChart.class);
        assertThat(bars.getData()).hasSize(3);
        LineChart<?, ?> line = lookup("#timelineChart").queryAs(LineChart.class);
        assertThat(line.getData().get(0).getData().size()).isGreaterThanOrEqualTo(6);
        TableView<?> table = lookup("#disagreementTable").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(11);
        screenshot("report-stage1.png");

        // One click on a disagreement opens that variant in the main window.
        Node firstRow = from(table).lookup(".table-row-cell").queryAll().stream()
                .filter(n -> !((TableRow<?>) n).isEmpty()).findFirst().orElseThrow();
        clickOn(firstRow);
        waitUntil(() -> !opened.isEmpty());
        assertThat(opened.get(0)).isEqualTo(view.model().disagreements().get(0).variantId());
    }

    @Test
    void stage2ByTenantWithTheCriteria() throws Exception {
        interact(() -> {
            view.model().filters().stageProperty().set(Prompt.Stage.STAGE2);
            view.model().filters().groupByProperty().set(GroupBy.TENANT);
        });
        waitUntil(() -> view.model().reportProperty().get().filter().stage() == Prompt.Stage.STAGE2
                && view.model().reportProperty().get().groupBy() == GroupBy.TENANT && !view.model().loadingProperty().get());
        TabPane tabs = lookup("#reportTabs").queryAs(TabPane.class);
        interact(() -> tabs.getSelectionModel().select(2));
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> criteria = lookup("#criteriaTable").queryAs(TableView.class);
        assertThat(criteria.getItems()).hasSize(7); // four criteria against tags, three against the measured checks
        assertThat(lookup("#reportSummary").queryAs(Label.class).getText()).startsWith("23 pairs · 20 agree");
        screenshot("report-stage2-criteria.png");
        interact(() -> tabs.getSelectionModel().select(1));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup("#groupTable").queryAs(TableView.class).getItems()).hasSize(5);
        screenshot("report-stage2-groups.png");
        interact(() -> {
            view.model().filters().stageProperty().set(Prompt.Stage.STAGE1);
            view.model().filters().groupByProperty().set(GroupBy.NONE);
            tabs.getSelectionModel().select(0);
        });
        waitUntil(() -> view.model().reportProperty().get().filter().stage() == Prompt.Stage.STAGE1
                && !view.model().loadingProperty().get());
    }

    @Test
    void compareTwoPromptVersions() throws Exception {
        TabPane tabs = lookup("#reportTabs").queryAs(TabPane.class);
        interact(() -> tabs.getSelectionModel().select(3));
        CompareViewModel c = view.model().compare();
        waitUntil(() -> c.choices().contains("stage1-v2"));
        interact(() -> {
            c.sideAProperty().set("stage1-v1");
            c.sideBProperty().set("stage1-v2");
        });
        clickOn("#compareButton");
        waitUntil(() -> c.comparisonProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup("#compareAResult").queryAs(Label.class).getText())
                .startsWith("A (stage1-v1) against the reviewers: 20 pairs · 11 agree");
        assertThat(lookup("#compareBResult").queryAs(Label.class).getText())
                .startsWith("B (stage1-v2) against the reviewers: 10 pairs · 6 agree");
        screenshot("report-compare.png");
        interact(() -> tabs.getSelectionModel().select(0));
    }

    private static void screenshot(String name) throws Exception {
        Path file = Paths.get("target", "screenshots", name);
        Files.createDirectories(file.getParent());
        AtomicReference<java.awt.image.BufferedImage> image = new AtomicReference<>();
        WaitForAsyncUtils.asyncFx(() -> image.set(SwingFXUtils.fromFXImage(view.getScene().snapshot(null), null)))
                .get(10, TimeUnit.SECONDS);
        ImageIO.write(image.get(), "png", file.toFile());
        System.out.println("ReportViewScreenshotTest: screenshot " + file.toAbsolutePath());
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> WaitForAsyncUtils.asyncFx(condition).get(10, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitForFxEvents();
    }
}

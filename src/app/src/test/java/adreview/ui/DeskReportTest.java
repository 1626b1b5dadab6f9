package adreview.ui;

import static org.assertj.core.api.Assertions.assertThat;

import adreview.app.DeskConfig;
import adreview.app.DeskServices;
import adreview.desk.ListedVariant;
import adreview.ui.prefs.UiPreferences;
import adreview.review.report.DisagreeingVariant;
import adreview.ui.report.ReportView;
import java.util.Map;
import org.controlsfx.control.CheckComboBox;
import javafx.scene.Node;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Report button of the whole desk (demo data, fresh embedded database): it opens the Report window
 * owned by the main window, and a click on a disagreement selects that variant in the main window's list,
 * clearing list filters that would hide it.
 */
@ExtendWith(XDisplay.class)
class DeskReportTest extends FxRobot {

    private static DeskApplication app;

    @BeforeAll
    static void startDesk() throws Exception {
        DeskConfig home = UiFixture.freshHome("desk-report-test");
        UiFixture.prepare(home);
        FxToolkit.registerPrimaryStage();
        app = (DeskApplication) FxToolkit.setupApplication(() -> new DeskApplication(
                new DeskServices(() -> DeskConfig.load(Map.of(), Map.of()), false), UiPreferences.inMemory()));
        UiFixture.waitUntil(() -> app.model().phaseProperty().get() == MainViewModel.Phase.FAILED
                || !app.listModel().allVariants().isEmpty());
        assertThat(app.model().failureProperty().get()).isEmpty();
        UiFixture.waitUntil(() -> !app.view().reportButton().isDisabled());
    }

    @AfterAll
    static void stopDesk() throws Exception {
        UiFixture.stopDesk(app);
    }

    @Test
    void theReportOpensFromTheTopBarAndADisagreementOpensItsVariant() throws Exception {
        // A list filter that hides the variant about to be opened.
        @SuppressWarnings("unchecked")
        CheckComboBox<String> statuses = lookup("#statusFilter").queryAs(CheckComboBox.class);
        interact(() -> statuses.getCheckModel().check("failed"));
        assertThat(app.listModel().filter().statuses()).containsExactly("failed");
        clickOn("#reportButton");
        UiFixture.waitUntil(() -> app.reportView() != null && app.reportView().model().reportProperty().get() != null
                && !app.reportView().model().disagreements().isEmpty());
        ReportView report = app.reportView();
        Stage window = (Stage) report.getScene().getWindow();
        assertThat(window.getOwner()).isSameAs(app.stage());
        WaitForAsyncUtils.waitForFxEvents();
        screenshot(report.getScene(), "target/screenshots/desk-report.png");

        DisagreeingVariant first = report.model().disagreements().get(0);
        TableView<?> table = from(report).lookup("#disagreementTable").queryAs(TableView.class);
        Node row = from(table).lookup(".table-row-cell").queryAll().stream()
                .filter(n -> !((TableRow<?>) n).isEmpty()).findFirst().orElseThrow();
        clickOn(row);
        UiFixture.waitUntil(() -> {
            ListedVariant selected = app.state().current();
            return selected != null && selected.row().variantId().equals(first.variantId());
        });
        assertThat(app.listModel().filter().statuses()).isEmpty();
        interact(window::close);
    }

    private static void screenshot(javafx.scene.Scene scene, String file) throws Exception {
        java.nio.file.Path path = java.nio.file.Path.of(file);
        WaitForAsyncUtils.asyncFx(() -> {
            Screenshots.write(scene, path);
            return null;
        }).get(10, java.util.concurrent.TimeUnit.SECONDS);
        System.out.println("DeskReportTest: screenshot " + path.toAbsolutePath());
    }
}

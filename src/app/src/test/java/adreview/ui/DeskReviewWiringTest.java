package adreview.ui;

import static org.assertj.core.api.Assertions.assertThat;

import adreview.app.DeskConfig;
import adreview.app.DeskServices;
import adreview.desk.ListedVariant;
import adreview.store.AssetLocation;
import adreview.ui.detail.ImageKind;
import adreview.ui.prefs.UiPreferences;
import adreview.checks.MeasuredReport;
import adreview.review.decision.ReviewerDecision;
import adreview.review.decision.Verdict;
import adreview.store.demo.DemoVariants;
import adreview.ui.checks.OverlayBoxesLayer;
import adreview.ui.image.ImageState;
import adreview.models.ModelFolderInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole desk with its review side wired, on an X display, on a fresh embedded database with the demo data:
 * the Review tab without a usable model, the Measured tab and boxes on the low-contrast demo variant,
 * an Accept decision from the keyboard, and the Models window switching the review to the tiny fixture
 * model. The configured model folder is a folder of models (not a model), so the review starts not ready.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(XDisplay.class)
class DeskReviewWiringTest extends FxRobot {

    private static DeskApplication app;
    private static Path modelsDir;

    @BeforeAll
    static void startDesk() throws Exception {
        DeskConfig home = UiFixture.freshHome("desk-review-test");
        modelsDir = Files.createDirectories(home.dataDir().resolve("models"));
        Path fixture = adreview.llava.Fixtures.tinyModel()
                .toAbsolutePath().normalize();
        UiFixture.copyTree(fixture, modelsDir.resolve("llava-tiny"));
        Map<DeskConfig.Key, String> flags = Map.of(DeskConfig.Key.MODEL_DIR, modelsDir.toString());
        UiFixture.prepare(DeskConfig.load(Map.of(), flags));
        FxToolkit.registerPrimaryStage();
        long t0 = System.nanoTime();
        app = (DeskApplication) FxToolkit.setupApplication(() -> new DeskApplication(
                new DeskServices(() -> DeskConfig.load(Map.of(), flags), false), UiPreferences.inMemory()));
        UiFixture.waitUntil(() -> app.model().phaseProperty().get() == MainViewModel.Phase.FAILED
                || !app.listModel().allVariants().isEmpty());
        assertThat(app.model().failureProperty().get()).isEmpty();
        // Connected: the Models button is enabled once the review side has the database.
        UiFixture.waitUntil(() -> !app.view().modelsButton().isDisabled());
        System.out.printf("DeskReviewWiringTest: desk wired %d ms after setupApplication%n",
                (System.nanoTime() - t0) / 1_000_000);
    }

    @AfterAll
    static void stopDesk() throws Exception {
        UiFixture.stopDesk(app);
    }

    @Test
    @Order(1)
    void theReviewTabSaysWhyRunsAreOffWithoutAModel() throws Exception {
        TabPane tabs = app.view().detail().sideTabs();
        assertThat(tabs.getTabs()).extracting(Tab::getId).containsExactly("reviewTab", "measuredTab", "historyTab", "infoTab");
        assertThat(tabs.getSelectionModel().getSelectedItem().getId()).isEqualTo("reviewTab");
        UiFixture.waitUntil(() -> !app.review().readinessProperty().get().ready()
                && app.review().readinessProperty().get().problem() != null
                && !app.review().readinessProperty().get().problem().isBlank());
        assertThat(lookup("#runStage1Button").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(lookup("#runStage2Button").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(lookup("#getModelButton").queryAs(Button.class).isVisible())
                .as("no model: the download is offered in place").isTrue();
        Label note = lookup("#modelMissingNote").queryAs(Label.class);
        assertThat(note.isVisible()).isTrue();
        assertThat(note.getText()).isNotBlank();
        select(firstWithImage());
        UiFixture.waitUntil(() -> app.detailModel().imageProperty(ImageKind.GENERATED).get() instanceof ImageState.Shown);
        screenshot(app.stage().getScene(), "target/screenshots/desk-review-tab.png");
    }

    @Test
    @Order(2)
    void theMeasuredTabShowsTheLowContrastVariantFailingContrast() throws Exception {
        ListedVariant low = row(DemoVariants.LOW_CONTRAST);
        select(low);
        clickOn(tabHeader("Measured"));
        UiFixture.waitUntil(() -> app.measured().report() != null
                && app.state().current().row().variantId().equals(DemoVariants.LOW_CONTRAST));
        MeasuredReport report = app.measured().report();
        assertThat(report.contrastOk()).isFalse();
        assertThat(from(app.measured().panel()).lookup(".label").queryAll().stream()
                .map(n -> ((Label) n).getText()).anyMatch(t -> t != null && t.equals("WCAG 1.4.3 AA fail"))).isTrue();

        clickOn("#detailShowBoxes");
        OverlayBoxesLayer boxes = app.view().detail().images().boxesLayer();
        UiFixture.waitUntil(() -> boxes.isVisible() && boxes.getChildrenUnmodifiable().size() > 1);
        assertThat(app.detailModel().imageKindProperty().get()).isEqualTo(ImageKind.RENDER);
        screenshot(app.stage().getScene(), "target/screenshots/desk-measured-tab.png");
        clickOn("#detailShowBoxes");
        clickOn("#detailShowGenerated");
    }

    @Test
    @Order(3)
    void pressingARecordsAnAcceptShowsItInTheListAndAdvances() throws Exception {
        @SuppressWarnings("unchecked")
        TableView<ListedVariant> table = lookup("#variantTable").queryAs(TableView.class);
        ListedVariant target = firstWithImage();
        select(target);
        int before = table.getSelectionModel().getSelectedIndex();
        assertThat(before).isLessThan(table.getItems().size() - 1);
        clickOn(tabHeader("Review"));
        interact(() -> app.review().decisions().reviewerProperty().set("mina")); // asked once, then remembered
        interact(table::requestFocus);
        type(KeyCode.A);

        var service = app.model().service().orElseThrow();
        UiFixture.waitUntil(() -> !service.detail(target.row().variantId()).orElseThrow().decisions().isEmpty());
        ReviewerDecision saved = service.detail(target.row().variantId()).orElseThrow().decisions().get(0);
        assertThat(saved.verdict()).isEqualTo(Verdict.ACCEPT);
        assertThat(saved.reviewer()).isEqualTo("mina");
        UiFixture.waitUntil(() -> table.getItems().stream().anyMatch(v -> v.row().variantId().equals(target.row().variantId())
                && v.decision() != null && v.decision().verdict() == Verdict.ACCEPT));
        assertThat(table.getSelectionModel().getSelectedIndices()).hasSize(1);
        assertThat(table.getSelectionModel().getSelectedIndex()).isEqualTo(before + 1);
        interact(() -> table.scrollTo(Math.max(0, before - 2)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(from(table).lookup(".badge").queryAll().stream()
                .anyMatch(n -> n.isVisible() && "Accept".equals(((Label) n).getText()))).isTrue();
        screenshot(app.stage().getScene(), "target/screenshots/desk-decision.png");

        // The decision is in the variant's history too, apart from the model calls.
        select(target);
        clickOn(tabHeader("History"));
        UiFixture.waitUntil(() -> app.detailModel().traces().decisions().stream()
                .anyMatch(d -> d.verdict() == Verdict.ACCEPT));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(from(lookup("#decisionHistory").queryAs(javafx.scene.layout.VBox.class)).lookup(".decision-line")
                .queryAll().stream().map(n -> ((Label) n).getText())).anyMatch(t -> t.startsWith("Accept · "));
        screenshot(app.stage().getScene(), "target/screenshots/desk-decision-history.png");
        clickOn(tabHeader("Review"));
    }

    @Test
    @Order(4)
    void getAModelOpensTheModelsViewAndUseSwitchesTheReviewModel() throws Exception {
        // The Review tab's "Get a model…" (offered while no model is usable) opens the same window as "Models".
        clickOn("#getModelButton");
        UiFixture.waitUntil(() -> app.modelsView() != null && !app.modelsView().model().folders().isEmpty());
        @SuppressWarnings("unchecked")
        TableView<ModelFolderInfo> folders = from(app.modelsView()).lookup("#models-table").queryAs(TableView.class);
        assertThat(folders.getItems()).extracting(ModelFolderInfo::name).contains("llava-tiny");
        Stage window = (Stage) app.modelsView().getScene().getWindow();
        assertThat(window.getOwner()).isSameAs(app.stage());

        ModelFolderInfo tiny = folders.getItems().stream().filter(f -> f.name().equals("llava-tiny")).findFirst()
                .orElseThrow();
        assertThat(tiny.complete()).as("fixture model complete: %s", tiny.problems()).isTrue();
        interact(() -> folders.getSelectionModel().select(tiny));
        clickOn(from(app.modelsView()).lookup("#models-use").queryAs(Button.class));
        UiFixture.waitUntil(() -> app.review().readinessProperty().get().ready());
        assertThat(app.review().canRunProperty().get()).isTrue();
        UiFixture.waitUntil(() -> folders.getItems().stream().anyMatch(ModelFolderInfo::inUse));
        // the choice outlives the session: the next start without flags reads it from the config file
        DeskConfig next = DeskConfig.load(Map.of(), Map.of());
        assertThat(next.sourceOf(DeskConfig.Key.MODEL_DIR)).isEqualTo(adreview.app.ConfigSource.CONFIG_FILE);
        assertThat(next.modelDir()).isEqualTo(tiny.path().toAbsolutePath().normalize());
        UiFixture.waitUntil(() -> app.modelsView().model().messageProperty().get().contains("saved to"));
        screenshot(window.getScene(), "target/screenshots/desk-models.png");
        interact(window::close);
        assertThat(lookup("#runStage1Button").queryAs(Button.class).isDisabled()).isFalse();
        assertThat(lookup("#getModelButton").queryAs(Button.class).isVisible()).isFalse();
    }

    private Node tabHeader(String title) {
        return lookup(".tab-pane .tab").queryAll().stream()
                .filter(n -> from(n).lookup(".tab-label").queryAll().stream()
                        .anyMatch(l -> title.equals(((Label) l).getText())))
                .findFirst().orElseThrow(() -> new AssertionError("no tab " + title));
    }

    private ListedVariant firstWithImage() {
        @SuppressWarnings("unchecked")
        TableView<ListedVariant> table = lookup("#variantTable").queryAs(TableView.class);
        var service = app.model().service().orElseThrow();
        return table.getItems().stream().limit(table.getItems().size() - 1)
                .filter(v -> service.detail(v.row().variantId()).orElseThrow().image() instanceof AssetLocation.LocalFile f
                        && f.exists())
                .filter(v -> v.decision() == null)
                .findFirst().orElseThrow(() -> new AssertionError("demo data has no undecided variant with an image"));
    }

    private ListedVariant row(java.util.UUID id) {
        return app.listModel().allVariants().stream().filter(v -> v.row().variantId().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("demo variant " + id + " not in the list"));
    }

    private void select(ListedVariant variant) {
        @SuppressWarnings("unchecked")
        TableView<ListedVariant> table = lookup("#variantTable").queryAs(TableView.class);
        interact(() -> {
            int i = table.getItems().stream().map(v -> v.row().variantId()).toList().indexOf(variant.row().variantId());
            table.getSelectionModel().clearAndSelect(i);
            table.scrollTo(Math.max(0, i - 2));
        });
    }

    private static void screenshot(javafx.scene.Scene scene, String file) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(() -> Screenshots.write(scene, Path.of(file))).get(30, TimeUnit.SECONDS);
        assertThat(Path.of(file)).isNotEmptyFile();
    }

}

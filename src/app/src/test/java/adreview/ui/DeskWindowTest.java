package adreview.ui;

import static org.assertj.core.api.Assertions.assertThat;

import adreview.app.DeskConfig;
import adreview.app.DeskServices;
import adreview.desk.DeskService;
import adreview.desk.ListedVariant;
import adreview.desk.VariantDetail;
import adreview.store.AdCopy;
import adreview.store.AssetLocation;
import adreview.store.Trace;
import adreview.ui.detail.ImageKind;
import adreview.ui.prefs.UiPreferences;
import adreview.ui.image.ImageState;
import adreview.ui.image.ZoomableImageView;
import adreview.ui.trace.TraceRow;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
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
 * The desk's window on a real X display (Xvfb), on a fresh embedded database with the demo data:
 * selecting a variant shows its image, its ad copy and its trace rows; a missing image shows a
 * placeholder naming the file; Korean ad copy is shown; screenshots go to target/screenshots/.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(XDisplay.class)
class DeskWindowTest extends FxRobot {

    private static DeskConfig config;
    private static DeskApplication app;
    /** The expected values come from the database through the desk's service, not from the controls. */
    private static DeskService expected;

    @BeforeAll
    static void startDesk() throws Exception {
        config = UiFixture.freshHome("desk-window-test");
        UiFixture.prepare(config);
        FxToolkit.registerPrimaryStage();
        long t0 = System.nanoTime();
        app = (DeskApplication) FxToolkit.setupApplication(() -> new DeskApplication(
                new DeskServices(() -> DeskConfig.load(Map.of(), Map.of()), false), UiPreferences.inMemory()));
        UiFixture.waitUntil(() -> app.model().phaseProperty().get() == MainViewModel.Phase.FAILED
                || !app.listModel().allVariants().isEmpty());
        System.out.printf("DeskWindowTest: window showed %d variants %d ms after setupApplication%n",
                app.listModel().allVariants().size(), (System.nanoTime() - t0) / 1_000_000);
        assertThat(app.model().failureProperty().get()).isEmpty();
        expected = app.model().service().orElseThrow();
    }

    @AfterAll
    static void stopDesk() throws Exception {
        UiFixture.stopDesk(app);
    }

    @Test
    @Order(1)
    void selectingAVariantShowsItsImageAdCopyAndTraces() throws Exception {
        // The variant with the longest history, so that the screenshot shows Stage 1, Stage 2 and failures.
        ListedVariant traced = expected.variants().stream()
                .filter(v -> imageFile(v) instanceof AssetLocation.LocalFile f && f.exists())
                .filter(v -> !detail(v).traces().isEmpty())
                .max(java.util.Comparator.comparingInt(v -> detail(v).traces().size()))
                .orElseThrow(() -> new AssertionError("demo data has no variant with image and traces"));

        @SuppressWarnings("unchecked")
        TableView<ListedVariant> variants = lookup("#variantTable").queryAs(TableView.class);
        // Let the start-up selection of the first row settle first, or it may land after the click.
        UiFixture.waitUntil(() -> variants.getSelectionModel().getSelectedItem() != null);
        WaitForAsyncUtils.waitForFxEvents();
        int index = variants.getItems().stream().map(v -> v.row().variantId()).toList().indexOf(id(traced));
        interact(() -> variants.scrollTo(Math.max(0, index - 3)));
        clickOn(Formats.shortId(id(traced)));
        UiFixture.waitUntil(() -> id(traced).equals(variants.getSelectionModel().getSelectedItem().row().variantId()));
        UiFixture.waitUntil(() -> app.detailModel().imageProperty(ImageKind.GENERATED).get() instanceof ImageState.Shown);

        ZoomableImageView image = lookup("#detailImage").queryAs(ZoomableImageView.class);
        assertThat(image.imageProperty().get()).isNotNull();
        assertThat(image.imageProperty().get().getWidth()).isGreaterThan(0);

        AdCopy copy = expected.adCopy(traced.row().jobId(), null);
        selectSideTab("infoTab");
        UiFixture.waitUntil(() -> lookup("#adCopyText").queryAs(Label.class).getText().equals(
                copy.text().isEmpty() ? adreview.ui.i18n.Messages.get("info.noAdCopy") : copy.text()));
        assertThat(lookup("#adCopySource").queryAs(Label.class).getText()).isEqualTo(adreview.ui.i18n.Messages.get(
                "adCopySource." + copy.source().name().toLowerCase(java.util.Locale.ROOT)));

        // The Review tab is selected at start; the trace history is its own tab.
        selectSideTab("historyTab");
        List<Trace> traces = detail(traced).traces();
        @SuppressWarnings("unchecked")
        TableView<TraceRow> traceTable = lookup("#traceTable").queryAs(TableView.class);
        UiFixture.waitUntil(() -> traceTable.getItems().size() == traces.size());
        assertThat(traceTable.getItems()).extracting(r -> r.trace().traceId())
                .containsExactlyElementsOf(traces.stream().map(Trace::traceId).toList());

        TraceRow judged = traceTable.getItems().stream().filter(r -> "judge".equals(r.trace().operationType()))
                .findFirst().orElse(traceTable.getItems().get(0));
        javafx.scene.Node judgedRow = from(traceTable).lookup(".table-row-cell").queryAll().stream()
                .filter(n -> n instanceof javafx.scene.control.TableRow<?> r && r.getItem() == judged)
                .findFirst().orElseThrow();
        clickOn(judgedRow);
        assertThat(traceTable.getSelectionModel().getSelectedItem()).isSameAs(judged);
        WaitForAsyncUtils.waitForFxEvents();
        String response = lookup("#traceResponse").queryAs(TextArea.class).getText();
        assertThat(response).startsWith("{").contains("\n  \"");

        screenshot(app.stage().getScene(), "target/screenshots/main-window.png");
    }

    @Test
    @Order(2)
    void jAndKMoveTheSelection() {
        @SuppressWarnings("unchecked")
        TableView<ListedVariant> table = lookup("#variantTable").queryAs(TableView.class);
        clickOn(table);
        int before = table.getSelectionModel().getSelectedIndex();
        type(before == table.getItems().size() - 1 ? KeyCode.K : KeyCode.J);
        int after = table.getSelectionModel().getSelectedIndex();
        assertThat(after).isNotEqualTo(before).isBetween(before - 1, before + 1);
        type(after > before ? KeyCode.K : KeyCode.J);
        assertThat(table.getSelectionModel().getSelectedIndex()).isEqualTo(before);
    }

    @Test
    @Order(3)
    void aMissingImageShowsAPlaceholderNamingTheFile() throws Exception {
        ListedVariant missing = expected.variants().stream()
                .filter(v -> imageFile(v) instanceof AssetLocation.LocalFile f && !f.exists())
                .findFirst().orElseThrow(() -> new AssertionError("demo data has no variant with a missing image file"));
        select(missing);
        UiFixture.waitUntil(() -> app.detailModel().imageProperty(ImageKind.GENERATED).get() instanceof ImageState.Problem);
        assertThat(lookup("#detailPlaceholder").queryAs(VBox.class).isVisible()).isTrue();
        assertThat(lookup("#detailPlaceholderTitle").queryAs(Label.class).getText()).isEqualTo("Image file missing");
        assertThat(lookup("#detailPlaceholderDetail").queryAs(Label.class).getText())
                .contains(((AssetLocation.LocalFile) imageFile(missing)).path().getFileName().toString());
        screenshot(app.stage().getScene(), "target/screenshots/missing-image.png");
    }

    @Test
    @Order(4)
    void aCorruptImageSaysItCannotBeDecoded() throws Exception {
        ListedVariant corrupt = expected.variants().stream()
                .filter(v -> imageFile(v) instanceof AssetLocation.LocalFile f && f.exists())
                .filter(v -> new adreview.ui.image.ImageDecoder().decode(imageFile(v)) instanceof ImageState.Problem)
                .findFirst().orElseThrow(() -> new AssertionError("demo data has no variant with a corrupt image file"));
        select(corrupt);
        UiFixture.waitUntil(() -> app.detailModel().imageProperty(ImageKind.GENERATED).get() instanceof ImageState.Problem);
        assertThat(lookup("#detailPlaceholderTitle").queryAs(Label.class).getText()).isEqualTo("Image cannot be decoded");
    }

    @Test
    @Order(5)
    void koreanAdCopyIsShown() throws Exception {
        ListedVariant korean = expected.variants().stream()
                .filter(v -> expected.adCopy(v.row().jobId(), null).text().codePoints()
                        .anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HANGUL))
                .findFirst().orElseThrow(() -> new AssertionError("demo data has no Korean ad copy"));
        select(korean);
        selectSideTab("infoTab");
        String text = expected.adCopy(korean.row().jobId(), null).text();
        UiFixture.waitUntil(() -> lookup("#adCopyText").queryAs(Label.class).getText().equals(text));
        Label label = lookup("#adCopyText").queryAs(Label.class);
        assertThat(label.getFont().getFamily()).containsIgnoringCase("nanum");
        screenshot(app.stage().getScene(), "target/screenshots/korean-ad-copy.png");
    }

    @Test
    @Order(6)
    void typedAdCopyWinsAndTheRenderToggleShowsTheOverlay() throws Exception {
        ListedVariant withRender = expected.variants().stream()
                .filter(v -> detail(v).renderImage() instanceof AssetLocation.LocalFile f && f.exists())
                .findFirst().orElseThrow(() -> new AssertionError("demo data has no variant with a render"));
        select(withRender);
        selectSideTab("infoTab");
        clickOn("#typedAdCopy").write("Mild roast, strong mornings");
        UiFixture.waitUntil(() -> "Mild roast, strong mornings".equals(lookup("#adCopyText").queryAs(Label.class).getText()));
        assertThat(app.detailModel().adCopySourceProperty().get()).isEqualTo(adreview.store.AdCopySource.TYPED);

        clickOn("#detailShowRender");
        UiFixture.waitUntil(() -> app.detailModel().imageKindProperty().get() == ImageKind.RENDER
                && app.detailModel().imageProperty(ImageKind.RENDER).get() instanceof ImageState.Shown);
        AssetLocation render = detail(withRender).renderImage();
        assertThat(lookup("#detailCaption").queryAs(Label.class).getText()).contains(render.url());
        screenshot(app.stage().getScene(), "target/screenshots/render-typed-copy.png");
        clickOn("#detailShowGenerated");
    }

    @Test
    @Order(7)
    void settingsDialogShowsTheEffectiveConfiguration() throws Exception {
        clickOn("#settingsButton");
        @SuppressWarnings("unchecked")
        TableView<adreview.desk.DeskSetting> table = lookup("#configTable").queryAs(TableView.class);
        assertThat(table.getItems()).extracting(adreview.desk.DeskSetting::name)
                .contains("Database URL", "Asset root", "Model folder", "Device", "Precision");
        assertThat(table.getItems()).filteredOn(e -> e.name().equals("Asset root"))
                .extracting(adreview.desk.DeskSetting::value).containsExactly(config.assetRoot().toString());
        // The local backend's connection test: one line, no dialog of its own.
        clickOn("#testConnectionButton");
        UiFixture.waitUntil(() -> lookup("#connectionResult").queryAs(Label.class).getText().startsWith("OK: ")
                || lookup("#connectionResult").queryAs(Label.class).getText().startsWith("Failed: "));
        Stage dialog = (Stage) table.getScene().getWindow();
        screenshot(dialog.getScene(), "target/screenshots/settings-dialog.png");
        interact(dialog::close);
    }

    private static UUID id(ListedVariant v) {
        return v.row().variantId();
    }

    private static VariantDetail detail(ListedVariant v) {
        return expected.detail(id(v)).orElseThrow();
    }

    private static AssetLocation imageFile(ListedVariant v) {
        return detail(v).image();
    }

    private void selectSideTab(String id) {
        var tabs = app.view().detail().sideTabs();
        interact(() -> tabs.getSelectionModel().select(
                tabs.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst().orElseThrow()));
    }

    private void select(ListedVariant variant) {
        @SuppressWarnings("unchecked")
        TableView<ListedVariant> table = lookup("#variantTable").queryAs(TableView.class);
        ListedVariant row = table.getItems().stream().filter(v -> id(v).equals(id(variant)))
                .findFirst().orElseThrow();
        interact(() -> {
            table.getSelectionModel().clearAndSelect(table.getItems().indexOf(row)); // the table allows multiple rows
            table.scrollTo(row);
        });
    }

    /** Writes a PNG of the scene, on the FX thread. */
    private static void screenshot(javafx.scene.Scene scene, String file) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(() -> Screenshots.write(scene, Path.of(file))).get(30, TimeUnit.SECONDS);
        assertThat(Path.of(file)).isNotEmptyFile();
    }

}

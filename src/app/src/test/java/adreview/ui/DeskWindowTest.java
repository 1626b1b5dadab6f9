package adreview.ui;

import static org.assertj.core.api.Assertions.assertThat;

import adreview.app.DeskConfig;
import adreview.app.StoreDeskBackend;
import adreview.ui.data.ImageLocation;
import adreview.ui.data.ResolvedAdCopy;
import adreview.ui.data.TraceEntry;
import adreview.ui.data.VariantSummary;
import adreview.ui.detail.ImageKind;
import adreview.ui.image.ImageState;
import adreview.ui.image.ZoomableImageView;
import adreview.ui.trace.TraceRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
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
 * The desk's window, headless (TestFX + Monocle), on a fresh embedded database with the demo data:
 * selecting a variant shows its image, its ad copy and its trace rows; a missing image shows a
 * placeholder naming the file; Korean ad copy is shown; screenshots go to target/screenshots/.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(XDisplay.class)
class DeskWindowTest extends FxRobot {

    private static DeskConfig config;
    private static DeskApplication app;
    /** The expected values come from the database through the session's data, not from the controls. */
    private static Expected expected;

    private record Expected(adreview.ui.data.DeskData data) {
    }

    @BeforeAll
    static void startDesk() throws Exception {
        config = UiFixture.freshHome("desk-window-test");
        UiFixture.prepare(config);
        System.setProperty("headless.geometry", "1440x900-32"); // Monocle's screen; its default is 1280x800
        FxToolkit.registerPrimaryStage();
        long t0 = System.nanoTime();
        app = (DeskApplication) FxToolkit.setupApplication(() -> new DeskApplication(
                new StoreDeskBackend(() -> DeskConfig.load(Map.of(), Map.of()), false)));
        UiFixture.waitUntil(() -> app.model().phaseProperty().get() == MainViewModel.Phase.FAILED
                || !app.model().list().allVariants().isEmpty());
        System.out.printf("DeskWindowTest: window showed %d variants %d ms after setupApplication%n",
                app.model().list().allVariants().size(), (System.nanoTime() - t0) / 1_000_000);
        assertThat(app.model().failureProperty().get()).isEmpty();
        expected = new Expected(app.model().data().orElseThrow());
    }

    @AfterAll
    static void stopDesk() throws Exception {
        UiFixture.stopDesk(app);
    }

    @Test
    @Order(1)
    void selectingAVariantShowsItsImageAdCopyAndTraces() throws Exception {
        // The variant with the longest history, so that the screenshot shows Stage 1, Stage 2 and failures.
        VariantSummary traced = expected.data().listVariants().stream()
                .filter(v -> v.image().hasFile() && Files.isRegularFile(v.image().file()))
                .filter(v -> !expected.data().traces(v.variantId(), v.jobId()).isEmpty())
                .max(java.util.Comparator.comparingInt(v -> expected.data().traces(v.variantId(), v.jobId()).size()))
                .orElseThrow(() -> new AssertionError("demo data has no variant with image and traces"));

        @SuppressWarnings("unchecked")
        TableView<VariantSummary> variants = lookup("#variantTable").queryAs(TableView.class);
        // Let the start-up selection of the first row settle first, or it may land after the click.
        UiFixture.waitUntil(() -> variants.getSelectionModel().getSelectedItem() != null);
        WaitForAsyncUtils.waitForFxEvents();
        int index = variants.getItems().stream().map(VariantSummary::variantId).toList().indexOf(traced.variantId());
        interact(() -> variants.scrollTo(Math.max(0, index - 3)));
        clickOn(Formats.shortId(traced.variantId()));
        UiFixture.waitUntil(() -> traced.variantId().equals(variants.getSelectionModel().getSelectedItem().variantId()));
        UiFixture.waitUntil(() -> app.model().detail().imageProperty().get() instanceof ImageState.Shown);

        ZoomableImageView image = lookup("#detailImage").queryAs(ZoomableImageView.class);
        assertThat(image.imageProperty().get()).isNotNull();
        assertThat(image.imageProperty().get().getWidth()).isGreaterThan(0);

        ResolvedAdCopy copy = expected.data().resolveAdCopy(traced.jobId(), null);
        UiFixture.waitUntil(() -> lookup("#adCopyText").queryAs(Label.class).getText().equals(
                copy.text().isEmpty() ? "No ad copy: Stage 1 evaluates the image alone." : copy.text()));
        assertThat(lookup("#adCopySource").queryAs(Label.class).getText()).isEqualTo(copy.source().description());

        // The Review tab is selected at start; the trace history is its own tab.
        interact(() -> app.view().detail().results().getSelectionModel().select(
                app.view().detail().results().getTabs().stream().filter(t -> "historyTab".equals(t.getId()))
                        .findFirst().orElseThrow()));
        List<TraceEntry> traces = expected.data().traces(traced.variantId(), traced.jobId());
        @SuppressWarnings("unchecked")
        TableView<TraceRow> traceTable = lookup("#traceTable").queryAs(TableView.class);
        UiFixture.waitUntil(() -> traceTable.getItems().size() == traces.size());
        assertThat(traceTable.getItems()).extracting(r -> r.trace().traceId())
                .containsExactlyElementsOf(traces.stream().map(TraceEntry::traceId).toList());

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
        TableView<VariantSummary> table = lookup("#variantTable").queryAs(TableView.class);
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
        VariantSummary missing = expected.data().listVariants().stream()
                .filter(v -> v.image().hasFile() && !Files.exists(v.image().file()))
                .findFirst().orElseThrow(() -> new AssertionError("demo data has no variant with a missing image file"));
        select(missing);
        UiFixture.waitUntil(() -> app.model().detail().imageProperty().get() instanceof ImageState.Problem);
        assertThat(lookup("#imagePlaceholder").queryAs(VBox.class).isVisible()).isTrue();
        assertThat(lookup("#imagePlaceholderTitle").queryAs(Label.class).getText()).isEqualTo("Image file missing");
        assertThat(lookup("#imagePlaceholderDetail").queryAs(Label.class).getText())
                .contains(missing.image().file().getFileName().toString());
        screenshot(app.stage().getScene(), "target/screenshots/missing-image.png");
    }

    @Test
    @Order(4)
    void aCorruptImageSaysItCannotBeDecoded() throws Exception {
        VariantSummary corrupt = expected.data().listVariants().stream()
                .filter(v -> v.image().hasFile() && Files.isRegularFile(v.image().file()))
                .filter(v -> new adreview.ui.image.ImageDecoder().decode(v.image()) instanceof ImageState.Problem)
                .findFirst().orElseThrow(() -> new AssertionError("demo data has no variant with a corrupt image file"));
        select(corrupt);
        UiFixture.waitUntil(() -> app.model().detail().imageProperty().get() instanceof ImageState.Problem);
        assertThat(lookup("#imagePlaceholderTitle").queryAs(Label.class).getText()).isEqualTo("Image cannot be decoded");
    }

    @Test
    @Order(5)
    void koreanAdCopyIsShown() throws Exception {
        VariantSummary korean = expected.data().listVariants().stream()
                .filter(v -> expected.data().resolveAdCopy(v.jobId(), null).text().codePoints()
                        .anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HANGUL))
                .findFirst().orElseThrow(() -> new AssertionError("demo data has no Korean ad copy"));
        select(korean);
        String text = expected.data().resolveAdCopy(korean.jobId(), null).text();
        UiFixture.waitUntil(() -> lookup("#adCopyText").queryAs(Label.class).getText().equals(text));
        Label label = lookup("#adCopyText").queryAs(Label.class);
        assertThat(label.getFont().getFamily()).containsIgnoringCase("nanum");
        screenshot(app.stage().getScene(), "target/screenshots/korean-ad-copy.png");
    }

    @Test
    @Order(6)
    void typedAdCopyWinsAndTheRenderToggleShowsTheOverlay() throws Exception {
        VariantSummary withRender = expected.data().listVariants().stream()
                .filter(v -> expected.data().findVariant(v.variantId()).orElseThrow().render().hasFile())
                .filter(v -> Files.isRegularFile(expected.data().findVariant(v.variantId()).orElseThrow().render().file()))
                .findFirst().orElseThrow(() -> new AssertionError("demo data has no variant with a render"));
        select(withRender);
        clickOn("#typedAdCopy").write("Mild roast, strong mornings");
        UiFixture.waitUntil(() -> "Mild roast, strong mornings".equals(lookup("#adCopyText").queryAs(Label.class).getText()));
        assertThat(app.model().detail().adCopySourceProperty().get()).isEqualTo(adreview.ui.data.AdCopySource.TYPED);

        clickOn("#showRender");
        UiFixture.waitUntil(() -> app.model().detail().imageKindProperty().get() == ImageKind.RENDER
                && app.model().detail().imageProperty().get() instanceof ImageState.Shown);
        ImageLocation render = expected.data().findVariant(withRender.variantId()).orElseThrow().render();
        assertThat(lookup("#imageCaption").queryAs(Label.class).getText()).contains(render.url());
        screenshot(app.stage().getScene(), "target/screenshots/render-typed-copy.png");
        clickOn("#showGenerated");
    }

    @Test
    @Order(7)
    void settingsDialogShowsTheEffectiveConfiguration() throws Exception {
        clickOn("#settingsButton");
        @SuppressWarnings("unchecked")
        TableView<adreview.ui.data.ConfigEntry> table = lookup("#configTable").queryAs(TableView.class);
        assertThat(table.getItems()).extracting(adreview.ui.data.ConfigEntry::key)
                .contains("Database URL", "Asset root", "Model folder", "Device", "Precision");
        assertThat(table.getItems()).filteredOn(e -> e.key().equals("Asset root"))
                .extracting(adreview.ui.data.ConfigEntry::value).containsExactly(config.assetRoot().toString());
        Stage dialog = (Stage) table.getScene().getWindow();
        screenshot(dialog.getScene(), "target/screenshots/settings-dialog.png");
        interact(dialog::close);
    }

    private void select(VariantSummary variant) {
        @SuppressWarnings("unchecked")
        TableView<VariantSummary> table = lookup("#variantTable").queryAs(TableView.class);
        VariantSummary row = table.getItems().stream().filter(v -> v.variantId().equals(variant.variantId()))
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

package adreview.ui;

import static org.assertj.core.api.Assertions.assertThat;

import adreview.app.DeskConfig;
import adreview.app.DeskServices;
import adreview.desk.ListedVariant;
import adreview.store.AssetLocation;
import adreview.ui.detail.ImageKind;
import adreview.ui.image.ImageState;
import adreview.ui.image.ZoomableImageView;
import adreview.ui.prefs.UiPreferences;
import adreview.ui.review.RunItem;
import adreview.ui.review.RunState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
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
 * The window at the two sizes reviewers use, 1280 × 800 and 1920 × 1080, on a real X display, with the tiny fixture
 * model answering for real: after three Stage 1 runs and one Stage 2 run every result pane keeps a readable height,
 * the image keeps at least 60 % of the detail area, the grid shows every filtered variant, and ←/→ in the large view
 * keep the zoom. Screenshots of each view at each size go to target/screenshots/.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(XDisplay.class)
class DeskLayoutTest extends FxRobot {

    /** The smallest height a result pane may have (the issue's "readable"). */
    static final double MIN_PANE_HEIGHT = 200;

    static DeskApplication app;
    /** The desk's language in this run ("en", or "ko" in {@link DeskKoreanLayoutTest}); names the screenshots. */
    static String language;

    @BeforeAll
    static void start() throws Exception {
        startDesk("en");
    }

    static void startDesk(String lang) throws Exception {
        language = lang;
        DeskConfig home = UiFixture.freshHome("desk-layout-test");
        Path model = Files.createDirectories(home.dataDir().resolve("models")).resolve("llava-tiny");
        UiFixture.copyTree(adreview.llava.Fixtures.tinyModel().toAbsolutePath().normalize(), model);
        Map<DeskConfig.Key, String> flags = Map.of(DeskConfig.Key.MODEL_DIR, model.toString());
        UiFixture.prepare(DeskConfig.load(Map.of(), flags));
        UiPreferences preferences = UiPreferences.inMemory();
        preferences.put("reviewer.name", "layout-test"); // decisions and re-judges never ask in a test
        preferences.put(adreview.ui.about.AboutInfo.LANGUAGE_KEY, lang);
        FxToolkit.registerPrimaryStage();
        app = (DeskApplication) FxToolkit.setupApplication(() -> new DeskApplication(
                new DeskServices(() -> DeskConfig.load(Map.of(), flags), false), preferences));
        UiFixture.waitUntil(() -> app.model().phaseProperty().get() == MainViewModel.Phase.FAILED
                || !app.listModel().allVariants().isEmpty());
        assertThat(app.model().failureProperty().get()).isEmpty();
        UiFixture.waitUntil(() -> app.review().readinessProperty().get().ready());
    }

    @AfterAll
    static void stopDesk() throws Exception {
        UiFixture.stopDesk(app);
    }

    @Test
    @Order(1)
    void at1280x800() throws Exception {
        checkLayoutAt(1280, 800);
    }

    @Test
    @Order(2)
    void at1920x1080() throws Exception {
        checkLayoutAt(1920, 1080);
    }

    private void checkLayoutAt(int width, int height) throws Exception {
        String size = width + "x" + height;
        interact(() -> {
            app.stage().setWidth(width);
            app.stage().setHeight(height);
        });
        UiFixture.waitUntil(() -> Math.abs(app.stage().getScene().getWidth() - width) < 40
                && Math.abs(app.stage().getScene().getHeight() - height) < 80);
        System.out.printf("DeskLayoutTest %s: scene %.0f x %.0f%n", size, app.stage().getScene().getWidth(),
                app.stage().getScene().getHeight());

        // Three Stage 1 runs and one Stage 2 run, as a reviewer starts them: select, press Shift+1 / Shift+2
        // (re-judges: they run whatever step the variant is at, and leave the pipeline's state alone).
        List<ListedVariant> withImage = app.listModel().visibleVariants().stream()
                .filter(v -> imageFile(v) instanceof AssetLocation.LocalFile f && f.exists()).toList();
        ListedVariant withRender = app.listModel().visibleVariants().stream()
                .filter(v -> detail(v).renderImage() instanceof AssetLocation.LocalFile f && f.exists())
                .findFirst().orElseThrow(() -> new AssertionError("no variant with a render"));
        assertThat(withImage).hasSizeGreaterThanOrEqualTo(3);
        selectTab("reviewTab");
        int before = app.review().queue().items().size();
        for (ListedVariant v : withImage.subList(0, 3)) {
            select(v);
            press(KeyCode.SHIFT, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.SHIFT);
        }
        select(withRender);
        press(KeyCode.SHIFT, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.SHIFT);
        var queue = app.review().queue();
        UiFixture.waitUntil(() -> queue.items().size() >= before + 4 && !queue.runningProperty().get());
        List<RunItem> runs = List.copyOf(queue.items().subList(before, queue.items().size()));
        assertThat(runs).extracting(r -> r.variant().row().variantId()).containsExactly(
                withImage.get(0).row().variantId(), withImage.get(1).row().variantId(),
                withImage.get(2).row().variantId(), withRender.row().variantId());
        assertThat(runs).allSatisfy(r -> assertThat(r.state()).as(r.title()).isInstanceOf(RunState.Done.class));
        WaitForAsyncUtils.waitForFxEvents();
        // The run panel names who answered: the loaded model's device, precision and engine (libtorch and kernel).
        UiFixture.waitUntil(() -> lookup("#answeredBy").queryAs(javafx.scene.control.Label.class).getText().contains("PyTorch"));
        String answeredBy = lookup("#answeredBy").queryAs(javafx.scene.control.Label.class).getText();
        System.out.println("DeskLayoutTest " + size + ": " + answeredBy);
        assertThat(answeredBy).contains("llava-tiny").contains(" on cpu");

        // The list kept its selection through the runs (rows were replaced, nothing moved): the Stage 2 run's variant
        // is shown, its answer in the Stage 2 pane; then the other result panes.
        assertThat(app.state().current().row().variantId()).isEqualTo(withRender.row().variantId());
        Node resultsArea = lookup("#resultsArea").query();
        for (String tab : List.of("stage2Tab", "stage1Tab", "compareTab")) {
            clickOn("#" + tab);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(resultsArea.getLayoutBounds().getHeight()).as("results area at %s (%s)", size, tab)
                    .isGreaterThanOrEqualTo(MIN_PANE_HEIGHT);
            Node pane = switch (tab) {
                case "stage1Tab" -> lookup("#stage1Result").query();
                case "stage2Tab" -> lookup("#stage2Result").query();
                default -> lookup("#traceComparison").query();
            };
            assertThat(pane.isVisible()).isTrue();
            assertThat(pane.getLayoutBounds().getHeight()).as("%s pane at %s", tab, size)
                    .isGreaterThanOrEqualTo(MIN_PANE_HEIGHT);
            screenshot("layout-" + size + "-review-" + tab.replace("Tab", "") + ".png");
        }
        clickOn("#stage2Tab");
        assertReadable(lookup("#stage2Result").query(), size);
        assertReadable(lookup("#runPanel").query(), size);
        assertReadable(lookup("#decisionBar").query(), size);
        assertReadable(lookup("#variantTable").query(), size); // headers and cells

        // The image's share of the detail area.
        double detailWidth = app.view().detail().getWidth();
        double imageWidth = app.view().detail().images().getWidth();
        System.out.printf("DeskLayoutTest %s: image %.0f of %.0f px (%.0f %%)%n", size, imageWidth, detailWidth,
                100 * imageWidth / detailWidth);
        System.out.printf("DeskLayoutTest %s: divider %.3f, side %.0f px, body %.0f px%n", size,
                app.view().detail().body().getDividerPositions()[0], app.view().detail().sideTabs().getWidth(),
                app.view().detail().body().getWidth());
        System.out.printf("DeskLayoutTest %s: side min %.0f pref %.0f, image min %.0f%n", size,
                app.view().detail().sideTabs().minWidth(-1), app.view().detail().sideTabs().prefWidth(-1),
                app.view().detail().images().minWidth(-1));
        assertThat(imageWidth / detailWidth).as("image share of the detail width at %s", size).isGreaterThanOrEqualTo(0.6);

        // Measured and History: their own tabs, as tall as the side allows.
        selectTab("measuredTab");
        UiFixture.waitUntil(() -> app.measured().report() != null);
        assertThat(lookup("#measuredScroll").query().getLayoutBounds().getHeight()).as("measured at %s", size)
                .isGreaterThanOrEqualTo(MIN_PANE_HEIGHT);
        screenshot("layout-" + size + "-measured.png");
        javafx.scene.control.ScrollPane measured = lookup("#measuredScroll").query();
        assertThat(measured.getContent().getLayoutBounds().getWidth()).as("measured panel width at %s", size)
                .isLessThanOrEqualTo(measured.getViewportBounds().getWidth() + 1);
        selectTab("historyTab");
        UiFixture.waitUntil(() -> !app.detailModel().traces().rows().isEmpty());
        assertThat(lookup("#traceTable").query().getLayoutBounds().getHeight()).as("history at %s", size)
                .isGreaterThanOrEqualTo(MIN_PANE_HEIGHT / 2);
        assertThat(lookup("#traceResponse").query().getLayoutBounds().getHeight()).as("trace JSON at %s", size)
                .isGreaterThanOrEqualTo(MIN_PANE_HEIGHT / 2);
        screenshot("layout-" + size + "-history.png");
        selectTab("reviewTab");

        checkGrid(size);
        checkLargeView(size);
    }

    /** The grid shows every variant the filter lets through, and nothing else. */
    private void checkGrid(String size) throws Exception {
        press(KeyCode.CONTROL, KeyCode.G).release(KeyCode.G, KeyCode.CONTROL);
        UiFixture.waitUntil(() -> app.view().grid().isVisible());
        interact(() -> app.listModel().setStatusFilter(java.util.Set.of("done")));
        WaitForAsyncUtils.waitForFxEvents();
        long done = app.listModel().allVariants().stream().filter(v -> "done".equals(v.row().status())).count();
        assertThat(app.view().grid().getItems()).hasSize((int) done)
                .allMatch(v -> "done".equals(v.row().status()));
        screenshot("layout-" + size + "-grid.png");
        var grid = app.view().grid();
        int columns = (int) ((grid.getWidth() - 14) / (grid.getCellWidth() + 2 * grid.getHorizontalCellSpacing()));
        assertThat(columns).as("grid columns at %s (%.0f px wide)", size, grid.getWidth()).isGreaterThanOrEqualTo(3);
        interact(() -> app.listModel().setStatusFilter(java.util.Set.of()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(app.view().grid().getItems()).hasSize(app.listModel().allVariants().size());
        press(KeyCode.CONTROL, KeyCode.G).release(KeyCode.G, KeyCode.CONTROL);
        UiFixture.waitUntil(() -> app.view().list().isVisible());
    }

    /** Space opens the large view; zoomed in, → and ← move through the list and the zoom stays. */
    private void checkLargeView(String size) throws Exception {
        ListedVariant first = app.listModel().visibleVariants().stream()
                .filter(v -> imageFile(v) instanceof AssetLocation.LocalFile f && f.exists())
                .findFirst().orElseThrow();
        select(first);
        UiFixture.waitUntil(() -> app.detailModel().imageProperty(ImageKind.GENERATED).get() instanceof ImageState.Shown);
        interact(() -> app.view().list().requestFocus());
        type(KeyCode.SPACE);
        UiFixture.waitUntil(() -> app.view().large().openProperty().get());
        ZoomableImageView large = app.view().large().images().view(ImageKind.GENERATED);
        interact(() -> {
            app.view().large().images().zoomIn();
            app.view().large().images().zoomIn();
        });
        WaitForAsyncUtils.waitForFxEvents();
        String zoom = large.zoomTextProperty().get();
        var view = app.view().large().images().link().view();
        assertThat(view.fitted()).isFalse();
        type(KeyCode.RIGHT);
        UiFixture.waitUntil(() -> !app.state().current().row().variantId().equals(first.row().variantId()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(app.view().large().openProperty().get()).isTrue();
        assertThat(app.view().large().images().link().view()).as("zoom after → at %s", size).isEqualTo(view);
        screenshot("layout-" + size + "-large.png");
        type(KeyCode.LEFT);
        UiFixture.waitUntil(() -> app.state().current().row().variantId().equals(first.row().variantId()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(app.view().large().images().link().view()).as("zoom after ← at %s", size).isEqualTo(view);
        assertThat(large.zoomTextProperty().get()).isEqualTo(zoom);
        type(KeyCode.ESCAPE);
        UiFixture.waitUntil(() -> !app.view().large().openProperty().get());
    }

    /** No label or button in {@code root} shows a clipped text ("…") where it has text to show. */
    private static void assertReadable(Node root, String size) {
        List<Node> all = new java.util.ArrayList<>();
        collect(root, all);
        List<Labeled> clipped = all.stream()
                .filter(n -> n instanceof Labeled && n.isVisible())
                .map(n -> (Labeled) n)
                .filter(l -> l.getText() != null && !l.getText().isBlank() && isClipped(l))
                .toList();
        assertThat(clipped).as("clipped texts at %s: %s", size,
                clipped.stream().map(Labeled::getText).toList()).isEmpty();
    }

    private static void collect(Node node, List<Node> into) {
        into.add(node);
        if (node instanceof javafx.scene.Parent p && node.isVisible()) {
            p.getChildrenUnmodifiable().forEach(c -> collect(c, into));
        }
    }

    private static boolean isClipped(Labeled l) {
        // The label's own text node (a titled pane's or a cell's content has texts of its own).
        javafx.scene.text.Text t = l.getChildrenUnmodifiable().stream().filter(javafx.scene.text.Text.class::isInstance)
                .map(javafx.scene.text.Text.class::cast).findFirst().orElse(null);
        return t != null && !t.getText().equals(l.getText())
                && t.getText().endsWith(l.getEllipsisString());
    }

    private static AssetLocation imageFile(ListedVariant v) {
        return detail(v).image();
    }

    private static adreview.desk.VariantDetail detail(ListedVariant v) {
        return app.model().service().orElseThrow().detail(v.row().variantId()).orElseThrow();
    }

    private void select(ListedVariant v) throws Exception {
        interact(() -> app.view().list().select(v.row().variantId()));
        UiFixture.waitUntil(() -> app.detailModel().detailProperty().get() != null
                && app.detailModel().detailProperty().get().variant().variantId().equals(v.row().variantId()));
        interact(() -> app.view().list().requestFocus());
    }

    private void selectTab(String id) {
        TabPane tabs = app.view().detail().sideTabs();
        Tab tab = tabs.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst().orElseThrow();
        interact(() -> tabs.getSelectionModel().select(tab));
        WaitForAsyncUtils.waitForFxEvents();
    }

    static void screenshot(String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Path file = Path.of("target/screenshots", name.replace("layout-", "layout-" + language + "-"));
        WaitForAsyncUtils.asyncFx(() -> Screenshots.write(app.stage().getScene(), file)).get(30, TimeUnit.SECONDS);
        assertThat(file).isNotEmptyFile();
    }
}

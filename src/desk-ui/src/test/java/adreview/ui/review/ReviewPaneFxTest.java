package adreview.ui.review;

import adreview.desk.ListedVariant;
import adreview.desk.ModelStatus;
import adreview.review.LlavaReviewModel;
import adreview.review.RandomLogitsModel;
import adreview.review.ReviewModel;
import adreview.review.RunListener;
import adreview.review.RunOutcome;
import adreview.review.decision.Verdict;
import adreview.review.structured.TokenVocabulary;
import adreview.llava.generate.TokenConstraint;
import adreview.ui.DeskApplication;
import adreview.ui.DeskStyles;
import adreview.ui.Screenshots;
import adreview.ui.concurrent.TaskExecutor;
import adreview.ui.detail.VariantDetailViewModel;
import adreview.ui.image.ImageDecoder;
import adreview.ui.keys.KeyBinding;
import adreview.ui.keys.WindowKeys;
import adreview.ui.list.VariantListViewModel;
import adreview.ui.prefs.UiPreferences;
import adreview.ui.state.StateManager;
import adreview.ui.state.VariantNavigator;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The review pane wired as the window wires it (list beside it, the window's key table on the scene, the help over
 * everything), on the real desk (database, review service, decisions), driven by real key presses and clicks in
 * headless JavaFX: the quick model under the real schema constraint, and once the engine on the tiny fixture model.
 */
@ExtendWith(ApplicationExtension.class)
class ReviewPaneFxTest {

    /** Delegates to the model a test picks: the quick stand-in, or the engine on the tiny checkpoint. */
    static final class Switchable implements ReviewModel {
        volatile ReviewModel target;

        @Override public ModelInfo info() { return target.info(); }
        @Override public java.util.Optional<String> unavailableReason() { return target.unavailableReason(); }
        @Override public void prepare(RunListener l) { target.prepare(l); }
        @Override public TokenVocabulary vocabulary() { return target.vocabulary(); }
        @Override public Generation generate(Path image, String prompt, TokenConstraint c, int max, RunListener l,
                                             BooleanSupplier cancelled) {
            return target.generate(image, prompt, c, max, l, cancelled);
        }
    }

    static final Switchable MODEL = new Switchable();
    static ReviewModel standIn;
    static ReviewWorld world;
    static List<UUID> variants;

    private TaskExecutor executor;
    private StateManager state;
    private VariantListViewModel list;
    private VariantDetailViewModel detail;
    private ReviewViewModel vm;
    private ReviewPane pane;
    private ListView<ListedVariant> listView;
    private Stage stage;

    @BeforeAll
    static void world() {
        standIn = new RandomLogitsModel(TokenVocabulary.load(adreview.llava.Fixtures.tinyModel()), 3);
        MODEL.target = standIn;
        world = new ReviewWorld(MODEL);
        variants = List.of(world.variant("ad_landscape.png", "img_gen", "done"),
                world.variant("ad_portrait.png", "img_gen", "done"), world.variant("ad_rgba.png", "vlm_analyze", "queued"),
                world.variant("ad_gray.png", "ocr_eval", "done"));
    }

    @AfterAll
    static void stopWorld() {
        world.close();
    }

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        DeskApplication.registerFonts();
        executor = TaskExecutor.forJavaFx();
        state = new StateManager();
        list = new VariantListViewModel(executor, state);
        detail = new VariantDetailViewModel(executor, new ImageDecoder());
        vm = new ReviewViewModel(executor, new VariantNavigator(state, list.visibleVariants()), UiPreferences.inMemory(),
                () -> Optional.of("Jiyeon"));
        pane = new ReviewPane(vm, UiPreferences.inMemory());
        // As the window wires them: the selection drives detail and review, runs refresh the detail.
        state.currentProperty().addListener((o, a, v) -> {
            detail.show(v);
            vm.variantChanged();
        });
        detail.detailProperty().addListener((o, a, d) -> vm.showDetail(d));
        vm.addTracesChangedListener(id -> detail.reload());

        listView = new ListView<>(list.visibleVariants());
        listView.setId("variantList");
        listView.setCellFactory(lv -> new ListCell<>() {
            @Override protected void updateItem(ListedVariant v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : v.row().variantId().toString().substring(0, 8) + " " + v.row().currentStep());
            }
        });
        state.currentProperty().addListener((o, a, v) -> listView.getSelectionModel().select(v));
        pane.setFocusHome(listView);
        SplitPane split = new SplitPane(listView, pane);
        split.setDividerPositions(0.2);
        StackPane root = new StackPane(split, pane.helpOverlay());
        Scene scene = new Scene(root, 1000, 780);
        scene.getStylesheets().add(DeskStyles.url());
        WindowKeys keys = new WindowKeys(() -> false, pane::leaveField);
        for (KeyBinding b : KeyBinding.values()) {
            keys.on(b, () -> vm.perform(b));
        }
        keys.install(scene);
        stage.setScene(scene);
        stage.show();

        list.connect(world.service);
        detail.connect(world.service);
        vm.connect(world.service);
        list.refresh();
    }

    /** After {@code @Start} (which runs on the FX thread, so it must not wait for the FX thread's callbacks). */
    @BeforeEach
    void listLoaded() throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> list.allVariants().size() >= variants.size());
        select(variants.get(0));
        WaitForAsyncUtils.asyncFx(listView::requestFocus).get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm.queue().runningProperty().get());
        executor.close();
    }

    private void select(UUID id) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            ListedVariant v = list.allVariants().stream().filter(x -> x.row().variantId().equals(id)).findFirst().orElseThrow();
            state.select(List.of(v), v);
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> detail.detailProperty().get() != null
                && detail.detailProperty().get().variant().variantId().equals(id));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void screenshot(String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(() -> Screenshots.write(stage.getScene(), Path.of("target/screenshots", name))).get(10, TimeUnit.SECONDS);
    }

    @Test
    void withoutAModelTheRunButtonsSayWhatIsMissing(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> vm.setReadiness(ModelStatus.missing(
                "No model folder is configured: set ADREVIEW_MODEL_DIR or --model-dir",
                "Open Models to download one, or run: " + ModelStatus.DOWNLOAD_COMMAND))).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#runStage1Button").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#runStage1Button").queryAs(Button.class).getTooltip().getText())
                .contains("models download llava-hf/llava-1.5-7b-hf");
        assertThat(robot.lookup("#modelMissingNote").queryAs(Label.class).getText())
                .contains("No model folder is configured").contains("models download llava-hf/llava-1.5-7b-hf");
        screenshot("review-no-model.png");
        WaitForAsyncUtils.asyncFx(vm::checkModel).get();
    }

    @Test
    void key1RunsStage1AndTheResultAndNewTraceAppear(FxRobot robot) throws Exception {
        MODEL.target = standIn;
        runStage1ByKeyOrClick(robot, variants.get(0), false, 60, "review-pane-stage1.png");
    }

    /** The same through the Run button, with the engine itself on the tiny fixture checkpoint as the desk configures it. */
    @Test
    void clickRunStage1WithTheTinyEngineModel(FxRobot robot) throws Exception {
        MODEL.target = LlavaReviewModel.shared(adreview.llava.Fixtures.tinyModel(), "cpu", "auto");
        try {
            runStage1ByKeyOrClick(robot, variants.get(1), true, 900, "review-desk-tiny-model-run.png");
        } finally {
            MODEL.target = standIn;
        }
    }

    private void runStage1ByKeyOrClick(FxRobot robot, UUID id, boolean click, int timeoutSeconds, String screenshot)
            throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm.canRunProperty().get());
        select(id);
        int tracesBefore = detail.detailProperty().get().traces().size();
        if (click) {
            robot.clickOn("#runStage1Button");
        } else {
            robot.type(KeyCode.DIGIT1);
        }
        try {
            WaitForAsyncUtils.waitFor(timeoutSeconds, TimeUnit.SECONDS, () -> vm.queue().lastFinishedProperty().get() != null
                    && vm.queue().lastFinishedProperty().get().variant().row().variantId().equals(id));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no result after " + timeoutSeconds + " s; progress: " + vm.queue().phaseTextProperty().get(), e);
        }
        RunItem item = vm.queue().lastFinishedProperty().get();
        assertThat(item.outcome()).as(item.state().describe()).isInstanceOf(RunOutcome.Done.class);
        var done = (RunOutcome.Done) item.outcome();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> detail.detailProperty().get().traces().size() == tracesBefore + 1);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> pane.stage1View().isSettled());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(world.state(id)).isEqualTo("vlm_analyze/done");
        var newest = detail.detailProperty().get().traces().get(0);
        assertThat(newest.traceId()).isEqualTo(done.trace().traceId());
        var response = newest.response();
        assertThat(robot.lookup("#relevanceScore").queryAs(Label.class).getText())
                .isEqualTo(String.format(java.util.Locale.ROOT, "%.2f", response.path("relevance_score").asDouble()));
        assertThat(robot.lookup("#stage1Issues").queryAs(VBox.class).getChildren()).hasSize(Math.max(1, response.path("issues").size()));
        assertThat(robot.lookup("#stage1Recommendations").queryAs(VBox.class).getChildren())
                .hasSize(Math.max(1, response.path("recommendations").size()));
        Text preview = robot.lookup("#fontPreviewText").queryAs(Text.class);
        assertThat(preview.getText()).isEqualTo(newest.request().path("ad_copy_text").asText());
        assertThat(robot.lookup("#fontPreviewCaption").queryAs(Label.class).getText())
                .isEqualToIgnoringCase(response.path("font_recommendation").path("style").asText() + " · "
                        + response.path("font_recommendation").path("size").asText() + " · "
                        + response.path("font_recommendation").path("color").asText());
        screenshot(screenshot);
    }

    @Test
    void aPipelineKeyOnAVariantPastItsStepOffersTheRejudge(FxRobot robot) throws Exception {
        MODEL.target = standIn;
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm.canRunProperty().get());
        select(variants.get(3));
        robot.type(KeyCode.DIGIT1);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm.offerRejudgeProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#reviewMessage").queryAs(Label.class).getText()).contains("ocr_eval/done");
        Button offer = robot.lookup("#rejudgeInsteadButton").queryAs(Button.class);
        assertThat(offer.isVisible()).isTrue();
        screenshot("review-rejudge-offer.png");
        robot.clickOn(offer);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.queue().lastFinishedProperty().get() != null
                && vm.queue().lastFinishedProperty().get().request().rejudge());
        assertThat(world.state(variants.get(3))).isEqualTo("ocr_eval/done");
    }

    @Test
    void decisionKeysRecordAndAdvanceAndHelpListsTheKeys(FxRobot robot) throws Exception {
        select(variants.get(2));
        robot.type(KeyCode.F);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !world.service.detail(variants.get(2)).orElseThrow().decisions().isEmpty());
        assertThat(world.service.detail(variants.get(2)).orElseThrow().decisions().get(0).verdict()).isEqualTo(Verdict.FIX);
        assertThat(state.current().row().variantId()).isNotEqualTo(variants.get(2));

        // C goes to the comment field; letters typed there are text, not decisions; Esc leaves the field.
        select(variants.get(3));
        robot.type(KeyCode.C);
        robot.write("cut off");
        robot.type(KeyCode.ESCAPE);
        assertThat(world.service.detail(variants.get(3)).orElseThrow().decisions()).isEmpty();
        robot.type(KeyCode.R);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !world.service.detail(variants.get(3)).orElseThrow().decisions().isEmpty());
        var d = world.service.detail(variants.get(3)).orElseThrow().decisions().get(0);
        assertThat(d.verdict()).isEqualTo(Verdict.REJECT);
        assertThat(d.comment()).isEqualTo("cut off");
        assertThat(d.reviewer()).isEqualTo("Jiyeon");

        robot.type(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(pane.helpOverlay().isVisible()).isTrue();
        assertThat(robot.lookup(".rv-help-text").queryAll()).hasSize(KeyBinding.values().length);
        screenshot("keyboard-help.png");
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(pane.helpOverlay().isVisible()).isFalse();
    }
}

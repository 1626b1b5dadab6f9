package adreview.ui.review;

import adreview.review.decision.Verdict;
import adreview.ui.DeskStyles;
import adreview.ui.Screenshots;
import com.fasterxml.jackson.databind.ObjectMapper;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The review pane wired as the main window wires it (a variant list beside it, keys on the scene, the help
 * overlay on top), driven by real key presses in headless JavaFX. The runner is scripted: this pins the
 * UI's behaviour, the model is tested elsewhere.
 */
@ExtendWith(ApplicationExtension.class)
class ReviewPaneFxTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ScriptedRunner runner = new ScriptedRunner();
    private final FxModelWorker worker = new FxModelWorker();
    private final List<DecisionRecorder.Decision> decisions = new CopyOnWriteArrayList<>();
    private final Map<UUID, List<TraceEntry>> traces = new ConcurrentHashMap<>();
    private ListView<VariantRef> list;
    private ReviewViewModel vm;
    private ReviewPane pane;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        List<VariantRef> variants = new ArrayList<>();
        String img = ReviewResultsScreenshotTest.demoGeneratedImage().toUri().toString();
        String render = ReviewResultsScreenshotTest.image("ad_landscape.png").toUri().toString();
        for (int i = 1; i <= 4; i++) {
            variants.add(new VariantRef(UUID.randomUUID(), "summer-sale-0" + i, img, render, "Summer Sale: 30% off"));
        }
        UUID first = variants.get(0).id();
        traces.put(first, new CopyOnWriteArrayList<>(List.of(trace("analyze", 0.55, "v1 prompt", "serif", false))));
        runner.paced = false;
        runner.script = List.of("{\"", "is", "_valid", "\":", " true", ",", " \"", "image", "_quality", "_ok", "\":", " true",
                ",", " \"", "relev", "ance", "_score", "\":", " 0", ".", "8", "2", ",", " \"analysis\": \"", "The", " beach");
        runner.answer = new StageAnswer.Stage1Answer(true, true, 0.82, "The beach scene matches the summer sale copy.",
                List.of("Horizon slightly tilted"), List.of("Put the copy in the lower third"),
                new StageAnswer.FontAdvice("bold", "large", "light"));
        runner.onDone = r -> traces.computeIfAbsent(r.variant().id(), k -> new CopyOnWriteArrayList<>())
                .add(0, trace("analyze", 0.82, "v2 prompt, edited", "bold", r.options().rejudge()));

        list = new ListView<>();
        list.getItems().setAll(variants);
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.setId("variantList");
        list.setCellFactory(lv -> new javafx.scene.control.ListCell<>() {
            @Override protected void updateItem(VariantRef v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : v.label());
            }
        });
        VariantNavigator nav = new SelectionNavigator<>(list.getSelectionModel(), list.getItems(), v -> v, list::scrollTo);
        DecisionRecorder recorder = (id, verdict, comment, reviewer) -> {
            var d = new DecisionRecorder.Decision(id, verdict, comment, reviewer, Instant.now());
            decisions.add(d);
            return d;
        };
        vm = new ReviewViewModel(runner, worker, recorder, id -> List.copyOf(traces.getOrDefault(id, List.of())), nav,
                r -> new Thread(r, "test-db").start(), Platform::runLater);
        pane = new ReviewPane(vm, List.<String[]>of(new String[]{"View", "G / R", "Generated image / render (main window)"}));
        // selectedItem, not selectedItems: the list's change fires before the selected item is updated.
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.variantChanged());
        list.getSelectionModel().select(0);

        SplitPane split = new SplitPane(list, pane);
        split.setDividerPositions(0.2);
        StackPane root = new StackPane(split, pane.helpOverlay());
        Scene scene = new Scene(root, 1200, 780);
        scene.getStylesheets().add(DeskStyles.url());
        pane.installKeys(scene, list);
        stage.setScene(scene);
        stage.show();
        list.requestFocus();
    }

    @AfterEach
    void stop() {
        worker.close();
    }

    private static TraceEntry trace(String op, double score, String prompt, String style, boolean rejudge) {
        try {
            return new TraceEntry(UUID.randomUUID(), Instant.now(), op, 1800,
                    JSON.readTree("{\"prompt\":\"" + prompt + "\",\"ad_copy_text\":\"Summer Sale: 30% off\",\"rejudge\":" + rejudge
                            + ",\"model\":\"llava-1.5-7b-hf\",\"precision\":\"int8\",\"device\":\"gpu(0)\"}"),
                    JSON.readTree("{\"is_valid\":true,\"image_quality_ok\":true,\"relevance_score\":" + score
                            + ",\"analysis\":\"The beach scene matches the summer sale copy.\",\"issues\":[\"Horizon slightly tilted\"],"
                            + "\"recommendations\":[\"Put the copy in the lower third\"],\"font_recommendation\":{\"style\":\""
                            + style + "\",\"size\":\"large\",\"color\":\"light\"}}"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void screenshot(String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(() -> Screenshots.write(stage.getScene(), Path.of("target/screenshots", name))).get(10, TimeUnit.SECONDS);
    }

    @Test
    void withoutAModelTheRunButtonsSayWhatIsMissing(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> vm.setReadiness(ModelFolderInspector.inspect(null))).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#runStage1Button").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#runStage1Button").queryAs(Button.class).getTooltip().getText())
                .contains("models download llava-hf/llava-1.5-7b-hf");
        assertThat(robot.lookup("#modelMissingNote").queryAs(Label.class).getText())
                .contains("No model folder is configured").contains("models download llava-hf/llava-1.5-7b-hf");
        screenshot("review-no-model.png");
    }

    @Test
    void key1RunsStage1AndTheResultAndNewTraceAppear(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> vm.setReadiness(ModelReadiness.ready("llava-1.5-7b-hf"))).get();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.comparison().traces().size() == 1);
        robot.type(KeyCode.DIGIT1);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.comparison().traces().size() == 2);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> pane.stage1View().isSettled());

        assertThat(robot.lookup("#relevanceScore").queryAs(Label.class).getText()).isEqualTo("0.82");
        assertThat(robot.lookup("#runPhase").queryAs(Label.class).getText()).contains("Stage 1 · summer-sale-01").contains("Done in 1.2 s");
        assertThat(robot.lookup("#streamedAnswer").queryAs(javafx.scene.control.TextArea.class).getText())
                .startsWith("{\"is_valid\": true, \"image_quality_ok\": true, \"relevance_score\": 0.82");
        screenshot("review-pane-stage1.png");

        robot.type(KeyCode.T);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#compareSummary").queryAs(Label.class).getText()).matches("\\d+ of \\d+ fields differ");
        assertThat(robot.lookup(".rv-changed").queryAll()).isNotEmpty();
        screenshot("review-pane-compare.png");
    }

    @Test
    void decisionKeysRecordAndAdvanceAndHelpListsTheKeys(FxRobot robot) throws Exception {
        robot.type(KeyCode.F);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> decisions.size() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(decisions.get(0).verdict()).isEqualTo(Verdict.FIX);
        assertThat(list.getSelectionModel().getSelectedIndex()).isEqualTo(1);

        // C goes to the comment field; letters typed there are text, not decisions; Esc leaves the field.
        robot.type(KeyCode.C);
        robot.write("cut off");
        robot.type(KeyCode.ESCAPE);
        assertThat(decisions).hasSize(1);
        robot.type(KeyCode.R);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> decisions.size() == 2);
        assertThat(decisions.get(1).verdict()).isEqualTo(Verdict.REJECT);
        assertThat(decisions.get(1).comment()).isEqualTo("cut off");
        assertThat(list.getSelectionModel().getSelectedIndex()).isEqualTo(2);

        robot.type(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(pane.helpOverlay().isVisible()).isTrue();
        assertThat(robot.lookup(".rv-help-text").queryAll()).hasSize(ReviewAction.values().length + 1);
        screenshot("keyboard-help.png");
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(pane.helpOverlay().isVisible()).isFalse();
    }
}

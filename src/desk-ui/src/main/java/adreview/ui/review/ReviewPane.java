package adreview.ui.review;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;

import java.util.List;

/**
 * The review side in one node, for the main window's detail area: run controls and progress on top, the
 * results (Stage 1 / Stage 2 / Compare traces) in the middle, decisions at the bottom. The keyboard help is
 * a separate node ({@link #helpOverlay()}) to be stacked over the whole window; {@link #installKeys} puts
 * the review keys on the scene.
 */
public final class ReviewPane extends BorderPane {

    private final ReviewViewModel vm;
    private final RunPanel runPanel;
    private final DecisionBar decisionBar;
    private final Stage1ResultView stage1View;
    private final Stage2ResultView stage2View;
    private final TraceComparisonView compareView;
    private final KeyboardHelpOverlay help;
    private Node focusHome;

    /**
     * @param windowKeys keys of the main window to list in the help too, each {group, keys, description}
     *                   (e.g. {"View", "G / V", "Generated image / render"})
     */
    public ReviewPane(ReviewViewModel vm, List<String[]> windowKeys) {
        this.vm = vm;
        getStyleClass().add("rv-review-pane");
        setId("reviewPane");
        runPanel = new RunPanel(vm);
        decisionBar = new DecisionBar(vm);
        stage1View = new Stage1ResultView(vm.stage1());
        stage2View = new Stage2ResultView(vm.stage2());
        compareView = new TraceComparisonView(vm.comparison());
        help = new KeyboardHelpOverlay(vm, windowKeys);

        ToggleGroup tabs = new ToggleGroup();
        ToggleButton t1 = tab("Stage 1", "S", "stage1Tab", tabs, ReviewViewModel.ResultTab.STAGE1);
        ToggleButton t2 = tab("Stage 2", "D", "stage2Tab", tabs, ReviewViewModel.ResultTab.STAGE2);
        ToggleButton t3 = tab("Compare traces", "T", "compareTab", tabs, ReviewViewModel.ResultTab.COMPARE);
        t1.getStyleClass().add("rv-tab-first");
        t3.getStyleClass().add("rv-tab-last");
        HBox tabBar = new HBox(0, t1, t2, t3);
        tabBar.setAlignment(Pos.CENTER_LEFT);
        tabBar.getStyleClass().add("rv-tab-bar");

        StackPane results = new StackPane(stage1View, stage2View, compareView);
        results.getStyleClass().add("rv-results");
        Runnable showTab = () -> {
            ReviewViewModel.ResultTab t = vm.tabProperty().get();
            stage1View.setVisible(t == ReviewViewModel.ResultTab.STAGE1);
            stage2View.setVisible(t == ReviewViewModel.ResultTab.STAGE2);
            compareView.setVisible(t == ReviewViewModel.ResultTab.COMPARE);
            tabs.selectToggle(t == ReviewViewModel.ResultTab.STAGE1 ? t1 : t == ReviewViewModel.ResultTab.STAGE2 ? t2 : t3);
        };
        vm.tabProperty().addListener((o, a, b) -> showTab.run());
        showTab.run();

        // The results give way first when the window is short: run controls and decisions stay whole.
        for (javafx.scene.layout.Region r : List.of(results, stage1View, stage2View, compareView)) {
            r.setMinHeight(0);
        }
        javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle();
        clip.widthProperty().bind(results.widthProperty());
        clip.heightProperty().bind(results.heightProperty());
        results.setClip(clip);
        BorderPane middle = new BorderPane(results);
        middle.setMinHeight(0);
        middle.setTop(tabBar);
        setTop(runPanel);
        setCenter(middle);
        setBottom(decisionBar);

        vm.addViewRequestListener(this::onViewRequest);
    }

    private ToggleButton tab(String text, String key, String id, ToggleGroup group, ReviewViewModel.ResultTab t) {
        Label cap = new Label(key);
        cap.getStyleClass().add("rv-kbd");
        ToggleButton b = new ToggleButton(text, cap);
        b.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
        b.setId(id);
        b.setToggleGroup(group);
        b.getStyleClass().add("rv-tab");
        b.setFocusTraversable(false);
        b.setOnAction(e -> {
            vm.showTab(t);
            b.setSelected(true); // a toggle group would otherwise allow "none selected"
        });
        return b;
    }

    /**
     * Puts the review keys on the scene (a key-pressed filter, so they work wherever the focus is, except
     * that typing in a text field stays typing; Esc leaves the field).
     *
     * @param focusHome where the focus goes when the reviewer leaves a text field (the variant list)
     */
    public void installKeys(Scene scene, Node focusHome) {
        this.focusHome = focusHome;
        boolean[] swallowTyped = {false};
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            boolean typing = scene.getFocusOwner() instanceof TextInputControl;
            swallowTyped[0] = false;
            if (vm.handleKey(KeyStroke.fromEvent(e), typing)) {
                e.consume();
                // The character of a used key must not land in a field it just focused (C, E).
                swallowTyped[0] = true;
            }
        });
        scene.addEventFilter(KeyEvent.KEY_TYPED, e -> {
            if (swallowTyped[0]) {
                swallowTyped[0] = false;
                e.consume();
            }
        });
    }

    private void onViewRequest(ReviewAction a) {
        Scene scene = getScene();
        boolean typing = scene != null && scene.getFocusOwner() instanceof TextInputControl;
        if (a == ReviewAction.COMMENT) {
            if (typing) {
                if (focusHome != null) {
                    focusHome.requestFocus();
                } else {
                    requestFocus();
                }
            } else {
                decisionBar.focusComment();
            }
        } else if (a == ReviewAction.EDIT_RUN_OPTIONS) {
            runPanel.editRunOptions();
        }
    }

    /** The keyboard help, to be added as the top child of the window's root StackPane. */
    public KeyboardHelpOverlay helpOverlay() {
        return help;
    }

    public Stage1ResultView stage1View() {
        return stage1View;
    }

    public Stage2ResultView stage2View() {
        return stage2View;
    }

    public RunPanel runPanel() {
        return runPanel;
    }

    public DecisionBar decisionBar() {
        return decisionBar;
    }
}

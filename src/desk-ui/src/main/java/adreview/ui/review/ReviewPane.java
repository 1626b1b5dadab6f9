package adreview.ui.review;

import adreview.ui.i18n.Messages;
import adreview.ui.keys.KeyBinding;
import adreview.ui.prefs.UiPreferences;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;


/**
 * The review side in one node, the first tab beside the image: run controls and progress on top, the results (Stage
 * 1 / Stage 2 / Compare traces) below them, decisions at the bottom. Run controls and results are split by a
 * draggable divider whose results side never goes below {@link #RESULTS_MIN_HEIGHT}: the results stay readable
 * however many runs stream in above them. The keyboard help is a separate node ({@link #helpOverlay()}) stacked over
 * the whole window.
 */
public final class ReviewPane extends BorderPane {

    /** The results area's smallest height: room for a score, two checks or several lines of analysis. */
    public static final double RESULTS_MIN_HEIGHT = 240;
    static final String DIVIDER_KEY = "layout.review.divider";

    private final ReviewViewModel vm;
    private final RunPanel runPanel;
    private final DecisionBar decisionBar;
    private final Stage1ResultView stage1View;
    private final Stage2ResultView stage2View;
    private final TraceComparisonView compareView;
    private final KeyboardHelpOverlay help;
    private final BorderPane resultsArea;
    private Node focusHome;

    public ReviewPane(ReviewViewModel vm, UiPreferences preferences) {
        this.vm = vm;
        getStyleClass().add("rv-review-pane");
        setId("reviewPane");
        runPanel = new RunPanel(vm);
        decisionBar = new DecisionBar(vm);
        stage1View = new Stage1ResultView(vm.stage1());
        stage2View = new Stage2ResultView(vm.stage2());
        compareView = new TraceComparisonView(vm.comparison());
        help = new KeyboardHelpOverlay(vm);

        ToggleGroup tabs = new ToggleGroup();
        ToggleButton t1 = tab(Messages.get("stage.stage1"), "S", "stage1Tab", tabs, ReviewViewModel.ResultTab.STAGE1);
        ToggleButton t2 = tab(Messages.get("stage.stage2"), "D", "stage2Tab", tabs, ReviewViewModel.ResultTab.STAGE2);
        ToggleButton t3 = tab(Messages.get("review.compare"), "T", "compareTab", tabs, ReviewViewModel.ResultTab.COMPARE);
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

        resultsArea = new BorderPane(results);
        resultsArea.setId("resultsArea");
        resultsArea.setTop(tabBar);
        resultsArea.setMinHeight(RESULTS_MIN_HEIGHT);
        runPanel.setMinHeight(0);

        // The run panel gives way first: its answer stream scrolls; the results keep their minimum.
        SplitPane split = new SplitPane(runPanel, resultsArea);
        split.setId("reviewSplit");
        split.setOrientation(Orientation.VERTICAL);
        SplitPane.setResizableWithParent(runPanel, false);
        split.setDividerPositions(preferences.getDouble(DIVIDER_KEY, 0.34));
        split.getDividers().get(0).positionProperty().addListener((obs, old, p) ->
                preferences.putDouble(DIVIDER_KEY, Math.round(p.doubleValue() * 1000) / 1000.0));
        setCenter(split);
        setBottom(decisionBar);

        vm.addViewRequestListener(this::onViewRequest);
    }

    private ToggleButton tab(String text, String key, String id, ToggleGroup group, ReviewViewModel.ResultTab t) {
        Label cap = new Label(key);
        cap.getStyleClass().add("rv-kbd");
        ToggleButton b = new ToggleButton(text, cap);
        b.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
        b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
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

    /** Where the focus goes when the reviewer leaves a text field with Esc (the variant list). */
    public void setFocusHome(Node home) {
        this.focusHome = home;
    }

    private void onViewRequest(KeyBinding a) {
        Scene scene = getScene();
        boolean typing = scene != null && scene.getFocusOwner() instanceof TextInputControl;
        if (a == KeyBinding.COMMENT) {
            if (typing) {
                (focusHome != null ? focusHome : this).requestFocus();
            } else {
                decisionBar.focusComment();
            }
        } else if (a == KeyBinding.EDIT_RUN_OPTIONS) {
            runPanel.editRunOptions();
        }
    }

    /** Leaves a text field (Esc while typing): the focus goes home so that single keys work again. */
    public void leaveField() {
        (focusHome != null ? focusHome : this).requestFocus();
    }

    /** The keyboard help, to be added as the top child of the window's root StackPane. */
    public KeyboardHelpOverlay helpOverlay() {
        return help;
    }

    public BorderPane resultsArea() {
        return resultsArea;
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

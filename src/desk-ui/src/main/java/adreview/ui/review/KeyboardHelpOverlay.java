package adreview.ui.review;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The keyboard help (? or F1): every {@link ReviewAction} with its keys, grouped; drawn over the window,
 * closed by any key or a click. Place it as the top child of the window's root StackPane.
 */
public final class KeyboardHelpOverlay extends StackPane {

    public KeyboardHelpOverlay(ReviewViewModel vm, List<String[]> extraKeys) {
        getStyleClass().add("rv-help-overlay");
        setId("keyboardHelp");
        visibleProperty().bind(vm.helpVisibleProperty());
        managedProperty().bind(visibleProperty());
        setOnMouseClicked(e -> vm.closeHelp());

        Map<String, GridPane> groups = new LinkedHashMap<>();
        for (ReviewAction a : ReviewAction.values()) {
            GridPane g = groups.computeIfAbsent(a.group(), k -> newGroup());
            addRow(g, a.keys(), a.description());
        }
        for (String[] extra : extraKeys) { // keys of the main window (zoom, image/render, refresh …)
            addRow(groups.computeIfAbsent(extra[0], k -> newGroup()), extra[1], extra[2]);
        }
        HBox columns = new HBox(28);
        VBox col1 = new VBox(14);
        VBox col2 = new VBox(14);
        int i = 0;
        for (var e : groups.entrySet()) {
            Label title = ResultParts.sectionTitle(e.getKey());
            VBox box = new VBox(6, title, e.getValue());
            (i++ % 2 == 0 ? col1 : col2).getChildren().add(box);
        }
        columns.getChildren().addAll(col1, col2);
        Label heading = new Label("Keyboard");
        heading.getStyleClass().add("rv-title");
        Label close = new Label("Press any key or click to close");
        close.getStyleClass().add("rv-muted");
        VBox card = new VBox(14, heading, columns, close);
        card.getStyleClass().add("rv-help-card");
        card.setMaxSize(VBox.USE_PREF_SIZE, VBox.USE_PREF_SIZE);
        card.setOnMouseClicked(e -> vm.closeHelp());
        setAlignment(Pos.CENTER);
        getChildren().add(card);
    }

    private static GridPane newGroup() {
        GridPane g = new GridPane();
        g.setHgap(12);
        g.setVgap(5);
        return g;
    }

    private static void addRow(GridPane g, String keys, String description) {
        HBox caps = new HBox(4);
        for (String k : keys.split(" / ")) {
            Label cap = new Label(k);
            cap.getStyleClass().add("rv-kbd");
            caps.getChildren().add(cap);
        }
        caps.setMinWidth(90);
        Label d = new Label(description);
        d.getStyleClass().add("rv-help-text");
        g.addRow(g.getRowCount(), caps, d);
    }
}

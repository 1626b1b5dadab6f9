package adreview.ui.review;

import adreview.ui.i18n.Messages;
import adreview.ui.keys.KeyBinding;
import adreview.ui.keys.KeyBindings;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.Map;

/**
 * The keyboard help (? or F1): every {@link KeyBinding} with its keys, grouped as the table groups them; drawn over
 * the window, closed by any key or a click. Place it as the top child of the window's root StackPane.
 */
public final class KeyboardHelpOverlay extends StackPane {

    public KeyboardHelpOverlay(ReviewViewModel vm) {
        getStyleClass().add("rv-help-overlay");
        setId("keyboardHelp");
        visibleProperty().bind(vm.helpVisibleProperty());
        managedProperty().bind(visibleProperty());
        setOnMouseClicked(e -> vm.closeHelp());

        HBox columns = new HBox(28);
        VBox col1 = new VBox(14);
        VBox col2 = new VBox(14);
        int i = 0;
        for (Map.Entry<KeyBinding.Group, List<KeyBinding>> e : KeyBindings.byGroup().entrySet()) {
            GridPane g = newGroup();
            for (KeyBinding b : e.getValue()) {
                addRow(g, b.keysText(), Messages.get(b.messageKey()));
            }
            Label title = ResultParts.sectionTitle(Messages.get("key.group." + e.getKey().name().toLowerCase(java.util.Locale.ROOT)));
            VBox box = new VBox(6, title, g);
            (i++ % 2 == 0 ? col1 : col2).getChildren().add(box);
        }
        columns.getChildren().addAll(col1, col2);
        Label heading = new Label(Messages.get("help.title"));
        heading.getStyleClass().add("rv-title");
        Label close = new Label(Messages.get("help.close"));
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
        caps.setMinWidth(110);
        Label d = new Label(description);
        d.getStyleClass().add("rv-help-text");
        g.addRow(g.getRowCount(), caps, d);
    }
}

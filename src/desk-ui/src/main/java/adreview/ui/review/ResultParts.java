package adreview.ui.review;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Pieces the two result views share: section titles, bullet lists bound to a list, pass/fail badges. */
final class ResultParts {

    private ResultParts() {
    }

    static Label sectionTitle(String text) {
        Label l = new Label(text.toUpperCase(java.util.Locale.ROOT));
        l.getStyleClass().add("rv-section-title");
        return l;
    }

    /** A bullet list that follows {@code items}; shows {@code emptyText} when there are none. */
    static VBox bulletList(ObservableList<String> items, String kind, String emptyText, String id) {
        VBox box = new VBox(4);
        box.getStyleClass().addAll("rv-list", "rv-list-" + kind);
        box.setId(id);
        Runnable fill = () -> {
            box.getChildren().clear();
            if (items.isEmpty()) {
                Label none = new Label(emptyText);
                none.getStyleClass().add("rv-muted");
                box.getChildren().add(none);
                return;
            }
            for (String item : items) {
                Label text = new Label(item);
                text.setWrapText(true);
                text.getStyleClass().add("rv-list-item");
                text.setMinHeight(Label.USE_PREF_SIZE);
                HBox row = new HBox(6, ReviewIcons.bullet(kind), text);
                row.setAlignment(Pos.TOP_LEFT);
                HBox.setHgrow(text, Priority.ALWAYS);
                box.getChildren().add(row);
            }
        };
        items.addListener((ListChangeListener<String>) c -> fill.run());
        fill.run();
        return box;
    }

    /** A pill with a pass/fail mark: "Valid" / "Not valid". */
    static Label badge(boolean pass, String passText, String failText) {
        Label l = new Label();
        l.getStyleClass().add("rv-badge");
        setBadge(l, pass, passText, failText);
        return l;
    }

    static void setBadge(Label l, boolean pass, String passText, String failText) {
        l.setText(pass ? passText : failText);
        l.setGraphic(ReviewIcons.mark(pass, 14));
        l.getStyleClass().removeAll("rv-badge-pass", "rv-badge-fail");
        l.getStyleClass().add(pass ? "rv-badge-pass" : "rv-badge-fail");
    }

    static Node header(String title, String subtitle, Label source) {
        Label t = new Label(title);
        t.getStyleClass().add("rv-title");
        Label s = new Label(subtitle);
        s.getStyleClass().add("rv-subtitle");
        VBox left = new VBox(1, t, s);
        source.getStyleClass().add("rv-source");
        source.setWrapText(true);
        source.setMaxWidth(320);
        source.setAlignment(Pos.TOP_RIGHT);
        t.setMinWidth(Label.USE_PREF_SIZE);
        s.setMinWidth(Label.USE_PREF_SIZE);
        adreview.ui.EndsRow h = new adreview.ui.EndsRow(left, source, 12);
        h.getStyleClass().add("rv-header");
        return h;
    }

    static Label emptyState(javafx.beans.value.ObservableValue<String> text) {
        Label l = new Label();
        l.textProperty().bind(text);
        l.getStyleClass().add("rv-empty");
        l.setWrapText(true);
        return l;
    }
}

package adreview.ui.review;

import adreview.store.Trace;
import adreview.ui.i18n.Messages;

import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Two traces of a variant side by side: pick each from the variant's traces; rows are grouped (Call, Prompt,
 * Model, Request, Answer) and the changed ones highlighted. "Only changes" hides equal rows.
 */
public final class TraceComparisonView extends VBox {

    private final TraceComparisonViewModel vm;
    private final GridPane grid = new GridPane();
    private final CheckBox onlyChanges = new CheckBox(Messages.get("compare.onlyChanges"));

    public TraceComparisonView(TraceComparisonViewModel vm) {
        this.vm = vm;
        getStyleClass().addAll("rv-result", "rv-compare");
        setId("traceComparison");

        ComboBox<Trace> left = new ComboBox<>(vm.traces());
        left.setId("compareLeft");
        left.valueProperty().bindBidirectional(vm.leftProperty());
        left.setMaxWidth(Double.MAX_VALUE);
        ComboBox<Trace> right = new ComboBox<>(vm.traces());
        right.setId("compareRight");
        right.valueProperty().bindBidirectional(vm.rightProperty());
        right.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        Label summary = new Label();
        summary.setId("compareSummary");
        summary.getStyleClass().add("rv-compare-summary");
        summary.textProperty().bind(vm.summaryProperty());
        onlyChanges.setId("compareOnlyChanges");
        onlyChanges.selectedProperty().addListener((o, a, b) -> rebuild());

        Label a = new Label(Messages.get("compare.a"));
        a.getStyleClass().add("rv-kbd");
        Label b = new Label(Messages.get("compare.b"));
        b.getStyleClass().add("rv-kbd");
        HBox pickers = new HBox(8, a, left, b, right);
        pickers.setAlignment(Pos.CENTER_LEFT);
        javafx.scene.layout.Region spacer = new javafx.scene.layout.Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox info = new HBox(12, summary, spacer, onlyChanges);
        info.setAlignment(Pos.CENTER_LEFT);

        grid.getStyleClass().add("rv-compare-grid");
        ColumnConstraints field = new ColumnConstraints();
        field.setPercentWidth(20);
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(40);
        ColumnConstraints half2 = new ColumnConstraints();
        half2.setPercentWidth(40);
        grid.getColumnConstraints().addAll(field, half, half2);
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("rv-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);

        vm.rows().addListener((ListChangeListener<TraceComparisonViewModel.Row>) c -> rebuild());
        rebuild();
        setSpacing(10);
        getChildren().addAll(ResultParts.header(Messages.get("review.compare"), Messages.get("compare.subtitle"), new Label()),
                pickers, info, scroll);
    }

    private void rebuild() {
        grid.getChildren().clear();
        int r = 0;
        String section = null;
        for (TraceComparisonViewModel.Row row : vm.rows()) {
            if (onlyChanges.isSelected() && !row.changed()) {
                continue;
            }
            if (!row.section().equals(section)) {
                section = row.section();
                Label s = ResultParts.sectionTitle(Messages.get("compare.section." + section.toLowerCase(java.util.Locale.ROOT)));
                s.getStyleClass().add("rv-compare-section");
                grid.add(s, 0, r++, 3, 1);
            }
            Label name = cell(row.field(), "rv-compare-field");
            Label l = cell(row.left(), "rv-compare-value");
            Label rt = cell(row.right(), "rv-compare-value");
            if (row.changed()) {
                for (Label x : new Label[]{name, l, rt}) {
                    x.getStyleClass().add("rv-changed");
                }
                name.setText("● " + row.field());
            }
            grid.addRow(r++, name, l, rt);
        }
        if (r == 0) {
            Label none = new Label(vm.rows().isEmpty() ? "" : Messages.get("compare.same"));
            none.getStyleClass().add("rv-muted");
            grid.add(none, 0, 0, 3, 1);
        }
    }

    private static Label cell(String text, String style) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add(style);
        l.setMaxWidth(Double.MAX_VALUE);
        l.setMaxHeight(Double.MAX_VALUE);
        l.setMinHeight(Label.USE_PREF_SIZE);
        l.setAlignment(Pos.TOP_LEFT);
        GridPane.setFillWidth(l, true);
        GridPane.setFillHeight(l, true);
        return l;
    }
}

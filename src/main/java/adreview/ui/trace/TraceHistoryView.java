package adreview.ui.trace;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Trace rows on the left; the selected trace's request and response JSON, pretty-printed, on the right. */
public final class TraceHistoryView extends SplitPane {

    public TraceHistoryView(TraceHistoryViewModel model) {
        getStyleClass().add("trace-history");
        TableView<TraceRow> table = new TableView<>(model.rows());
        table.setId("traceTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("Time", 140, TraceRow::time));
        table.getColumns().add(column("Operation", 120, TraceRow::operation));
        TableColumn<TraceRow, String> latency = column("Latency", 70, TraceRow::latency);
        latency.setStyle("-fx-alignment: CENTER-RIGHT;");
        table.getColumns().add(latency);
        table.getColumns().add(column("Of", 60, TraceRow::scope));
        TableColumn<TraceRow, String> result = column("Result", 220, TraceRow::result);
        result.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                getStyleClass().removeAll("result-error", "result-pass", "result-issues");
                if (!empty && item != null) {
                    if (item.startsWith("error")) {
                        getStyleClass().add("result-error");
                    } else if (item.equals("pass")) {
                        getStyleClass().add("result-pass");
                    } else if (item.startsWith("issues")) {
                        getStyleClass().add("result-issues");
                    }
                }
            }
        });
        table.getColumns().add(result);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(TraceRow item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("failed"),
                        !empty && item != null && item.failed());
            }
        });
        Label placeholder = new Label();
        placeholder.getStyleClass().add("placeholder-text");
        placeholder.textProperty().bind(model.messageProperty());
        placeholder.setWrapText(true);
        table.setPlaceholder(placeholder);
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> model.selectedProperty().set(row));
        model.selectedProperty().addListener((obs, old, row) -> {
            if (row == null) {
                table.getSelectionModel().clearSelection();
            }
        });

        SplitPane json = new SplitPane(jsonBox("Request", "traceRequest", model.requestJsonProperty()),
                jsonBox("Response", "traceResponse", model.responseJsonProperty()));
        json.setOrientation(Orientation.HORIZONTAL);
        getItems().setAll(table, json);
        setDividerPositions(0.5);
    }

    private static VBox jsonBox(String title, String id, javafx.beans.value.ObservableValue<String> text) {
        Label label = new Label(title);
        label.getStyleClass().add("json-title");
        TextArea area = new TextArea();
        area.setId(id);
        area.setEditable(false);
        area.getStyleClass().add("json-text");
        area.setPromptText("Select a trace");
        area.textProperty().bind(text);
        VBox.setVgrow(area, Priority.ALWAYS);
        VBox box = new VBox(label, area);
        box.getStyleClass().add("json-box");
        return box;
    }

    private static TableColumn<TraceRow, String> column(String title, double width, Function<TraceRow, String> value) {
        TableColumn<TraceRow, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return c;
    }
}

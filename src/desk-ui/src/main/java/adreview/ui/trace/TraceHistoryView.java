package adreview.ui.trace;

import adreview.ui.i18n.Messages;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;

/** Trace rows on the left; the selected trace's request and response JSON, pretty-printed, on the right. */
public final class TraceHistoryView extends SplitPane {

    public TraceHistoryView(TraceHistoryViewModel model) {
        getStyleClass().add("trace-history");
        TableView<TraceRow> table = new TableView<>(model.rows());
        table.setId("traceTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<TraceRow, String> time = column(Messages.get("trace.column.time"), 110, TraceRow::time);
        time.setMinWidth(96); // the minimums add up to the side panel's width at 1280 px
        table.getColumns().add(time);
        table.getColumns().add(column(Messages.get("trace.column.operation"), 76, TraceRow::operation));
        TableColumn<TraceRow, String> latency = column(Messages.get("trace.column.latency"), 60, TraceRow::latency);
        latency.setStyle("-fx-alignment: CENTER-RIGHT;");
        table.getColumns().add(latency);
        table.getColumns().add(column(Messages.get("trace.column.scope"), 58, TraceRow::scope));
        TableColumn<TraceRow, String> result = column(Messages.get("trace.column.result"), 170, TraceRow::result);
        result.setMinWidth(80);
        result.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null || item.isEmpty() ? null : new javafx.scene.control.Tooltip(item));
                getStyleClass().removeAll("result-error", "result-pass", "result-issues");
                if (!empty && item != null) {
                    TraceRow row = getIndex() < 0 || getIndex() >= getTableView().getItems().size() ? null
                            : getTableView().getItems().get(getIndex());
                    if (row != null && row.failed()) { // "error: …" in the desk's language
                        getStyleClass().add("result-error");
                    } else if (item.equals("pass")) {
                        getStyleClass().add("result-pass");
                    } else if (item.startsWith("fail")) {
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

        javafx.scene.control.TabPane json = new javafx.scene.control.TabPane(
                jsonTab(Messages.get("trace.response"), Messages.get("trace.response.prompt"), "traceResponse",
                        model.responseJsonProperty()),
                jsonTab(Messages.get("trace.request"), Messages.get("trace.request.prompt"), "traceRequest",
                        model.requestJsonProperty()));
        json.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
        json.getStyleClass().add("json-tabs");
        // Reviewer decisions: their own short list under the model calls, newest first.
        javafx.scene.layout.VBox decisionList = new javafx.scene.layout.VBox(2);
        decisionList.setId("decisionHistory");
        decisionList.getStyleClass().add("decision-history");
        Runnable showDecisions = () -> decisionList.getChildren().setAll(model.decisions().stream()
                .map(d -> {
                    Label line = new Label(model.verdictLabel(d) + " · " + d.reviewer() + " · "
                            + adreview.ui.Formats.time(d.createdAt())
                            + (d.comment() == null || d.comment().isBlank() ? "" : " · " + d.comment()));
                    line.getStyleClass().add("decision-line");
                    if (!d.inForce()) {
                        line.getStyleClass().add("decision-taken-back");
                    }
                    return (javafx.scene.Node) line;
                }).toList());
        model.decisions().addListener((javafx.collections.ListChangeListener<adreview.review.decision.ReviewerDecision>) c -> showDecisions.run());
        Label decisionsTitle = new Label(Messages.get("trace.decisions"));
        decisionsTitle.getStyleClass().add("section-title");
        javafx.scene.layout.VBox decisionsBox = new javafx.scene.layout.VBox(2, decisionsTitle, decisionList);
        decisionsBox.setPadding(new javafx.geometry.Insets(4, 6, 4, 6));
        decisionsBox.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(model.decisions()));
        decisionsBox.managedProperty().bind(decisionsBox.visibleProperty());
        javafx.scene.layout.VBox left = new javafx.scene.layout.VBox(table, decisionsBox);
        javafx.scene.layout.VBox.setVgrow(table, javafx.scene.layout.Priority.ALWAYS);
        // One above the other: the side panel is a third of the window, too narrow for the table and the JSON side by side.
        setOrientation(javafx.geometry.Orientation.VERTICAL);
        getItems().setAll(left, json);
        setDividerPositions(0.45);
    }

    private static javafx.scene.control.Tab jsonTab(String title, String prompt, String id,
                                                    javafx.beans.value.ObservableValue<String> text) {
        TextArea area = new TextArea();
        area.setId(id);
        area.setEditable(false);
        area.getStyleClass().add("json-text");
        area.setPromptText(prompt);
        area.textProperty().bind(text);
        javafx.scene.control.Tab tab = new javafx.scene.control.Tab(title, area);
        tab.setClosable(false);
        return tab;
    }

    private static TableColumn<TraceRow, String> column(String title, double width, Function<TraceRow, String> value) {
        TableColumn<TraceRow, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setMinWidth(Math.min(width, 52));
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return c;
    }
}

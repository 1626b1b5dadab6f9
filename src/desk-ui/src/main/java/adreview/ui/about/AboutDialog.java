package adreview.ui.about;

import adreview.ui.data.ConfigEntry;
import adreview.ui.detail.MetadataEntry;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The settings/about dialog: versions on top, the effective configuration with sources below. */
public final class AboutDialog extends Dialog<Void> {

    public AboutDialog(AboutInfo info) {
        setTitle("Settings and about — Ad Review Desk");
        setHeaderText("Ad Review Desk " + AboutInfo.deskVersion());
        setResizable(true);

        GridPane versions = new GridPane();
        versions.getStyleClass().add("metadata-grid");
        int row = 0;
        for (MetadataEntry e : info.versions()) {
            Label key = new Label(e.label());
            key.getStyleClass().add("metadata-key");
            Label value = new Label(e.value());
            value.getStyleClass().add("metadata-value");
            value.setWrapText(true);
            versions.addRow(row++, key, value);
        }

        TableView<ConfigEntry> config = new TableView<>(FXCollections.observableArrayList(info.configuration()));
        config.setId("configTable");
        config.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        config.getColumns().add(column("Setting", 170, ConfigEntry::key));
        config.getColumns().add(column("Value", 470, ConfigEntry::value));
        config.getColumns().add(column("Source", 220, ConfigEntry::source));
        config.setPlaceholder(new Label("No configuration available."));
        config.setFixedCellSize(26);
        config.setPrefHeight(32 + 26 * Math.max(4, info.configuration().size()) + 4);
        VBox.setVgrow(config, Priority.ALWAYS);

        Label configTitle = new Label("Effective configuration (defaults < config file < environment < command line)");
        configTitle.getStyleClass().add("section-title");
        Label versionsTitle = new Label("Versions");
        versionsTitle.getStyleClass().add("section-title");
        VBox content = new VBox(10, versionsTitle, versions, configTitle, config);
        if (info.connectionTest() != null) {
            content.getChildren().add(connectionTest(info.connectionTest()));
        }
        content.getStyleClass().add("about-content");
        content.setPrefWidth(880);
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
    }

    /**
     * "Test connection" and its one-line result: the configured backend's own check (a server: GET /models and one
     * tiny request), run off the FX thread.
     */
    private static javafx.scene.Node connectionTest(java.util.function.Supplier<String> test) {
        javafx.scene.control.Button button = new javafx.scene.control.Button("Test connection");
        button.setId("testConnectionButton");
        Label result = new Label();
        result.setId("connectionResult");
        result.setWrapText(true);
        button.setOnAction(e -> {
            button.setDisable(true);
            result.setText("Testing…");
            Thread t = new Thread(() -> {
                String line;
                try {
                    line = test.get();
                } catch (RuntimeException ex) {
                    line = "Failed: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage());
                }
                String shown = line;
                javafx.application.Platform.runLater(() -> {
                    result.setText(shown);
                    button.setDisable(false);
                });
            }, "settings-connection-test");
            t.setDaemon(true);
            t.start();
        });
        javafx.scene.layout.HBox row = new javafx.scene.layout.HBox(10, button, result);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        javafx.scene.layout.HBox.setHgrow(result, Priority.ALWAYS);
        result.setMaxWidth(Double.MAX_VALUE);
        return row;
    }

    private static TableColumn<ConfigEntry, String> column(String title, double width,
                                                           java.util.function.Function<ConfigEntry, String> value) {
        TableColumn<ConfigEntry, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null ? null : new javafx.scene.control.Tooltip(item));
            }
        });
        return c;
    }
}

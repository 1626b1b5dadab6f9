package adreview.ui.about;

import adreview.desk.DeskSetting;
import adreview.ui.i18n.Messages;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import java.util.Locale;
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
        setTitle(Messages.get("about.title"));
        setHeaderText(Messages.get("app.title") + " " + AboutInfo.deskVersion());
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

        TableView<DeskSetting> config = new TableView<>(FXCollections.observableArrayList(info.configuration()));
        config.setId("configTable");
        config.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        config.getColumns().add(column(Messages.get("about.setting"), 170, DeskSetting::name));
        config.getColumns().add(column(Messages.get("about.value"), 470, DeskSetting::value));
        config.getColumns().add(column(Messages.get("about.source"), 220, DeskSetting::source));
        config.setPlaceholder(new Label(Messages.get("about.noConfig")));
        config.setFixedCellSize(26);
        config.setPrefHeight(32 + 26 * Math.max(4, info.configuration().size()) + 4);
        VBox.setVgrow(config, Priority.ALWAYS);

        Label configTitle = new Label(Messages.get("about.config"));
        configTitle.getStyleClass().add("section-title");
        Label versionsTitle = new Label(Messages.get("about.versions"));
        versionsTitle.getStyleClass().add("section-title");

        // The reviewer's own settings: the name decisions carry, the language of the desk.
        Label youTitle = new Label(Messages.get("about.you"));
        youTitle.getStyleClass().add("section-title");
        TextField name = new TextField();
        name.setId("reviewerName");
        name.setPromptText(Messages.get("about.reviewer.prompt"));
        name.textProperty().bindBidirectional(info.reviewer());
        ComboBox<Locale> language = new ComboBox<>(FXCollections.observableArrayList(adreview.ui.i18n.Messages.LANGUAGES));
        language.setId("languageChoice");
        language.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Locale l) {
                return l == null ? "" : l.getDisplayLanguage(l);
            }

            @Override
            public Locale fromString(String s) {
                return null;
            }
        });
        language.setValue(Messages.locale());
        Label restart = new Label(Messages.get("about.language.restart"));
        restart.getStyleClass().add("field-label");
        restart.setVisible(false);
        language.valueProperty().addListener((obs, old, l) -> {
            info.preferences().put(AboutInfo.LANGUAGE_KEY, l.getLanguage());
            restart.setVisible(!l.equals(Messages.locale()));
        });
        GridPane you = new GridPane();
        you.getStyleClass().add("metadata-grid");
        you.addRow(0, new Label(Messages.get("about.reviewer")), name);
        you.addRow(1, new Label(Messages.get("about.language")), new javafx.scene.layout.HBox(8, language, restart));
        VBox content = new VBox(10, youTitle, you, versionsTitle, versions, configTitle, config,
                connectionTest(info));
        content.getStyleClass().add("about-content");
        content.setPrefWidth(880);
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
    }

    /** "Test connection" and its one-line result (a server: GET /models and one tiny request). */
    private static javafx.scene.Node connectionTest(AboutInfo info) {
        javafx.scene.control.Button button = new javafx.scene.control.Button(Messages.get("about.testConnection"));
        button.setId("testConnectionButton");
        Label result = new Label();
        result.setId("connectionResult");
        result.setWrapText(true);
        result.setMaxWidth(Double.MAX_VALUE);
        button.setOnAction(e -> {
            button.setDisable(true);
            result.setText(Messages.get("about.testing"));
            info.connectionTest().accept(line -> {
                result.setText(line);
                button.setDisable(false);
            });
        });
        javafx.scene.layout.HBox row = new javafx.scene.layout.HBox(10, button, result);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        javafx.scene.layout.HBox.setHgrow(result, Priority.ALWAYS);
        return row;
    }

    private static TableColumn<DeskSetting, String> column(String title, double width,
                                                           java.util.function.Function<DeskSetting, String> value) {
        TableColumn<DeskSetting, String> c = new TableColumn<>(title);
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

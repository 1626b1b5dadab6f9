package adreview.ui.detail;

import adreview.store.AdCopySource;
import adreview.ui.i18n.Messages;
import javafx.geometry.VPos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Beside the image: the resolved ad copy with its source, the reviewer's own ad copy, and the metadata. */
public final class InfoPane extends ScrollPane {

    public InfoPane(VariantDetailViewModel model) {
        getStyleClass().add("info-pane");
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);

        Label adCopyTitle = new Label(Messages.get("info.adCopy"));
        adCopyTitle.getStyleClass().add("section-title");
        Label source = new Label();
        source.setId("adCopySource");
        source.getStyleClass().add("source-chip");
        model.adCopySourceProperty().addListener((obs, old, s) -> updateSource(source, s));
        updateSource(source, model.adCopySourceProperty().get());
        Label adCopy = new Label();
        adCopy.setId("adCopyText");
        adCopy.getStyleClass().add("ad-copy");
        adCopy.setWrapText(true);
        adCopy.textProperty().bind(javafx.beans.binding.Bindings.when(model.adCopyProperty().isEmpty())
                .then(Messages.get("info.noAdCopy")).otherwise(model.adCopyProperty()));

        Label typedTitle = new Label(Messages.get("info.typed"));
        typedTitle.getStyleClass().add("field-label");
        TextArea typed = new TextArea();
        typed.setId("typedAdCopy");
        typed.setPromptText(Messages.get("info.typed.prompt"));
        typed.setWrapText(true);
        typed.setPrefRowCount(3);
        typed.textProperty().bindBidirectional(model.typedAdCopyProperty());

        Label metadataTitle = new Label(Messages.get("info.metadata"));
        metadataTitle.getStyleClass().add("section-title");
        GridPane grid = new GridPane();
        grid.setId("metadataGrid");
        grid.getStyleClass().add("metadata-grid");
        ColumnConstraints keys = new ColumnConstraints();
        keys.setMinWidth(110);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setFillWidth(true);
        grid.getColumnConstraints().setAll(keys, values);
        model.metadata().addListener((javafx.collections.ListChangeListener<MetadataEntry>) c -> fill(grid, model));
        fill(grid, model);

        Label message = new Label();
        message.setId("detailMessage");
        message.getStyleClass().add("inline-error");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        message.visibleProperty().bind(model.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());

        VBox content = new VBox(8, message, adCopyTitle, source, adCopy, typedTitle, typed, metadataTitle, grid);
        content.getStyleClass().add("info-content");
        setContent(content);
    }

    private static void updateSource(Label label, AdCopySource source) {
        label.getStyleClass().removeIf(c -> c.startsWith("source-") && !c.equals("source-chip"));
        label.getStyleClass().add("source-" + source.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        label.setText(Messages.get("adCopySource." + source.name().toLowerCase(java.util.Locale.ROOT)));
    }

    private static void fill(GridPane grid, VariantDetailViewModel model) {
        grid.getChildren().clear();
        int row = 0;
        for (MetadataEntry e : model.metadata()) {
            Label key = new Label(e.label());
            key.getStyleClass().add("metadata-key");
            Label value = new Label(e.value());
            value.getStyleClass().add("metadata-value");
            value.setWrapText(true);
            value.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            GridPane.setValignment(key, VPos.TOP);
            grid.addRow(row++, key, value);
        }
    }
}

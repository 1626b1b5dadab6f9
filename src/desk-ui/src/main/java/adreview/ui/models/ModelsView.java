package adreview.ui.models;

import adreview.desk.DeskService;
import adreview.ui.concurrent.TaskExecutor;
import adreview.ui.i18n.Messages;

import adreview.models.ModelFolderInfo;
import adreview.models.download.Bytes;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;

import java.io.File;
import java.net.URL;
import java.util.function.Function;

/**
 * The Models view: a table of model folders (name, architecture, size, dtype, complete or what is
 * missing, which one is in use), a form to download one from the Hugging Face hub, and a progress
 * bar with bytes, speed and time left, with cancel and resume. It only lays out controls and binds
 * them to its {@link ModelsViewModel}; all disk and network work happens off the JavaFX thread.
 */
public final class ModelsView extends VBox {

    private final ModelsViewModel model;
    private final TableView<ModelFolderInfo> table = new TableView<>();

    public ModelsView(ModelsViewModel model) {
        this.model = model;
        getStyleClass().add("models-view");
        URL css = ModelsView.class.getResource("/styles/models.css");
        if (css != null) {
            getStylesheets().add(css.toExternalForm());
        }
        setSpacing(0);
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(header(), table(), downloadPane());
        model.refresh();
    }

    /**
     * A view with its own background thread for the hub at HF_ENDPOINT (default huggingface.co) with
     * HF_TOKEN or {@code settingsToken}. Nothing touches the network until the user asks for a download.
     */
    /** The Models window's content on the desk's service; its listing and downloads run on the executor's I/O lane. */
    public static ModelsView create(DeskService service, TaskExecutor executor) {
        return new ModelsView(new ModelsViewModel(service.models(), executor.ioLane(), Platform::runLater));
    }


    public ModelsViewModel model() {
        return model;
    }

    private Region header() {
        Label title = new Label(Messages.get("models.heading"));
        title.getStyleClass().add("models-title");
        Label where = new Label(model.modelsDir().toString());
        where.getStyleClass().add("models-muted");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        Button refresh = new Button(Messages.get("models.refresh"));
        refresh.setId("models-refresh");
        refresh.setOnAction(e -> model.refresh());
        refresh.disableProperty().bind(model.listingProperty());
        Button add = new Button(Messages.get("models.addFolder"));
        add.setId("models-add-folder");
        add.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle(Messages.get("models.addFolder.title"));
            File dir = chooser.showDialog(getScene() == null ? null : getScene().getWindow());
            if (dir != null) {
                model.addFolder(dir.toPath());
            }
        });
        Button use = new Button(Messages.get("models.use"));
        use.setId("models-use");
        use.getStyleClass().add("models-primary");
        use.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            ModelFolderInfo f = table.getSelectionModel().getSelectedItem();
            return f == null || !f.complete() || f.inUse();
        }, table.getSelectionModel().selectedItemProperty(), model.folders()));
        use.setOnAction(e -> model.use(table.getSelectionModel().getSelectedItem()));

        HBox bar = new HBox(10, title, where, spacer, refresh, add, use);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("models-header");
        return bar;
    }

    private Region table() {
        table.setId("models-table");
        table.setItems(model.folders());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
        table.setPlaceholder(new Label(Messages.get("models.none")));

        TableColumn<ModelFolderInfo, ModelFolderInfo> inUse = column(Messages.get("models.column.inUse"), 92, f -> f);
        inUse.setMinWidth(92); // the "● in use" chip whole
        inUse.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(ModelFolderInfo f, boolean empty) {
                super.updateItem(f, empty);
                setText(null);
                setGraphic(null);
                if (!empty && f != null && f.inUse()) {
                    Label badge = new Label(Messages.get("models.inUse"));
                    badge.getStyleClass().add("models-in-use");
                    setGraphic(badge);
                }
            }
        });
        TableColumn<ModelFolderInfo, ModelFolderInfo> name = column(Messages.get("models.column.name"), 170, f -> f);
        name.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(ModelFolderInfo f, boolean empty) {
                super.updateItem(f, empty);
                setText(empty || f == null ? null : f.name());
                setTooltip(empty || f == null ? null : new Tooltip(f.path().toString()));
                getStyleClass().remove("models-name");
                if (!empty) {
                    getStyleClass().add("models-name");
                }
            }
        });
        TableColumn<ModelFolderInfo, String> arch = column(Messages.get("models.column.architecture"), 250, ModelFolderInfo::architecture);
        TableColumn<ModelFolderInfo, String> size = column(Messages.get("models.column.size"), 80, f -> Bytes.format(f.sizeBytes()));
        size.setCellFactory(c -> {
            TableCell<ModelFolderInfo, String> cell = new TableCell<>() {
                @Override
                protected void updateItem(String text, boolean empty) {
                    super.updateItem(text, empty);
                    setText(empty ? null : text);
                }
            };
            cell.getStyleClass().add("models-size");
            return cell;
        });
        TableColumn<ModelFolderInfo, String> dtype = column(Messages.get("models.column.dtype"), 70, ModelFolderInfo::dtype);
        TableColumn<ModelFolderInfo, ModelFolderInfo> status = column(Messages.get("models.column.complete"), 330, f -> f);
        status.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(ModelFolderInfo f, boolean empty) {
                super.updateItem(f, empty);
                getStyleClass().removeAll("models-ok", "models-bad", "models-busy");
                textProperty().unbind();
                setTooltip(null);
                if (empty || f == null) {
                    setText(null);
                } else if (f.path().equals(model.activeFolderProperty().get())) {
                    // The folder being downloaded: live progress instead of the list of missing files.
                    textProperty().bind(Bindings.createStringBinding(() -> Messages.get("models.downloading",
                            String.valueOf(Math.round(Math.max(0, model.progressProperty().get()) * 100))), model.progressProperty()));
                    getStyleClass().add("models-busy");
                } else if (f.complete()) {
                    setText(Messages.get("models.complete"));
                    getStyleClass().add("models-ok");
                } else {
                    int more = f.problems().size() - 1;
                    setText(more > 0 ? Messages.get("models.incomplete.more", f.problems().get(0), String.valueOf(more))
                            : Messages.get("models.incomplete", f.problems().get(0)));
                    getStyleClass().add("models-bad");
                    setTooltip(new Tooltip(String.join("\n", f.problems())));
                }
            }
        });
        table.getColumns().setAll(java.util.List.of(inUse, name, arch, size, dtype, status));
        model.activeFolderProperty().addListener((o, a, b) -> table.refresh());
        table.setRowFactory(t -> {
            javafx.scene.control.TableRow<ModelFolderInfo> row = new javafx.scene.control.TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty() && row.getItem().complete()) {
                    model.use(row.getItem());
                }
            });
            return row;
        });
        return table;
    }

    private static <T> TableColumn<ModelFolderInfo, T> column(String title, double width, Function<ModelFolderInfo, T> value) {
        TableColumn<ModelFolderInfo, T> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new javafx.beans.property.ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return c;
    }

    private Region downloadPane() {
        Label heading = new Label(Messages.get("models.download.heading"));
        heading.getStyleClass().add("models-section");

        ComboBox<String> repo = new ComboBox<>();
        repo.setId("models-repo");
        repo.setEditable(true);
        repo.getItems().setAll(model.suggestedRepos());
        repo.setPrefWidth(320);
        repo.getEditor().setText(model.repoIdProperty().get());
        repo.getEditor().textProperty().addListener((o, a, b) -> model.repoIdProperty().set(b));
        repo.valueProperty().addListener((o, a, b) -> {
            if (b != null && !b.equals(repo.getEditor().getText())) {
                repo.getEditor().setText(b);
            }
        });
        model.repoIdProperty().addListener((o, a, b) -> {
            if (b != null && !b.equals(repo.getEditor().getText())) {
                repo.getEditor().setText(b);
            }
        });
        repo.setPromptText(Messages.get("models.repo.prompt"));

        TextField revision = new TextField();
        revision.setId("models-revision");
        revision.setPrefColumnCount(8);
        revision.textProperty().bindBidirectional(model.revisionProperty());
        revision.setPromptText(Messages.get("models.revision.prompt"));

        Button download = new Button(Messages.get("models.download"));
        download.setId("models-download");
        download.setDefaultButton(true);
        download.disableProperty().bind(model.downloadingProperty());
        download.setOnAction(e -> model.download());
        Button cancel = new Button(Messages.get("models.cancel"));
        cancel.setId("models-cancel");
        cancel.disableProperty().bind(model.downloadingProperty().not());
        cancel.setOnAction(e -> model.cancel());
        Button resume = new Button(Messages.get("models.resume"));
        resume.setId("models-resume");
        resume.disableProperty().bind(model.resumableProperty().not().or(model.downloadingProperty()));
        resume.setOnAction(e -> model.resume());

        Label target = new Label();
        target.getStyleClass().add("models-muted");
        target.textProperty().bind(Bindings.createStringBinding(() -> {
            String id = model.repoIdProperty().get();
            return id == null || id.isBlank() ? "" : Messages.get("models.into",
                    model.modelsDir().resolve(id.strip().substring(id.strip().lastIndexOf('/') + 1)).toString());
        }, model.repoIdProperty()));

        HBox form = new HBox(8, new Label(Messages.get("models.repo")), repo, new Label(Messages.get("models.revision")), revision,
                download, cancel, resume);
        form.setAlignment(Pos.CENTER_LEFT);

        ProgressBar bar = new ProgressBar(0);
        bar.setId("models-progress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(model.progressProperty());
        bar.visibleProperty().bind(model.downloadingProperty().or(model.progressProperty().greaterThan(0)));

        Label bytes = new Label();
        bytes.setId("models-progress-text");
        bytes.getStyleClass().add("models-progress-text");
        bytes.textProperty().bind(model.progressTextProperty());
        Label file = new Label();
        file.setId("models-file-text");
        file.getStyleClass().add("models-muted");
        file.textProperty().bind(model.fileTextProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox numbers = new HBox(12, bytes, gap, file);
        numbers.setAlignment(Pos.CENTER_LEFT);

        Label message = new Label();
        message.setId("models-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        model.messageKindProperty().addListener((o, a, b) -> styleMessage(message, b));
        styleMessage(message, model.messageKindProperty().get());

        VBox pane = new VBox(8, heading, form, target, bar, numbers, message);
        pane.getStyleClass().add("models-download-pane");
        pane.setPadding(new Insets(12, 14, 14, 14));
        return pane;
    }

    private static void styleMessage(Label message, ModelsViewModel.MessageKind kind) {
        message.getStyleClass().removeAll("models-message-info", "models-message-success", "models-message-error");
        message.getStyleClass().add("models-message-" + kind.name().toLowerCase(java.util.Locale.ROOT));
    }
}

package adreview.ui;

import adreview.ui.about.AboutInfo;
import adreview.ui.detail.ImageKind;
import adreview.ui.detail.VariantDetailView;
import adreview.ui.image.ThumbnailCache;
import adreview.ui.list.VariantListView;
import adreview.ui.list.VariantListViewModel;
import adreview.ui.startup.StartupPane;
import java.util.LinkedHashSet;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.controlsfx.control.CheckComboBox;
import org.controlsfx.control.textfield.CustomTextField;
import org.controlsfx.control.textfield.TextFields;

/** The main window's content: toolbar with filters, variant list beside the detail pane, status bar, startup overlay. */
public final class MainView extends StackPane {

    private final MainViewModel model;
    private final VariantListView list;
    private final VariantDetailView detail;
    private final Button models = new Button("Models");

    public MainView(MainViewModel model, ThumbnailCache thumbnails, DialogService dialogs) {
        this.model = model;
        getStyleClass().add("main-view");
        VariantListViewModel listModel = model.list();
        list = new VariantListView(listModel, thumbnails);
        detail = new VariantDetailView(model.detail());

        Runnable showSettings = () -> dialogs.showAbout(
                AboutInfo.collect(model.configuration(), model.databaseProperty().get(), model.connectionTest().orElse(null)));

        BorderPane frame = new BorderPane();
        frame.setTop(toolbar(listModel, showSettings));
        SplitPane split = new SplitPane(list, detail);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.485);
        SplitPane.setResizableWithParent(list, false);
        frame.setCenter(split);
        frame.setBottom(statusBar());

        getChildren().addAll(frame, new StartupPane(model, showSettings));
        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
    }

    private Node toolbar(VariantListViewModel listModel, Runnable showSettings) {
        Label title = new Label("Ad Review Desk");
        title.getStyleClass().add("app-title");

        CheckComboBox<String> statuses = new CheckComboBox<>(listModel.statusChoices());
        statuses.setId("statusFilter");
        statuses.setTitle("Status: all");
        statuses.getCheckModel().getCheckedItems().addListener((ListChangeListener<String>) c -> {
            listModel.setStatusFilter(new LinkedHashSet<>(statuses.getCheckModel().getCheckedItems()));
            statuses.setTitle(title("Status", statuses.getCheckModel().getCheckedItems()));
        });
        CheckComboBox<String> steps = new CheckComboBox<>(listModel.stepChoices());
        steps.setId("stepFilter");
        steps.setTitle("Step: all");
        steps.getCheckModel().getCheckedItems().addListener((ListChangeListener<String>) c -> {
            listModel.setStepFilter(new LinkedHashSet<>(steps.getCheckModel().getCheckedItems()));
            steps.setTitle(title("Step", steps.getCheckModel().getCheckedItems()));
        });
        statuses.setPrefWidth(150);
        steps.setPrefWidth(170);

        CustomTextField search = (CustomTextField) TextFields.createClearableTextField();
        search.setId("searchField");
        search.setPromptText("Search id, tenant, step, verdict…");
        search.setPrefColumnCount(22);
        search.textProperty().addListener((obs, old, text) -> listModel.setSearchText(text));

        Label count = new Label();
        count.setId("variantCount");
        count.getStyleClass().add("count-text");
        count.textProperty().bind(listModel.countTextProperty());

        Button refresh = new Button("Refresh");
        refresh.setId("refreshButton");
        refresh.setTooltip(new Tooltip("Reload variants from the database  [F5]"));
        refresh.setOnAction(e -> listModel.refresh());
        refresh.disableProperty().bind(listModel.loadingProperty());
        models.setId("modelsButton");
        models.setTooltip(new Tooltip("Model folders: which one the review uses, download one"));
        models.setDisable(true); // until the session is open
        Button settings = new Button("Settings");
        settings.setId("settingsButton");
        settings.setTooltip(new Tooltip("Effective configuration, versions"));
        settings.setOnAction(e -> showSettings.run());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, title, separator(), statuses, steps, search, spacer, count, refresh, models, settings);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("app-toolbar");
        return bar;
    }

    /** "Status: all", "Status: failed", "Status: failed, queued", "Step: 3 steps". */
    private static String title(String name, java.util.List<String> checked) {
        if (checked.isEmpty()) {
            return name + ": all";
        }
        if (checked.size() <= 2) {
            return name + ": " + String.join(", ", checked);
        }
        return name + ": " + checked.size() + " selected";
    }

    private static Node separator() {
        Region r = new Region();
        r.getStyleClass().add("toolbar-separator");
        return r;
    }

    private Node statusBar() {
        Label database = new Label();
        database.setId("databaseStatus");
        database.textProperty().bind(model.databaseProperty());
        Label notice = new Label();
        notice.setId("startupNotice");
        notice.getStyleClass().add("status-message");
        notice.textProperty().bind(model.noticeProperty());
        notice.visibleProperty().bind(model.noticeProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());
        Label listMessage = new Label();
        listMessage.getStyleClass().add("status-message");
        listMessage.textProperty().bind(model.list().messageProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label keys = new Label("J K  variant   ·   A F R  decide   ·   1 2  run   ·   G / V  image / render   ·   B  boxes   ·   + − 0 Z  zoom   ·   ?  help");
        keys.getStyleClass().add("key-hints");
        HBox bar = new HBox(12, database, notice, listMessage, spacer, keys);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    /** Window-wide keys, except while the reviewer types in a text field. */
    private void onKey(KeyEvent e) {
        if (e.getCode() == KeyCode.F5) {
            model.list().refresh();
            e.consume();
            return;
        }
        Node focus = getScene() == null ? null : getScene().getFocusOwner();
        if (focus instanceof TextInputControl || e.isControlDown() || e.isAltDown() || e.isMetaDown()) {
            return;
        }
        switch (e.getCode()) {
            // J / K (variants) and R (reject) belong to the review keymap on the scene, which runs first.
            case G -> model.detail().imageKindProperty().set(ImageKind.GENERATED);
            case V -> model.detail().imageKindProperty().set(ImageKind.RENDER);
            case B -> detail.imagePane().boxesToggle().setSelected(!detail.imagePane().boxesToggle().isSelected());
            case PLUS, ADD, EQUALS -> detail.imagePane().imageView().zoomIn();
            case MINUS, SUBTRACT -> detail.imagePane().imageView().zoomOut();
            case DIGIT0, NUMPAD0 -> detail.imagePane().imageView().fit();
            case Z -> detail.imagePane().imageView().actualSize(); // not 1: 1 and 2 run the stages
            default -> {
                return;
            }
        }
        e.consume();
    }

    /** The top bar's "Models" button; the application sets its action once the session is open. */
    public Button modelsButton() {
        return models;
    }

    public VariantListView list() {
        return list;
    }

    public VariantDetailView detail() {
        return detail;
    }
}

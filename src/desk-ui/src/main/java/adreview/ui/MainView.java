package adreview.ui;

import adreview.ui.detail.LargeView;
import adreview.ui.detail.VariantDetailView;
import adreview.ui.i18n.Messages;
import adreview.ui.list.SavedViews;
import adreview.ui.list.VariantGridView;
import adreview.ui.list.VariantListView;
import adreview.ui.list.VariantListViewModel;
import adreview.ui.prefs.UiPreferences;
import adreview.ui.startup.StartupPane;
import adreview.ui.state.VariantFilter;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.controlsfx.control.CheckComboBox;
import org.controlsfx.control.textfield.CustomTextField;
import org.controlsfx.control.textfield.TextFields;

import java.util.LinkedHashSet;
import java.util.List;

/**
 * The main window's content: the toolbar (filters, saved views, list or grid), the variants beside the detail area,
 * the status bar, and the layers over them (start-up, large view). Lays out what the composition root made; the
 * view models do the work.
 */
public final class MainView extends StackPane {

    static final String BROWSE_DIVIDER_KEY = "layout.browse.divider";
    static final String GRID_KEY = "layout.grid";
    static final String GRID_DIVIDER_KEY = "layout.grid.divider";
    /** The grid's share at first start: three or more columns of thumbnails beside a detail area that stays usable. */
    static final double DEFAULT_GRID_DIVIDER = 0.55;

    private final VariantListView list;
    private final VariantGridView grid;
    private final VariantDetailView detail;
    private final LargeView large;
    /** The list's share of the window at first start: about 330 px at 1280, leaving the image 60 % of the rest. */
    static final double DEFAULT_BROWSE_DIVIDER = 0.26;

    private final SplitPane browse;
    private final BooleanProperty gridMode = new SimpleBooleanProperty();
    private final Button models = new Button(Messages.get("toolbar.models"));
    private final Button report = new Button(Messages.get("toolbar.report"));
    private final Label notice = new Label();
    private CheckComboBox<String> statusFilter;
    private CheckComboBox<String> stepFilter;
    private CustomTextField searchField;

    public MainView(MainViewModel model, VariantListViewModel listModel, VariantListView list, VariantGridView grid,
                    VariantDetailView detail, LargeView large, UiPreferences preferences, DialogService dialogs,
                    Runnable showSettings) {
        this.list = list;
        this.grid = grid;
        this.detail = detail;
        this.large = large;
        getStyleClass().add("main-view");

        BorderPane frame = new BorderPane();
        frame.setTop(toolbar(listModel, preferences, dialogs, showSettings));
        StackPane variants = new StackPane(list, grid);
        variants.setMinWidth(260);
        list.visibleProperty().bind(gridMode.not());
        grid.visibleProperty().bind(gridMode);
        gridMode.set(preferences.get(GRID_KEY).map(Boolean::parseBoolean).orElse(false));
        browse = new SplitPane(variants, detail);
        browse.setOrientation(Orientation.HORIZONTAL);
        SplitPane.setResizableWithParent(variants, false);
        // The list and the grid each have their own divider: a grid of one column is no grid.
        browse.setDividerPositions(dividerFor(gridMode.get(), preferences));
        browse.getDividers().get(0).positionProperty().addListener((obs, old, p) ->
                preferences.putDouble(gridMode.get() ? GRID_DIVIDER_KEY : BROWSE_DIVIDER_KEY,
                        Math.round(p.doubleValue() * 1000) / 1000.0));
        gridMode.addListener((obs, old, on) -> {
            preferences.put(GRID_KEY, Boolean.toString(on));
            browse.setDividerPositions(dividerFor(on, preferences));
        });
        frame.setCenter(browse);
        frame.setBottom(statusBar(model, listModel));

        getChildren().addAll(frame, large, new StartupPane(model, showSettings));
    }

    private static double dividerFor(boolean grid, UiPreferences preferences) {
        return grid ? preferences.getDouble(GRID_DIVIDER_KEY, DEFAULT_GRID_DIVIDER)
                : preferences.getDouble(BROWSE_DIVIDER_KEY, DEFAULT_BROWSE_DIVIDER);
    }

    private Node toolbar(VariantListViewModel listModel, UiPreferences preferences, DialogService dialogs,
                         Runnable showSettings) {
        Label title = new Label(Messages.get("app.title"));
        title.getStyleClass().add("app-title");

        CheckComboBox<String> statuses = new CheckComboBox<>(listModel.statusChoices());
        statuses.setId("statusFilter");
        statuses.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String status) {
                return Badges.statusText(status);
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        statuses.setTitle(title("toolbar.status", List.of()));
        statuses.getCheckModel().getCheckedItems().addListener((ListChangeListener<String>) c -> {
            listModel.setStatusFilter(new LinkedHashSet<>(statuses.getCheckModel().getCheckedItems()));
            statuses.setTitle(title("toolbar.status", statuses.getCheckModel().getCheckedItems().stream()
                    .map(Badges::statusText).toList()));
        });
        CheckComboBox<String> steps = new CheckComboBox<>(listModel.stepChoices());
        steps.setId("stepFilter");
        steps.setTitle(title("toolbar.step", List.of()));
        steps.getCheckModel().getCheckedItems().addListener((ListChangeListener<String>) c -> {
            listModel.setStepFilter(new LinkedHashSet<>(steps.getCheckModel().getCheckedItems()));
            steps.setTitle(title("toolbar.step", steps.getCheckModel().getCheckedItems()));
        });
        statuses.setPrefWidth(140);
        steps.setPrefWidth(150);
        statusFilter = statuses;
        stepFilter = steps;

        CustomTextField search = (CustomTextField) TextFields.createClearableTextField();
        search.setId("searchField");
        search.setPromptText(Messages.get("toolbar.search"));
        search.setPrefColumnCount(18);
        search.textProperty().addListener((obs, old, text) -> listModel.setSearchText(text));
        searchField = search;

        // Saved views: the filter under a name, remembered between starts.
        SavedViews saved = new SavedViews(preferences);
        MenuButton views = new MenuButton(Messages.get("toolbar.views"));
        views.setId("savedViews");
        views.setOnShowing(e -> {
            views.getItems().clear();
            MenuItem save = new MenuItem(Messages.get("toolbar.views.save"));
            save.setOnAction(a -> dialogs.askText(Messages.get("toolbar.views.save.title"),
                    Messages.get("toolbar.views.save.prompt"), "").ifPresent(name -> saved.save(name, listModel.filter())));
            views.getItems().add(save);
            var names = saved.names();
            if (!names.isEmpty()) {
                views.getItems().add(new SeparatorMenuItem());
            }
            for (String name : names) {
                MenuItem apply = new MenuItem(name);
                apply.setOnAction(a -> saved.find(name).ifPresent(f -> apply(f, statuses, steps, search)));
                views.getItems().add(apply);
            }
            if (!names.isEmpty()) {
                javafx.scene.control.Menu delete = new javafx.scene.control.Menu(Messages.get("toolbar.views.delete"));
                for (String name : names) {
                    MenuItem d = new MenuItem(name);
                    d.setOnAction(a -> saved.delete(name));
                    delete.getItems().add(d);
                }
                views.getItems().addAll(new SeparatorMenuItem(), delete);
            }
        });

        ToggleButton gridToggle = new ToggleButton(Messages.get("toolbar.grid"));
        gridToggle.setId("gridToggle");
        gridToggle.setTooltip(new Tooltip(Messages.get("toolbar.grid.tip")));
        gridToggle.selectedProperty().bindBidirectional(gridMode);

        Label count = new Label();
        count.setId("variantCount");
        count.getStyleClass().add("count-text");
        count.textProperty().bind(listModel.countTextProperty());

        Button refresh = new Button(Messages.get("toolbar.refresh"));
        refresh.setId("refreshButton");
        refresh.setTooltip(new Tooltip(Messages.get("toolbar.refresh.tip")));
        refresh.setOnAction(e -> listModel.refresh());
        refresh.disableProperty().bind(listModel.loadingProperty());
        models.setId("modelsButton");
        models.setTooltip(new Tooltip(Messages.get("toolbar.models.tip")));
        models.setDisable(true); // until the desk is open
        report.setId("reportButton");
        report.setTooltip(new Tooltip(Messages.get("toolbar.report.tip")));
        report.setDisable(true);
        Button settings = new Button(Messages.get("toolbar.settings"));
        settings.setId("settingsButton");
        settings.setTooltip(new Tooltip(Messages.get("toolbar.settings.tip")));
        settings.setOnAction(e -> showSettings.run());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, title, separator(), statuses, steps, search, views, gridToggle, spacer, count, refresh,
                report, models, settings);
        bar.getChildren().forEach(n -> {
            if (n instanceof Region r && !(n == spacer) && !(n == search)) {
                r.setMinWidth(Region.USE_PREF_SIZE);
            }
        });
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("app-toolbar");
        return bar;
    }

    /** Applies a saved view: the filter boxes and the search field follow (and so the list). */
    private static void apply(VariantFilter f, CheckComboBox<String> statuses, CheckComboBox<String> steps,
                              CustomTextField search) {
        statuses.getCheckModel().clearChecks();
        f.statuses().forEach(s -> statuses.getCheckModel().check(s));
        steps.getCheckModel().clearChecks();
        f.steps().forEach(s -> steps.getCheckModel().check(s));
        search.setText(f.text());
    }

    /** "Status: all", "Status: failed", "Status: failed, queued", "Step: 3 selected". */
    private static String title(String nameKey, List<String> checked) {
        String name = Messages.get(nameKey);
        if (checked.isEmpty()) {
            return Messages.get("toolbar.filter.all", name);
        }
        if (checked.size() <= 2) {
            return Messages.get("toolbar.filter.some", name, String.join(", ", checked));
        }
        return Messages.get("toolbar.filter.many", name, checked.size());
    }

    private static Node separator() {
        Region r = new Region();
        r.getStyleClass().add("toolbar-separator");
        return r;
    }

    private Node statusBar(MainViewModel model, VariantListViewModel listModel) {
        Label database = new Label();
        database.setId("databaseStatus");
        database.textProperty().bind(model.databaseProperty());
        Label listMessage = new Label();
        listMessage.getStyleClass().add("status-message");
        listMessage.textProperty().bind(listModel.messageProperty());
        notice.setId("statusNotice");
        notice.getStyleClass().add("status-message");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label keys = new Label(Messages.get("status.keys"));
        keys.getStyleClass().add("key-hints");
        keys.setMinWidth(0);
        HBox bar = new HBox(12, database, listMessage, notice, spacer, keys);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    /** A line in the status bar (e.g. runs recovered at start-up). */
    public void showNotice(String text) {
        notice.setText(text);
    }

    /** The list or the grid (Ctrl+G). */
    public BooleanProperty gridModeProperty() {
        return gridMode;
    }

    /**
     * Selects a variant in the list (the Report view's "open"). When the list's filters hide it they are
     * cleared first, so that the reviewer sees the variant they asked for.
     *
     * @return false when the variant is not in the list at all (deleted since the report was made)
     */
    public boolean showVariant(java.util.UUID variantId) {
        if (list.select(variantId)) {
            return true;
        }
        statusFilter.getCheckModel().clearChecks();
        stepFilter.getCheckModel().clearChecks();
        searchField.clear();
        return list.select(variantId);
    }

    /** The top bar's "Models" button; the composition root sets its action once the desk is open. */
    public Button modelsButton() {
        return models;
    }

    public Button reportButton() {
        return report;
    }

    public VariantListView list() {
        return list;
    }

    public VariantGridView grid() {
        return grid;
    }

    public VariantDetailView detail() {
        return detail;
    }

    public LargeView large() {
        return large;
    }

    public SplitPane browse() {
        return browse;
    }
}

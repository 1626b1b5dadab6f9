package adreview.ui;

import adreview.desk.DeskService;
import adreview.desk.DeskStarter;
import adreview.fonts.DeskFonts;
import adreview.ui.about.AboutInfo;
import adreview.ui.checks.MeasuredController;
import adreview.ui.concurrent.TaskExecutor;
import adreview.ui.detail.ImageArea;
import adreview.ui.detail.ImageKind;
import adreview.ui.detail.LargeView;
import adreview.ui.detail.VariantDetailView;
import adreview.ui.detail.VariantDetailViewModel;
import adreview.ui.i18n.Messages;
import adreview.ui.image.ImageDecoder;
import adreview.ui.image.ThumbnailCache;
import adreview.ui.keys.KeyBinding;
import adreview.ui.keys.WindowKeys;
import adreview.ui.list.VariantGridView;
import adreview.ui.list.VariantListView;
import adreview.ui.list.VariantListViewModel;
import adreview.ui.models.ModelsView;
import adreview.ui.prefs.UiPreferences;
import adreview.ui.review.ReviewPane;
import adreview.ui.review.ReviewViewModel;
import adreview.ui.state.StateManager;
import adreview.ui.state.VariantNavigator;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.image.Image;
import javafx.scene.text.Font;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The desk's window and the one place where its parts are made and connected: executor, shared state, view models,
 * views, keys, dialogs. The database is opened in the background while the window shows its progress; then every
 * view model gets the desk's service. Launched by {@code adreview.app.Main} through {@link #launch}.
 */
public final class DeskApplication extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(DeskApplication.class);
    /** Window size at first start (then remembered), never larger than the screen. */
    static final double DEFAULT_WIDTH = 1440;
    static final double DEFAULT_HEIGHT = 900;

    /** What {@link #launch} hands over: JavaFX creates the application reflectively. */
    private record Launch(DeskStarter starter, UiPreferences preferences) {
    }

    private static volatile Launch launch;

    private final Launch given;
    private Stage stage;
    private TaskExecutor executor;
    private UiPreferences preferences;
    private StateManager state;
    private MainViewModel model;
    private VariantListViewModel listModel;
    private VariantDetailViewModel detailModel;
    private ReviewViewModel review;
    private MainView view;
    private ReviewPane reviewPane;
    private MeasuredController measured;
    private DialogService dialogs;
    private ThumbnailCache listThumbnails;
    private ThumbnailCache gridThumbnails;
    private Stage modelsWindow;
    private ModelsView modelsView;
    private Stage reportWindow;
    private adreview.ui.report.ReportView reportView;
    private adreview.review.report.AgreementQueries reports;
    private boolean closingAfterRuns;

    /** Used by JavaFX after {@link #launch}. */
    public DeskApplication() {
        this.given = null;
    }

    /** For tests and embedding: the parts given directly. */
    public DeskApplication(DeskStarter starter, UiPreferences preferences) {
        this.given = new Launch(starter, preferences);
    }

    /** Opens the window and blocks until it is closed. */
    public static void launch(DeskStarter starter, UiPreferences preferences, String... args) {
        launch = new Launch(Objects.requireNonNull(starter), Objects.requireNonNull(preferences));
        Application.launch(DeskApplication.class, args);
    }

    @Override
    public void start(Stage primaryStage) {
        Launch parts = given != null ? given : launch;
        if (parts == null) {
            throw new IllegalStateException("No desk to show: start the desk through adreview.app.Main");
        }
        this.stage = primaryStage;
        this.preferences = parts.preferences();
        Messages.use(preferences.get(AboutInfo.LANGUAGE_KEY).map(Locale::forLanguageTag).orElse(Locale.getDefault()));
        registerFonts();

        executor = TaskExecutor.forJavaFx();
        state = new StateManager();
        dialogs = new FxDialogService(primaryStage);
        model = new MainViewModel(parts.starter(), executor);
        listModel = new VariantListViewModel(executor, state);
        ImageDecoder decoder = new ImageDecoder(parts.starter().imageReader());
        detailModel = new VariantDetailViewModel(executor, decoder);
        VariantNavigator navigator = new VariantNavigator(state, listModel.visibleVariants());
        review = new ReviewViewModel(executor, navigator, preferences, this::askReviewer);

        listThumbnails = new ThumbnailCache(executor, decoder);
        gridThumbnails = new ThumbnailCache(executor, decoder, ThumbnailCache.GRID_SIZE);
        VariantListView list = new VariantListView(listModel, listThumbnails, preferences);
        VariantGridView grid = new VariantGridView(listModel, gridThumbnails);
        VariantDetailView detail = new VariantDetailView(detailModel, preferences);
        LargeView large = new LargeView(detailModel);
        view = new MainView(model, listModel, list, grid, detail, large, preferences, dialogs, this::showSettings);

        reviewPane = new ReviewPane(review, preferences);
        reviewPane.setFocusHome(list);
        measured = new MeasuredController(executor, report -> {
            detail.images().setMeasured(report);
            large.images().setMeasured(report);
        });
        Tab reviewTab = new Tab(Messages.get("tab.review"), reviewPane);
        reviewTab.setId("reviewTab");
        Tab measuredTab = new Tab(Messages.get("tab.measured"), measured.node());
        measuredTab.setId("measuredTab");
        detail.addSideTab(0, reviewTab);
        detail.addSideTab(1, measuredTab);
        detail.sideTabs().getSelectionModel().select(reviewTab);
        view.getChildren().add(reviewPane.helpOverlay()); // over everything, the start-up pane included

        connectState(detail, large);
        detail.images().setOnLarge(() -> large.openProperty().set(true));
        grid.setOnOpen(() -> view.gridModeProperty().set(false));

        Scene scene = new Scene(view, initialSize("window.width", DEFAULT_WIDTH, true),
                initialSize("window.height", DEFAULT_HEIGHT, false));
        scene.getStylesheets().add(DeskStyles.url());
        keys(large, detail).install(scene);
        primaryStage.setScene(scene);
        primaryStage.setTitle(Messages.get("app.title"));
        primaryStage.setMinWidth(960);
        primaryStage.setMinHeight(640);
        var icon = DeskApplication.class.getResource("/styles/icon.png");
        if (icon != null) {
            primaryStage.getIcons().add(new Image(icon.toExternalForm()));
        }
        primaryStage.setOnCloseRequest(this::onCloseRequest);
        model.whenReady(this::connect);
        reportWhenReady();
        primaryStage.show();
        model.start();
    }

    /** The bundled Korean font for JavaFX: Korean ad copy renders without a CJK font on the machine. */
    public static void registerFonts() {
        for (boolean bold : new boolean[] {false, true}) {
            if (Font.loadFont(DeskFonts.resource(bold).toExternalForm(), 13) == null) {
                LOG.warn("bundled font {} not loaded", DeskFonts.resource(bold));
            }
        }
    }

    private double initialSize(String key, double wanted, boolean width) {
        var screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        double max = width ? screen.getWidth() : screen.getHeight();
        return Math.min(preferences.getDouble(key, wanted), max);
    }

    /** The selection drives the detail, the review side and the measurement; results come with the detail. */
    private void connectState(VariantDetailView detail, LargeView large) {
        state.currentProperty().addListener((obs, old, v) -> {
            detailModel.show(v);
            review.variantChanged();
            measured.show(v);
        });
        state.selectedVariants().addListener((ListChangeListener<adreview.desk.ListedVariant>) c -> review.variantChanged());
        detailModel.detailProperty().addListener((obs, old, d) -> review.showDetail(d));
        review.addTracesChangedListener(this::tracesChanged);
        review.decisions().addDecisionListener(decided -> {
            listModel.update(decided.stream().map(d -> d.variantId()).toList());
            var shown = state.current();
            if (shown != null && decided.stream().anyMatch(d -> d.variantId().equals(shown.row().variantId()))) {
                detailModel.reload(); // the history lists decisions too
            }
        });
        view.modelsButton().setOnAction(e -> showModels());
        reviewPane.runPanel().setOnGetModel(this::showModels);
        view.reportButton().setOnAction(e -> showReport());
    }

    /** Every key of the window, from the one table. */
    private WindowKeys keys(LargeView large, VariantDetailView detail) {
        WindowKeys keys = new WindowKeys(() -> large.openProperty().get(), () -> reviewPane.leaveField());
        for (KeyBinding b : KeyBinding.values()) {
            keys.on(b, () -> review.perform(b)); // the review side's own keys; the rest are set below
        }
        ImageArea[] areas = {detail.images(), large.images()};
        keys.on(KeyBinding.LARGE_VIEW, () -> large.openProperty().set(true))
                .on(KeyBinding.LARGE_VIEW_CLOSE, () -> large.openProperty().set(false))
                .on(KeyBinding.LARGE_VIEW_NEXT, () -> review.perform(KeyBinding.NEXT_VARIANT))
                .on(KeyBinding.LARGE_VIEW_PREVIOUS, () -> review.perform(KeyBinding.PREVIOUS_VARIANT))
                .on(KeyBinding.TOGGLE_GRID, () -> view.gridModeProperty().set(!view.gridModeProperty().get()))
                .on(KeyBinding.REFRESH, () -> {
                    listThumbnails.clear();
                    gridThumbnails.clear();
                    listModel.refresh();
                })
                .on(KeyBinding.COPY_ID, () -> VariantDetailView.copyId(detailModel))
                .on(KeyBinding.SHOW_GENERATED, () -> detailModel.imageKindProperty().set(ImageKind.GENERATED))
                .on(KeyBinding.SHOW_RENDER, () -> detailModel.imageKindProperty().set(ImageKind.RENDER))
                .on(KeyBinding.SIDE_BY_SIDE, () -> detailModel.sideBySideProperty().set(!detailModel.sideBySideProperty().get()))
                .on(KeyBinding.SWAP_IMAGES, () -> area(areas, large).swap())
                .on(KeyBinding.BOXES, () -> {
                    var toggle = area(areas, large).boxesToggle();
                    toggle.setSelected(!toggle.isSelected());
                })
                .on(KeyBinding.ZOOM_IN, () -> area(areas, large).zoomIn())
                .on(KeyBinding.ZOOM_OUT, () -> area(areas, large).zoomOut())
                .on(KeyBinding.ZOOM_FIT, () -> area(areas, large).fit())
                .on(KeyBinding.ZOOM_ACTUAL, () -> area(areas, large).actualSize());
        return keys;
    }

    private static ImageArea area(ImageArea[] areas, LargeView large) {
        return large.openProperty().get() ? areas[1] : areas[0];
    }

    /** The desk is open: every part gets the service. */
    private void connect(DeskService service) {
        listThumbnails.connect(service);
        gridThumbnails.connect(service);
        listModel.connect(service);
        detailModel.connect(service);
        review.connect(service);
        measured.connect(service);
        view.modelsButton().setDisable(false);
        reports = service.reports();
        view.reportButton().setDisable(false);
        if (service.recoveredRuns() > 0) {
            view.showNotice(Messages.get("recovered.notice", service.recoveredRuns()));
        }
    }

    /** A run stored a trace: the list row (score / verdict) and, if shown, the detail and measurement change. */
    private void tracesChanged(UUID variantId) {
        listModel.update(Set.of(variantId));
        var shown = state.current();
        if (shown != null && shown.row().variantId().equals(variantId)) {
            detailModel.reload();
            measured.refresh();
        }
    }

    private Optional<String> askReviewer() {
        return dialogs.askText(Messages.get("reviewer.ask.title"), Messages.get("reviewer.ask.prompt"), "");
    }

    private void showSettings() {
        dialogs.showAbout(AboutInfo.collect(model.settings(), model.databaseProperty().get(),
                review.decisions().reviewerProperty(), preferences,
                shown -> executor.io("test connection", control -> model.testConnection())
                        .onSuccess(shown::accept).execute()));
    }

    /** Opens (or brings forward) the Models window, owned by the main window. */
    private void showModels() {
        DeskService service = model.service().orElse(null);
        if (service == null) {
            return;
        }
        if (modelsWindow == null) {
            modelsView = ModelsView.create(service, executor);
            modelsView.model().inUseProperty().set(service.modelInUse() == null ? null
                    : service.modelInUse().toAbsolutePath().normalize());
            modelsView.model().setOnUse(folder -> useModel(service, folder.path()));
            modelsWindow = new Stage();
            modelsWindow.initOwner(stage);
            modelsWindow.setTitle(Messages.get("models.title"));
            Scene scene = new Scene(modelsView, 980, 540);
            scene.getStylesheets().add(DeskStyles.url());
            modelsWindow.setScene(scene);
        }
        modelsWindow.show();
        modelsWindow.toFront();
    }

    /**
     * Opens (or brings forward and refreshes) the Report window, owned by the main window. A variant opened
     * from it is selected in the list here, and the main window comes forward.
     */
    private void showReport() {
        if (reports == null) {
            return; // not open yet: the button is disabled until then
        }
        if (reportWindow == null) {
            var vm = new adreview.ui.report.ReportViewModel(reports, executor);
            vm.setOnOpenVariant(id -> {
                if (!view.showVariant(id)) {
                    LOG.info("Variant {} from the report is not in the list (deleted since?)", id);
                }
                stage.toFront();
            });
            reportView = new adreview.ui.report.ReportView(vm);
            reportWindow = new Stage();
            reportWindow.initOwner(stage);
            reportWindow.setTitle(Messages.get("report.window.title"));
            var screen = javafx.stage.Screen.getPrimary().getVisualBounds();
            Scene scene = new Scene(reportView, Math.min(1100, screen.getWidth()), Math.min(860, screen.getHeight()));
            scene.getStylesheets().add(DeskStyles.url());
            reportWindow.setScene(scene);
            vm.start();
        } else {
            reportView.model().refresh(); // decisions may have changed since
        }
        reportWindow.show();
        reportWindow.toFront();
    }

    /**
     * "Use this model": runs go to {@code folder} from now on. Queued runs are cancelled; the engine's shared model
     * service closes the old model before it loads the new one.
     */
    private void useModel(DeskService service, Path folder) {
        review.queue().cancelAll();
        executor.io("switch model", control -> service.useModel(folder))
                .onSuccess(saved -> {
                    LOG.info("Model {} in use; {}", folder, saved);
                    review.modelChanged();
                    if (modelsView != null) {
                        modelsView.model().usedAndSaved(folder.toAbsolutePath().normalize(), saved);
                    }
                })
                .onFailure(error -> LOG.warn("Model {} not switched", folder, error))
                .execute();
    }

    /**
     * Closing the window while a model call runs asks first; then the call is stopped within one token and recorded
     * as failed (cancelled, with the answer so far) before the window closes, so that no variant is left running.
     */
    private void onCloseRequest(WindowEvent e) {
        if (!closingAfterRuns && review.queue().runningProperty().get()) {
            e.consume();
            boolean close = dialogs.confirm(Messages.get("close.title"),
                    Messages.get("close.message", review.queue().busyDescription()),
                    Messages.get("close.confirm"), Messages.get("close.cancel"));
            if (close) {
                closingAfterRuns = true;
                review.queue().stopAllThen("the desk was closed during the run", Duration.ofSeconds(3), stage::close);
            }
            return;
        }
        preferences.putDouble("window.width", stage.getWidth());
        preferences.putDouble("window.height", stage.getHeight());
    }

    /** Logs the time from JVM start to the first list of variants on screen (the number the README quotes). */
    private void reportWhenReady() {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        listModel.allVariants().addListener(new ListChangeListener<>() {
            @Override
            public void onChanged(Change<? extends adreview.desk.ListedVariant> c) {
                if (!listModel.allVariants().isEmpty()) {
                    listModel.allVariants().removeListener(this);
                    long ms = System.currentTimeMillis() - jvmStart;
                    Platform.runLater(() -> LOG.info("Window shows {} variants {} ms after launch",
                            listModel.allVariants().size(), ms));
                }
            }
        });
    }

    @Override
    public void stop() {
        if (review != null) {
            review.queue().stopAll("the desk was closed");
        }
        if (modelsWindow != null) {
            modelsWindow.close();
        }
        if (reportWindow != null) {
            reportWindow.close();
        }
        if (model != null) {
            model.close();
        }
        if (executor != null) {
            executor.close();
        }
    }

    // ---- for tests ----

    public MainViewModel model() {
        return model;
    }

    public MainView view() {
        return view;
    }

    public StateManager state() {
        return state;
    }

    public VariantListViewModel listModel() {
        return listModel;
    }

    public VariantDetailViewModel detailModel() {
        return detailModel;
    }

    public ReviewViewModel review() {
        return review;
    }

    public ReviewPane reviewPane() {
        return reviewPane;
    }

    public MeasuredController measured() {
        return measured;
    }

    public TaskExecutor executor() {
        return executor;
    }

    public DialogService dialogs() {
        return dialogs;
    }

    /** The Models window's view once opened, else null. */
    public ModelsView modelsView() {
        return modelsView;
    }

    /** The Report window's view once opened, else null. */
    public adreview.ui.report.ReportView reportView() {
        return reportView;
    }

    public Stage stage() {
        return stage;
    }
}

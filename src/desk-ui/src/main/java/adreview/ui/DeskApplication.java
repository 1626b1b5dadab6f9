package adreview.ui;

import adreview.review.ReviewModel;
import adreview.review.ReviewService;
import adreview.review.decision.ReviewerDecisionRepository;
import adreview.review.measured.VariantMeasurement;
import adreview.ui.checks.MeasuredController;
import adreview.ui.concurrent.BackgroundExecutor;
import adreview.ui.models.ModelsView;
import adreview.ui.review.ReviewDesk;
import adreview.ui.review.SelectionNavigator;
import adreview.ui.review.VariantRefs;
import java.util.List;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Tab;
import adreview.ui.data.DeskBackend;
import adreview.ui.image.ImageDecoder;
import adreview.ui.image.ThumbnailCache;
import java.lang.management.ManagementFactory;
import java.util.Objects;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desk's window. The database is opened in the background while the window shows a progress
 * state; a database that cannot be opened gives a message in the window, not a stack trace.
 * Launched by {@code adreview.app.Main} through {@link #launch(DeskBackend, String...)}.
 */
public final class DeskApplication extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(DeskApplication.class);
    /** Set by {@link #launch}: JavaFX creates the application reflectively, so the backend cannot be passed in. */
    private static volatile DeskBackend launchBackend;

    private final DeskBackend backend;
    private BackgroundExecutor executor;
    private MainViewModel model;
    private MainView view;
    private Stage stage;
    private ReviewDesk review;
    private MeasuredController measured;
    private Stage modelsWindow;
    private ModelsView modelsView;
    private DialogService dialogs;
    private boolean closingAfterRuns;

    /** Used by JavaFX after {@link #launch(DeskBackend, String...)}. */
    public DeskApplication() {
        this(null);
    }

    /** For tests and embedding: the backend given directly. */
    public DeskApplication(DeskBackend backend) {
        this.backend = backend;
    }

    /** Opens the window and blocks until it is closed. */
    public static void launch(DeskBackend backend, String... args) {
        launchBackend = Objects.requireNonNull(backend);
        Application.launch(DeskApplication.class, args);
    }

    @Override
    public void start(Stage primaryStage) {
        DeskBackend chosen = backend != null ? backend : launchBackend;
        if (chosen == null) {
            throw new IllegalStateException("No backend: start the desk through adreview.app.Main");
        }
        this.stage = primaryStage;
        executor = BackgroundExecutor.forJavaFx();
        model = new MainViewModel(chosen, executor, new ImageDecoder());
        dialogs = new FxDialogService(primaryStage);
        view = new MainView(model, new ThumbnailCache(executor, new ImageDecoder()), dialogs);

        // 1440 × 900 where the screen allows; never larger than the screen (small laptops, headless tests).
        var screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(view, Math.min(1440, screen.getWidth()), Math.min(900, screen.getHeight()));
        scene.getStylesheets().add(DeskStyles.url());
        primaryStage.setScene(scene);
        primaryStage.setTitle("Ad Review Desk");
        primaryStage.setMinWidth(960);
        primaryStage.setMinHeight(640);
        var icon = DeskApplication.class.getResource("/styles/icon.png");
        if (icon != null) {
            primaryStage.getIcons().add(new Image(icon.toExternalForm()));
        }
        wireReview(scene);
        primaryStage.setOnCloseRequest(this::onCloseRequest);
        reportWhenReady();
        primaryStage.show();
        model.start();
    }

    /**
     * Places the review pane, the measured checks and the Models window in the desk. The review keymap
     * on the scene owns J / K (move one row) and A / F / R (decide); the window keeps G / V / B and zoom.
     */
    private void wireReview(Scene scene) {
        var list = view.list();
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE); // batch runs
        review = new ReviewDesk(
                new SelectionNavigator<>(list.getSelectionModel(), list.getItems(), VariantRefs::of, list::reveal),
                r -> executor.task("review", () -> {
                    r.run();
                    return null;
                }).execute(),
                List.of(new String[]{"View", "G / V", "Generated image / render"},
                        new String[]{"View", "B", "Measured boxes over the render"},
                        new String[]{"View", "+ / − / 0 / Z", "Zoom in / out, fit, 100 %"},
                        new String[]{"View", "F5", "Reload the variant list"}));
        measured = new MeasuredController(executor, report -> view.detail().imagePane().setMeasured(report));

        Tab reviewTab = new Tab("Review", review.pane());
        reviewTab.setId("reviewTab");
        Tab measuredTab = new Tab("Measured", measured.node());
        measuredTab.setId("measuredTab");
        view.detail().addResultTab(reviewTab);
        view.detail().addResultTab(measuredTab);
        var tabs = view.detail().results();
        tabs.getTabs().setAll(List.of(reviewTab, measuredTab, tabs.getTabs().get(0))); // Review, Measured, History
        tabs.getSelectionModel().select(reviewTab);
        view.detail().setBodyDivider(0.45);

        view.getChildren().add(review.pane().helpOverlay()); // over everything, the startup pane included
        review.pane().installKeys(scene, list);

        model.list().selectedProperty().addListener((o, a, b) -> {
            review.viewModel().variantChanged();
            measured.show(b);
        });
        review.viewModel().addTracesChangedListener(this::tracesChanged);
        review.viewModel().decisions().addDecisionListener(d -> {
            model.list().refresh();
            var shown = model.list().selectedProperty().get();
            if (shown != null) {
                model.detail().traces().load(shown.variantId(), shown.jobId()); // the history lists decisions too
            }
        });
        view.modelsButton().setOnAction(e -> showModels());
        review.pane().runPanel().setOnGetModel(this::showModels); // no model yet: offer the download in place
        model.phaseProperty().addListener((o, a, phase) -> {
            if (phase == MainViewModel.Phase.READY) {
                connectReview();
            }
        });
    }

    /**
     * Closing the window while a model call runs asks first; then the call is stopped within one token and
     * recorded as failed (cancelled, with the answer so far) before the window closes, so that the variant is
     * not left {@code running}.
     */
    private void onCloseRequest(javafx.stage.WindowEvent e) {
        if (closingAfterRuns || review == null || !review.busy()) {
            return;
        }
        e.consume();
        String what = review.busyDescription();
        boolean close = dialogs.confirm("A model run is in progress",
                what + " is running. Close the desk anyway? The run is stopped and recorded as failed (cancelled),"
                        + " with the answer written so far.", "Stop and close");
        if (close) {
            closingAfterRuns = true;
            review.stopRunsThen(java.time.Duration.ofSeconds(3), () -> stage.close());
        }
    }

    /** A run stored a trace: the history, the list row (score / verdict) and the disagreements change. */
    private void tracesChanged(java.util.UUID variantId) {
        var shown = model.list().selectedProperty().get();
        if (shown != null && shown.variantId().equals(variantId)) {
            model.detail().traces().load(shown.variantId(), shown.jobId());
            measured.refresh();
        }
        model.list().refresh();
    }

    /** What the review side gets when the session opens, built in the background. */
    private record ReviewParts(ReviewModel model, ReviewService service, ReviewerDecisionRepository decisions,
                               VariantMeasurement measurement) {
    }

    /** The session is open: runs, decisions and measurements get the database (built off the FX thread). */
    private void connectReview() {
        model.review().ifPresentOrElse(support -> executor.task("connect review", () -> {
                    ReviewModel m = support.model(support.configuredModelDir());
                    return new ReviewParts(m, support.reviewService(m), support.decisions(), support.measurement());
                })
                .onSuccess(parts -> {
                    review.connect(parts.service(), parts.decisions(), support.traces(), support.configuredModelDir(),
                            parts.model(), support.concurrency());
                    measured.connect(parts.measurement(), model.data().orElse(null));
                    view.modelsButton().setDisable(false);
                })
                .onFailure(error -> LOG.warn("Review side not connected", error))
                .execute(),
                () -> measured.connect(null, null));
    }

    /** Opens (or brings forward) the Models window, owned by the main window. */
    private void showModels() {
        var support = model.review().orElse(null);
        if (support == null) {
            return;
        }
        if (modelsWindow == null) {
            modelsView = ModelsView.create(support.modelsDir(), null);
            modelsView.model().inUseProperty().set(support.configuredModelDir().toAbsolutePath().normalize());
            modelsView.model().setOnUse(folder -> useModel(folder.path()));
            modelsWindow = new Stage();
            modelsWindow.initOwner(stage);
            modelsWindow.setTitle("Models — Ad Review Desk");
            Scene scene = new Scene(modelsView, 980, 540);
            scene.getStylesheets().add(DeskStyles.url());
            modelsWindow.setScene(scene);
        }
        modelsWindow.show();
        modelsWindow.toFront();
    }

    /**
     * "Use this model": the review pane runs on {@code folder} from now on. Queued runs are cancelled;
     * the engine's shared model service closes the old model before it loads the new one.
     */
    private void useModel(java.nio.file.Path folder) {
        var support = model.review().orElse(null);
        if (support == null) {
            return;
        }
        review.viewModel().queue().cancelAll();
        record Switched(ReviewModel model, adreview.review.ReviewService service, String saved) {
        }
        executor.task("switch model", () -> {
                    ReviewModel m = support.model(folder);
                    return new Switched(m, support.reviewService(m), support.rememberModel(folder));
                })
                .onSuccess(s -> {
                    LOG.info("Model {} in use; {}", folder, s.saved());
                    review.connect(s.service(), support.decisions(), support.traces(), folder, s.model(),
                            support.concurrency());
                    if (modelsView != null) {
                        modelsView.model().usedAndSaved(folder.toAbsolutePath().normalize(), s.saved());
                    }
                })
                .onFailure(error -> LOG.warn("Model {} not switched", folder, error))
                .execute();
    }

    /** Logs the time from JVM start to the first list of variants on screen (the number the README quotes). */
    private void reportWhenReady() {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        model.list().allVariants().addListener(new ListChangeListener<>() {
            @Override
            public void onChanged(Change<? extends adreview.ui.data.VariantSummary> c) {
                if (!model.list().allVariants().isEmpty()) {
                    model.list().allVariants().removeListener(this);
                    long ms = System.currentTimeMillis() - jvmStart;
                    Platform.runLater(() -> LOG.info("Window shows {} variants {} ms after launch",
                            model.list().allVariants().size(), ms));
                }
            }
        });
    }

    @Override
    public void stop() {
        if (review != null) {
            review.close();
        }
        if (modelsWindow != null) {
            modelsWindow.close();
        }
        if (model != null) {
            model.close();
        }
        if (executor != null) {
            executor.close();
        }
    }

    /** The view model (tests look at its state). */
    public MainViewModel model() {
        return model;
    }

    public MainView view() {
        return view;
    }

    public ReviewDesk review() {
        return review;
    }

    public MeasuredController measured() {
        return measured;
    }

    /** The Models window's view once opened, else null. */
    public ModelsView modelsView() {
        return modelsView;
    }

    public Stage stage() {
        return stage;
    }
}

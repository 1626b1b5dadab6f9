package adreview.ui;

import adreview.ui.concurrent.BackgroundExecutor;
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
        view = new MainView(model, new ThumbnailCache(executor, new ImageDecoder()), new FxDialogService(primaryStage));

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
        reportWhenReady();
        primaryStage.show();
        model.start();
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

    public Stage stage() {
        return stage;
    }
}

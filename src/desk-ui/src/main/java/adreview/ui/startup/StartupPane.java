package adreview.ui.startup;

import adreview.ui.MainViewModel;
import adreview.ui.MainViewModel.Phase;
import adreview.ui.i18n.Messages;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * Covers the window while the database is being opened (progress text and spinner) and, when that
 * fails, says why in plain words with Retry and Settings buttons: never a stack trace.
 */
public final class StartupPane extends StackPane {

    public StartupPane(MainViewModel model, Runnable showSettings) {
        setId("startupPane");
        getStyleClass().add("startup-pane");

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(48, 48);
        Label name = new Label(Messages.get("app.title"));
        name.getStyleClass().add("startup-title");
        Label progress = new Label();
        progress.setId("startupProgress");
        progress.getStyleClass().add("startup-progress");
        progress.textProperty().bind(model.progressProperty());
        VBox starting = new VBox(14, name, spinner, progress);
        starting.setAlignment(Pos.CENTER);

        Label failedTitle = new Label(Messages.get("start.failed.title"));
        failedTitle.getStyleClass().add("startup-error-title");
        Label failure = new Label();
        failure.setId("startupFailure");
        failure.getStyleClass().add("startup-error");
        failure.setWrapText(true);
        failure.setMaxWidth(560);
        failure.textProperty().bind(model.failureProperty());
        Label hint = new Label(Messages.get("start.failed.hint"));
        hint.getStyleClass().add("startup-hint");
        hint.setWrapText(true);
        hint.setMaxWidth(560);
        Button retry = new Button(Messages.get("start.retry"));
        retry.setId("retryButton");
        retry.setDefaultButton(true);
        retry.setOnAction(e -> model.retry());
        Button settings = new Button(Messages.get("start.settings"));
        settings.setOnAction(e -> showSettings.run());
        HBox buttons = new HBox(8, retry, settings);
        buttons.setAlignment(Pos.CENTER);
        VBox failed = new VBox(12, failedTitle, failure, hint, buttons);
        failed.setAlignment(Pos.CENTER);
        failed.getStyleClass().add("startup-card");
        failed.setMaxSize(640, VBox.USE_PREF_SIZE);

        getChildren().addAll(starting, failed);
        Runnable update = () -> {
            Phase phase = model.phaseProperty().get();
            starting.setVisible(phase == Phase.STARTING);
            failed.setVisible(phase == Phase.FAILED);
            setVisible(phase != Phase.READY);
        };
        model.phaseProperty().addListener((obs, old, p) -> update.run());
        update.run();
    }
}

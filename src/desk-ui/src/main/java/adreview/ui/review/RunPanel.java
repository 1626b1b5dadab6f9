package adreview.ui.review;

import adreview.desk.ModelStatus;
import adreview.ui.i18n.Messages;
import adreview.ui.keys.KeyBinding;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Run Stage 1 / Run Stage 2 / Re-judge / Cancel, the "no model yet" note, the phase line with its progress
 * bar, the answer as it streams in, per-item progress of a batch, and the one-run overrides (ad copy,
 * prompt, re-judge reason). Binds to {@link ReviewViewModel} and its {@link RunQueueViewModel}.
 */
public final class RunPanel extends VBox {

    /** Opens the desk's model download (the Models window); null hides the button. */
    private final javafx.beans.property.ObjectProperty<Runnable> onGetModel =
            new javafx.beans.property.SimpleObjectProperty<>();

    private final TitledPane options;
    private final TextField adCopyField = new TextField();

    public RunPanel(ReviewViewModel vm) {
        getStyleClass().add("rv-run-panel");
        setId("runPanel");
        RunQueueViewModel queue = vm.queue();

        Button run1 = runButton(Messages.get("run.button.stage1"), "1", "runStage1Button", vm, KeyBinding.RUN_STAGE1);
        run1.setDefaultButton(false);
        run1.getStyleClass().add("rv-primary");
        Button run2 = runButton(Messages.get("run.button.stage2"), "2", "runStage2Button", vm, KeyBinding.RUN_STAGE2);
        MenuItem re1 = new MenuItem(Messages.get("run.rejudge.stage1"));
        re1.setOnAction(e -> vm.perform(KeyBinding.REJUDGE_STAGE1));
        MenuItem re2 = new MenuItem(Messages.get("run.rejudge.stage2"));
        re2.setOnAction(e -> vm.perform(KeyBinding.REJUDGE_STAGE2));
        MenuButton rejudge = new MenuButton(Messages.get("run.rejudge"), null, re1, re2);
        rejudge.setId("rejudgeButton");
        rejudge.disableProperty().bind(vm.canRunProperty().not());
        Tooltip runTip = new Tooltip();
        runTip.textProperty().bind(vm.runNoteProperty());
        runTip.setWrapText(true);
        runTip.setMaxWidth(460);
        rejudge.setTooltip(runTip);

        Button cancel = new Button(Messages.get("run.cancel"));
        cancel.setId("cancelRunButton");
        cancel.getStyleClass().add("rv-cancel");
        cancel.setTooltip(new Tooltip(Messages.get("run.cancel.tip")));
        cancel.disableProperty().bind(queue.currentProperty().isNull());
        cancel.setOnAction(e -> vm.perform(KeyBinding.CANCEL_RUN));

        Label queued = new Label();
        queued.getStyleClass().add("rv-muted");
        queued.textProperty().bind(Bindings.createStringBinding(() -> queue.queuedCountProperty().get() > 0
                ? Messages.get("run.queuedCount", queue.queuedCountProperty().get()) : "", queue.queuedCountProperty()));

        // A flow, not a row: in a narrow side panel the buttons wrap instead of losing their labels.
        javafx.scene.layout.FlowPane toolbar = new javafx.scene.layout.FlowPane(8, 6, run1, run2, rejudge, cancel, queued);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        rejudge.setMinWidth(Region.USE_PREF_SIZE);
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        toolbar.getStyleClass().add("rv-run-toolbar");

        // "No model yet": what is missing and how to get it, with the command ready to copy.
        Label missing = new Label();
        missing.setId("modelMissingNote");
        missing.setWrapText(true);
        missing.textProperty().bind(Bindings.createStringBinding(() -> vm.readinessProperty().get().problem()
                + "  " + vm.readinessProperty().get().remedy(), vm.readinessProperty()));
        missing.setMinHeight(Label.USE_PREF_SIZE);
        HBox.setHgrow(missing, Priority.ALWAYS);
        missing.setMaxWidth(Double.MAX_VALUE);
        Button copy = new Button(Messages.get("run.copyCommand"));
        copy.getStyleClass().add("rv-small");
        copy.setMinWidth(Button.USE_PREF_SIZE);
        copy.visibleProperty().bind(Bindings.createBooleanBinding(() -> !vm.readinessProperty().get().remedy().isEmpty()
                && vm.readinessProperty().get().modelFolder(), vm.readinessProperty()));
        copy.managedProperty().bind(copy.visibleProperty());
        copy.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(ModelStatus.DOWNLOAD_COMMAND);
            Clipboard.getSystemClipboard().setContent(c);
        });
        // The desk's own download (Models window), offered in place when the window wires it.
        Button getModel = new Button(Messages.get("run.getModel"));
        getModel.setId("getModelButton");
        getModel.getStyleClass().add("rv-small");
        getModel.setMinWidth(Button.USE_PREF_SIZE);
        getModel.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> !vm.readinessProperty().get().ready() && vm.readinessProperty().get().modelFolder()
                        && onGetModel.get() != null, vm.readinessProperty(), onGetModel));
        getModel.managedProperty().bind(getModel.visibleProperty());
        getModel.setOnAction(e -> {
            Runnable action = onGetModel.get();
            if (action != null) {
                action.run();
            }
        });
        HBox noModel = new HBox(10, missing, getModel, copy);
        noModel.setAlignment(Pos.CENTER_LEFT);
        noModel.getStyleClass().add("rv-no-model");
        noModel.visibleProperty().bind(Bindings.createBooleanBinding(() -> !vm.readinessProperty().get().ready(), vm.readinessProperty()));
        noModel.managedProperty().bind(noModel.visibleProperty());

        // Phase line, progress bar, streamed answer.
        Label phase = new Label();
        phase.setId("runPhase");
        phase.setWrapText(true);
        phase.setMinHeight(Label.USE_PREF_SIZE);
        phase.getStyleClass().add("rv-phase");
        phase.textProperty().bind(queue.phaseTextProperty());
        ProgressBar bar = new ProgressBar();
        bar.setId("runProgress");
        bar.progressProperty().bind(queue.progressProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.visibleProperty().bind(queue.currentProperty().isNotNull());
        TextArea answer = new TextArea();
        answer.setId("streamedAnswer");
        answer.setEditable(false);
        answer.setWrapText(true);
        answer.setPrefRowCount(4);
        answer.getStyleClass().add("rv-stream");
        answer.setPromptText(Messages.get("run.answer.prompt"));
        queue.answerTextProperty().addListener((o, a, text) -> {
            answer.setText(text);
            answer.positionCaret(text.length()); // keep the newest tokens in view
        });
        // Which backend answers: the local model or a server (local and remote answers are compared in the history).
        Label answeredBy = new Label();
        answeredBy.setId("answeredBy");
        answeredBy.setWrapText(true);
        answeredBy.setMinHeight(Label.USE_PREF_SIZE); // all its lines: the panel above the results is short
        answeredBy.getStyleClass().add("rv-muted");
        answeredBy.textProperty().bind(Bindings.createStringBinding(() -> vm.readinessProperty().get().answeredBy().isEmpty()
                ? "" : Messages.get("review.answeredBy", vm.readinessProperty().get().answeredBy()), vm.readinessProperty()));
        answeredBy.visibleProperty().bind(answeredBy.textProperty().isNotEmpty()
                .and(Bindings.createBooleanBinding(() -> vm.readinessProperty().get().ready(), vm.readinessProperty())));
        answeredBy.managedProperty().bind(answeredBy.visibleProperty());
        VBox progress = new VBox(4, phase, bar, answer);
        progress.getStyleClass().add("rv-progress");
        progress.visibleProperty().bind(queue.currentProperty().isNotNull().or(queue.lastFinishedProperty().isNotNull()));
        progress.managedProperty().bind(progress.visibleProperty());

        // Batch: per-item progress.
        Label batch = new Label();
        batch.setId("batchSummary");
        batch.getStyleClass().add("rv-batch-summary");
        batch.textProperty().bind(queue.batchSummaryProperty());
        ListView<RunItem> items = new ListView<>(queue.items());
        items.setId("runItems");
        items.setPrefHeight(120);
        items.getStyleClass().add("rv-run-items");
        items.setCellFactory(lv -> new RunItemCell(queue));
        VBox batchBox = new VBox(4, batch, items);
        batchBox.visibleProperty().bind(Bindings.size(queue.items()).greaterThan(1));
        batchBox.managedProperty().bind(batchBox.visibleProperty());

        // One-run overrides.
        adCopyField.setId("adCopyOverride");
        adCopyField.setPromptText(Messages.get("run.options.adCopy.prompt"));
        adCopyField.textProperty().bindBidirectional(vm.adCopyOverrideProperty());
        TextArea prompt = new TextArea();
        prompt.setId("promptOverride");
        prompt.setPromptText(Messages.get("run.options.prompt.prompt"));
        prompt.setPrefRowCount(3);
        prompt.setWrapText(true);
        prompt.textProperty().bindBidirectional(vm.promptOverrideProperty());
        TextField reason = new TextField();
        reason.setId("rejudgeReason");
        reason.setPromptText(Messages.get("run.options.reason.prompt"));
        reason.textProperty().bindBidirectional(vm.rejudgeReasonProperty());
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.addRow(0, fieldLabel(Messages.get("run.options.adCopy")), adCopyField);
        grid.addRow(1, fieldLabel(Messages.get("run.options.prompt")), prompt);
        grid.addRow(2, fieldLabel(Messages.get("run.options.reason")), reason);
        GridPane.setHgrow(adCopyField, Priority.ALWAYS);
        GridPane.setHgrow(prompt, Priority.ALWAYS);
        options = new TitledPane(Messages.get("run.options"), grid);
        options.setExpanded(false);
        options.setId("runOptions");
        options.getStyleClass().add("rv-options");

        Label message = new Label();
        message.setId("reviewMessage");
        message.getStyleClass().add("rv-message");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        message.visibleProperty().bind(vm.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());

        // A pipeline run refused by the variant's state: the re-judge, one click away.
        Button rejudgeInstead = new Button();
        rejudgeInstead.setId("rejudgeInsteadButton");
        rejudgeInstead.getStyleClass().add("rv-small");
        rejudgeInstead.textProperty().bind(Bindings.createStringBinding(() -> vm.offerRejudgeProperty().get() == null ? ""
                : Messages.get("review.rejudgeInstead", vm.offerRejudgeProperty().get().label(),
                vm.offerRejudgeProperty().get().request().stage() == adreview.review.prompt.Prompt.Stage.STAGE1 ? 1 : 2),
                vm.offerRejudgeProperty()));
        rejudgeInstead.visibleProperty().bind(vm.offerRejudgeProperty().isNotNull());
        rejudgeInstead.managedProperty().bind(rejudgeInstead.visibleProperty());
        rejudgeInstead.setOnAction(e -> vm.rejudgeInstead());

        setSpacing(8);
        getChildren().addAll(toolbar, noModel, answeredBy, message, rejudgeInstead, progress, batchBox, options);
    }

    private static Button runButton(String text, String key, String id, ReviewViewModel vm, KeyBinding action) {
        Label keyCap = new Label(key);
        keyCap.getStyleClass().add("rv-kbd");
        Button b = new Button(text, keyCap);
        b.setContentDisplay(ContentDisplay.RIGHT);
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.setId(id);
        b.disableProperty().bind(vm.canRunProperty().not());
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(vm.runNoteProperty());
        tip.setWrapText(true);
        tip.setMaxWidth(460);
        b.setTooltip(tip);
        b.setOnAction(e -> vm.perform(action));
        return b;
    }

    private static Label fieldLabel(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("rv-muted");
        return l;
    }

    /** Opens the run options and puts the cursor in the ad copy field (key E). */
    public void editRunOptions() {
        options.setExpanded(true);
        adCopyField.requestFocus();
    }

    /** A batch item: title, phase line, and a small cancel button while it can still be cancelled. */
    private static final class RunItemCell extends ListCell<RunItem> {
        private final RunQueueViewModel queue;
        private final Label title = new Label();
        private final Label phase = new Label();
        private final Button cancel = new Button("×");
        private final adreview.ui.EndsRow box;
        private RunItem bound;
        private final javafx.beans.value.ChangeListener<RunState> onPhase = (o, a, p) -> showPhase(p);

        RunItemCell(RunQueueViewModel queue) {
            this.queue = queue;
            title.getStyleClass().add("rv-item-title");
            phase.getStyleClass().add("rv-item-phase");
            cancel.getStyleClass().addAll("rv-small", "rv-item-cancel");
            cancel.setTooltip(new Tooltip(Messages.get("run.item.cancel.tip")));
            cancel.setOnAction(e -> {
                if (bound != null) {
                    queue.cancel(bound);
                }
            });
            HBox state = new HBox(6, phase, cancel);
            state.setAlignment(Pos.CENTER_RIGHT);
            box = new adreview.ui.EndsRow(title, state, 10);
        }

        @Override
        protected void updateItem(RunItem item, boolean empty) {
            super.updateItem(item, empty);
            if (bound != null) {
                bound.stateProperty().removeListener(onPhase);
            }
            bound = empty ? null : item;
            if (bound == null) {
                setGraphic(null);
                return;
            }
            title.setText(item.title());
            bound.stateProperty().addListener(onPhase);
            showPhase(item.state());
            setGraphic(box);
        }

        private void showPhase(RunState p) {
            phase.setText(p.describe());
            phase.getStyleClass().removeAll("rv-phase-done", "rv-phase-failed", "rv-phase-active");
            phase.getStyleClass().add(p instanceof RunState.Done ? "rv-phase-done"
                    : p instanceof RunState.Failed || p instanceof RunState.Refused ? "rv-phase-failed"
                    : p.finished() ? "rv-phase-cancelled" : "rv-phase-active");
            cancel.setVisible(!p.finished());
        }
    }

    /** What "Get a model…" does when no usable model is configured (the window opens its Models view). */
    public void setOnGetModel(Runnable action) {
        onGetModel.set(action);
    }
}

package adreview.ui.review;

import adreview.review.decision.Verdict;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The review side of the desk in one view model: runs (through {@link RunQueueViewModel}), results, trace
 * comparison, decisions, the keyboard and the "no model yet" state. The main window tells it when the
 * variant selection changes ({@link #variantChanged()}); everything else it works out itself.
 */
public final class ReviewViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(ReviewViewModel.class);

    /** Which result the results area shows. */
    public enum ResultTab { STAGE1, STAGE2, COMPARE }

    private final VariantNavigator navigator;
    private final TraceSource traceSource;
    private final Executor background;
    private final Executor uiThread;

    private final RunQueueViewModel queue;
    private final DecisionViewModel decisions;
    private final Stage1ResultViewModel stage1 = new Stage1ResultViewModel();
    private final Stage2ResultViewModel stage2 = new Stage2ResultViewModel();
    private final TraceComparisonViewModel comparison = new TraceComparisonViewModel();

    private final ReadOnlyObjectWrapper<ModelReadiness> readiness =
            new ReadOnlyObjectWrapper<>(ModelReadiness.missing("Checking the model folder…", ""));
    private final ReadOnlyBooleanWrapper hasSelection = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canRun = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper answeredBy = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper runNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper helpVisible = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<ResultTab> tab = new ReadOnlyObjectWrapper<>(ResultTab.STAGE1);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    /** The stage a re-judge is offered for, after a pipeline run was refused by the variant's state; null when none. */
    private final ReadOnlyObjectWrapper<StageKind> rejudgeOffer = new ReadOnlyObjectWrapper<>();
    private final StringProperty adCopyOverride = new SimpleStringProperty("");
    private final StringProperty promptOverride = new SimpleStringProperty("");
    private final StringProperty rejudgeReason = new SimpleStringProperty("");
    private final List<Consumer<ReviewAction>> viewRequests = new CopyOnWriteArrayList<>();
    private final List<Consumer<UUID>> tracesChanged = new CopyOnWriteArrayList<>();
    private long traceLoadGeneration;
    /** The variant whose Stage 1 / Stage 2 result shown came straight from a run (kept if its trace is not found). */
    private UUID stage1FromRun;
    private UUID stage2FromRun;

    public ReviewViewModel(StageRunner runner, ModelWorker worker, DecisionRecorder recorder, TraceSource traceSource,
                           VariantNavigator navigator, Executor background, Executor uiThread) {
        this.navigator = Objects.requireNonNull(navigator, "navigator");
        this.traceSource = Objects.requireNonNull(traceSource, "traceSource");
        this.background = Objects.requireNonNull(background, "background");
        this.uiThread = Objects.requireNonNull(uiThread, "uiThread");
        this.queue = new RunQueueViewModel(runner, worker, uiThread);
        this.decisions = new DecisionViewModel(recorder, navigator, background, uiThread);
        queue.addFinishedListener(this::runFinished);
        updateCanRun();
    }

    // ---- inputs from the main window ----

    /** Call on the UI thread whenever the list selection changes: refreshes results, traces and the run buttons. */
    public void variantChanged() {
        rejudgeOffer.set(null);
        stage1FromRun = null;
        stage2FromRun = null;
        hasSelection.set(!navigator.selection().isEmpty());
        updateCanRun();
        reloadTraces();
    }

    /** Which backend answers runs, e.g. "OpenAI-compatible server at gpu:8000, model llava"; UI thread. */
    public void setAnsweredBy(String description) {
        answeredBy.set(description == null ? "" : description);
    }

    /** Sets whether runs can start (from {@link ModelFolderInspector} or the model manager); UI thread. */
    public void setReadiness(ModelReadiness r) {
        readiness.set(Objects.requireNonNull(r));
        updateCanRun();
    }

    // ---- actions ----

    /**
     * Handles a key pressed anywhere in the desk.
     *
     * @param typing true when a text field has the focus: then only Esc (leave the field) is handled
     * @return true when the key was used
     */
    public boolean handleKey(KeyStroke key, boolean typing) {
        var action = ReviewKeymap.actionFor(key);
        if (typing) {
            if (key.code() == javafx.scene.input.KeyCode.ESCAPE) {
                fireViewRequest(ReviewAction.COMMENT); // the view takes the focus out of the field
                return true;
            }
            return false;
        }
        if (action.isEmpty()) {
            return false;
        }
        if (helpVisible.get() && action.get() != ReviewAction.HELP) {
            helpVisible.set(false); // any key closes the overlay; Esc does nothing more
            if (action.get() == ReviewAction.CANCEL_RUN) {
                return true;
            }
        }
        perform(action.get());
        return true;
    }

    /** Does one action (also what the buttons call). */
    public void perform(ReviewAction action) {
        switch (action) {
            case NEXT_VARIANT -> navigator.selectNext();
            case PREVIOUS_VARIANT -> navigator.selectPrevious();
            case RUN_STAGE1 -> run(StageKind.STAGE1, false);
            case RUN_STAGE2 -> run(StageKind.STAGE2, false);
            case REJUDGE_STAGE1 -> run(StageKind.STAGE1, true);
            case REJUDGE_STAGE2 -> run(StageKind.STAGE2, true);
            case CANCEL_RUN -> {
                if (!queue.cancelCurrent()) {
                    message.set("Nothing is running.");
                }
            }
            case CANCEL_ALL -> queue.cancelAll();
            case ACCEPT -> decisions.decide(Verdict.ACCEPT);
            case NEEDS_FIX -> decisions.decide(Verdict.FIX);
            case REJECT -> decisions.decide(Verdict.REJECT);
            case SHOW_STAGE1 -> tab.set(ResultTab.STAGE1);
            case SHOW_STAGE2 -> tab.set(ResultTab.STAGE2);
            case COMPARE_TRACES -> tab.set(ResultTab.COMPARE);
            case HELP -> helpVisible.set(!helpVisible.get());
            case COMMENT, EDIT_RUN_OPTIONS -> fireViewRequest(action);
        }
    }

    /**
     * Queues a run of one stage on the selected variants; false (with a message) when runs cannot start. A
     * pipeline run on a variant whose state the stage may not start from is refused at once (its message says
     * the state and offers the re-judge, {@link #rejudgeOfferProperty}); a batch runs the others and lists the
     * refused ones with their states.
     */
    public boolean run(StageKind stage, boolean rejudge) {
        if (!readiness.get().ready()) {
            message.set(readiness.get().explanation());
            return false;
        }
        List<VariantRef> selection = navigator.selection();
        if (selection.isEmpty()) {
            message.set("Select one or more variants first.");
            return false;
        }
        rejudgeOffer.set(null);
        RunOptions options = new RunOptions(rejudge, adCopyOverride.get(), promptOverride.get(),
                decisions.reviewerProperty().get(), rejudge ? rejudgeReason.get() : null);
        List<RunItem> queued = queue.enqueue(stage, selection, options);
        if (queued.isEmpty()) {
            return false; // refused by its state: runFinished has said why and offered the re-judge
        }
        // Overrides are for one run (or one batch): clear them so the next run uses the defaults again.
        adCopyOverride.set("");
        promptOverride.set("");
        rejudgeReason.set("");
        tab.set(stage == StageKind.STAGE1 ? ResultTab.STAGE1 : ResultTab.STAGE2);
        int refused = selection.size() - queued.size();
        message.set(selection.size() == 1 ? "" : "Queued " + stage.label() + " on " + queued.size()
                + (refused == 0 ? " variants." : " of " + selection.size() + " variants; " + refused + " refused by their"
                + " state (listed in the batch line; Shift+" + stage.eligibility().number() + " re-judges them)."));
        return true;
    }

    /** Re-judges the shown variant with the stage whose pipeline run was just refused; false when none is offered. */
    public boolean acceptRejudgeOffer() {
        StageKind stage = rejudgeOffer.get();
        if (stage == null) {
            return false;
        }
        rejudgeOffer.set(null);
        return run(stage, true);
    }

    public void closeHelp() {
        helpVisible.set(false);
    }

    /** The view listens for actions only it can carry out (moving the focus). */
    public void addViewRequestListener(Consumer<ReviewAction> l) {
        viewRequests.add(l);
    }

    /** Told the variant id whenever a run stored a trace, so the main window's history can refresh. */
    public void addTracesChangedListener(Consumer<UUID> l) {
        tracesChanged.add(l);
    }

    // ---- internals ----

    private void runFinished(RunItem item) {
        RunOutcome o = item.outcome();
        VariantRef v = item.request().variant();
        VariantRef shown = navigator.current();
        boolean isShown = shown != null && shown.id().equals(v.id());
        if (o instanceof RunOutcome.Done d && isShown) {
            showAnswer(d.answer(), shown, "Run just now" + (item.request().options().rejudge() ? " (re-judge)" : ""),
                    item.request().options().adCopyOverride());
            if (d.answer() instanceof StageAnswer.Stage1Answer) {
                stage1FromRun = v.id();
            } else {
                stage2FromRun = v.id();
            }
        }
        if (o instanceof RunOutcome.Refused r && isShown && item.batch() == null) {
            message.set(item.request().title() + " refused: " + r.reason());
            if (r.rejudgeInstead()) {
                rejudgeOffer.set(item.request().stage());
            }
        }
        if (o instanceof RunOutcome.Failed f && isShown) {
            message.set(item.request().title() + " failed: " + f.message());
        }
        boolean traceStored = o instanceof RunOutcome.Done || (o instanceof RunOutcome.Failed f && f.traceId() != null);
        if (traceStored) {
            tracesChanged.forEach(l -> l.accept(v.id()));
            if (isShown) {
                reloadTraces();
            }
        }
    }

    private void showAnswer(StageAnswer answer, VariantRef variant, String source, String judgedCopy) {
        if (answer instanceof StageAnswer.Stage1Answer s1) {
            stage1.show(s1, variant, source, judgedCopy);
        } else if (answer instanceof StageAnswer.Stage2Answer s2) {
            stage2.show(s2, variant, source);
        }
    }

    private void reloadTraces() {
        VariantRef v = navigator.current();
        long generation = ++traceLoadGeneration;
        if (v == null) {
            comparison.setTraces(List.of());
            stage1.clear("Select a variant to see its Stage 1 result.");
            stage2.clear("Select a variant to see its Stage 2 result.");
            return;
        }
        background.execute(() -> {
            try {
                List<TraceEntry> traces = traceSource.tracesOf(v.id());
                uiThread.execute(() -> tracesLoaded(generation, v, traces));
            } catch (Exception e) {
                LOG.warn("Traces of {} not loaded", v.id(), e);
                uiThread.execute(() -> {
                    if (generation == traceLoadGeneration) {
                        message.set("Could not read the traces of " + v.label() + ": " + RunQueueViewModel.messageOf(e));
                    }
                });
            }
        });
    }

    private void tracesLoaded(long generation, VariantRef v, List<TraceEntry> newestFirst) {
        if (generation != traceLoadGeneration) {
            return; // the selection moved on meanwhile
        }
        comparison.setTraces(newestFirst);
        boolean s1 = false;
        boolean s2 = false;
        for (TraceEntry t : newestFirst) {
            var answer = AnswerJson.fromTrace(t);
            if (answer.isEmpty()) {
                continue;
            }
            if (!s1 && answer.get() instanceof StageAnswer.Stage1Answer) {
                showAnswer(answer.get(), v, "Trace " + t.label(),
                        t.request() == null ? null : t.request().path("ad_copy_text").asText(null));
                s1 = true;
            } else if (!s2 && answer.get() instanceof StageAnswer.Stage2Answer) {
                showAnswer(answer.get(), v, "Trace " + t.label(), null);
                s2 = true;
            }
        }
        if (!s1 && !v.id().equals(stage1FromRun)) {
            stage1.clear("No Stage 1 result for " + v.label() + " yet. Press 1 to run Stage 1.");
        }
        if (!s2 && !v.id().equals(stage2FromRun)) {
            stage2.clear("No Stage 2 result for " + v.label() + " yet. Press 2 to run Stage 2 on the finished ad.");
        }
    }

    private void updateCanRun() {
        ModelReadiness r = readiness.get();
        canRun.set(r.ready() && hasSelection.get());
        runNote.set(!r.ready() ? r.explanation() : hasSelection.get() ? "Model: " + r.modelName() : "Select a variant to run a stage.");
    }

    private void fireViewRequest(ReviewAction a) {
        viewRequests.forEach(l -> l.accept(a));
    }

    // ---- state ----

    public RunQueueViewModel queue() { return queue; }
    public DecisionViewModel decisions() { return decisions; }
    public Stage1ResultViewModel stage1() { return stage1; }
    public Stage2ResultViewModel stage2() { return stage2; }
    public TraceComparisonViewModel comparison() { return comparison; }
    public ReadOnlyObjectProperty<ModelReadiness> readinessProperty() { return readiness.getReadOnlyProperty(); }
    /** The backend that answers runs (the run panel's "Answered by" line); empty before the model is connected. */
    public ReadOnlyStringProperty answeredByProperty() { return answeredBy.getReadOnlyProperty(); }
    /** True when a model is ready and at least one variant is selected: the run buttons' enabled state. */
    public ReadOnlyBooleanProperty canRunProperty() { return canRun.getReadOnlyProperty(); }
    /** Tooltip / inline note for the run buttons: what is missing and how to get it, or the model in use. */
    public ReadOnlyStringProperty runNoteProperty() { return runNote.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty helpVisibleProperty() { return helpVisible.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<ResultTab> tabProperty() { return tab.getReadOnlyProperty(); }
    /** Set after a pipeline run was refused by the variant's state: the re-judge the run panel offers instead. */
    public ReadOnlyObjectProperty<StageKind> rejudgeOfferProperty() { return rejudgeOffer.getReadOnlyProperty(); }
    /** The latest thing the reviewer should read (refusals, failures, why a key did nothing). */
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    /** Ad copy for the next run only (SPEC §2 step 3: "an ad copy the reviewer typed"); blank = default. */
    public StringProperty adCopyOverrideProperty() { return adCopyOverride; }
    /** Prompt for the next run only; blank = the stage's versioned prompt. */
    public StringProperty promptOverrideProperty() { return promptOverride; }
    /** Why the next re-judge is made (stored in the trace). */
    public StringProperty rejudgeReasonProperty() { return rejudgeReason; }

    /** Lets the tab buttons switch the results area. */
    public void showTab(ResultTab t) {
        tab.set(t);
    }
}

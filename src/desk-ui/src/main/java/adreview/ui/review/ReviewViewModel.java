package adreview.ui.review;

import adreview.desk.DeskService;
import adreview.desk.ListedVariant;
import adreview.desk.ModelStatus;
import adreview.desk.Problems;
import adreview.desk.VariantDetail;
import adreview.review.RunOutcome;
import adreview.review.RunRequest;
import adreview.review.decision.Verdict;
import adreview.review.prompt.Prompt;
import adreview.review.result.Results;
import adreview.review.result.Stage1Result;
import adreview.review.result.Stage2Result;
import adreview.review.result.StageResult;
import adreview.store.AssetLocation;
import adreview.store.Trace;
import adreview.ui.Formats;
import adreview.ui.concurrent.TaskExecutor;
import adreview.ui.i18n.Messages;
import adreview.ui.keys.KeyBinding;
import adreview.ui.prefs.UiPreferences;
import adreview.ui.state.VariantNavigator;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The review side of the desk in one view model: runs (through {@link RunQueueViewModel}), results, trace
 * comparison, decisions and the "no model yet" state. The variant's results come with its detail (one round trip);
 * a finished run shows its answer at once and asks for the detail again.
 */
public final class ReviewViewModel {

    /** Which result the results area shows. */
    public enum ResultTab { STAGE1, STAGE2, COMPARE }

    private final TaskExecutor executor;
    private final VariantNavigator navigator;
    private final RunQueueViewModel queue;
    private final DecisionViewModel decisions;
    private final Stage1ResultViewModel stage1 = new Stage1ResultViewModel();
    private final Stage2ResultViewModel stage2 = new Stage2ResultViewModel();
    private final TraceComparisonViewModel comparison = new TraceComparisonViewModel();

    private final ReadOnlyObjectWrapper<ModelStatus> readiness =
            new ReadOnlyObjectWrapper<>(ModelStatus.missing(Messages.get("review.checkingModel"), ""));
    private final ReadOnlyBooleanWrapper hasSelection = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canRun = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper runNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper helpVisible = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<ResultTab> tab = new ReadOnlyObjectWrapper<>(ResultTab.STAGE1);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<RunItem> offerRejudge = new ReadOnlyObjectWrapper<>();
    /** Set once a finished run has loaded the model and the status was asked again for its engine line. */
    private boolean loadedModelDescribed;
    private final StringProperty adCopyOverride = new SimpleStringProperty("");
    private final StringProperty promptOverride = new SimpleStringProperty("");
    private final StringProperty rejudgeReason = new SimpleStringProperty("");
    private final List<Consumer<KeyBinding>> viewRequests = new CopyOnWriteArrayList<>();
    private final List<Consumer<UUID>> tracesChanged = new CopyOnWriteArrayList<>();
    private DeskService service;
    private VariantDetail detail;
    /** The variant whose Stage 1 / Stage 2 result shown came straight from a run (kept until its trace is read). */
    private UUID stage1FromRun;
    private UUID stage2FromRun;

    public ReviewViewModel(TaskExecutor executor, VariantNavigator navigator, UiPreferences preferences,
                           Supplier<Optional<String>> askReviewer) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.navigator = Objects.requireNonNull(navigator, "navigator");
        this.queue = new RunQueueViewModel(executor);
        this.decisions = new DecisionViewModel(executor, navigator, preferences, askReviewer);
        queue.addFinishedListener(this::runFinished);
        updateCanRun();
    }

    /** The desk is open: runs, decisions and the model check use it. */
    public void connect(DeskService service) {
        this.service = service;
        queue.connect(service);
        decisions.connect(service);
        checkModel();
    }

    /** The reviewer picked another model: its status now, its engine line after its first run. */
    public void modelChanged() {
        loadedModelDescribed = false;
        checkModel();
    }

    /** Asks the desk whether runs can start (after connecting, and after the reviewer picked another model). */
    public void checkModel() {
        DeskService s = service;
        if (s == null) {
            return;
        }
        executor.io("check the model", control -> s.modelStatus())
                .onSuccess(this::setReadiness)
                .onFailure(e -> setReadiness(ModelStatus.missing(Problems.describe(e), "")))
                .execute();
    }

    // ---- inputs from the window ----

    /** The selection changed (UI thread): the run buttons follow; results wait for the detail. */
    public void variantChanged() {
        hasSelection.set(!navigator.selection().isEmpty() || navigator.current() != null);
        updateCanRun();
        if (detail != null && (navigator.current() == null
                || !detail.variant().variantId().equals(navigator.current().row().variantId()))) {
            showDetail(null);
        }
    }

    /** The shown variant's detail arrived (or was read again after a run). */
    public void showDetail(VariantDetail d) {
        UUID before = detail == null ? null : detail.variant().variantId();
        detail = d;
        if (d == null || !d.variant().variantId().equals(before)) {
            stage1FromRun = null;
            stage2FromRun = null;
        }
        if (d == null) {
            comparison.setTraces(List.of());
            String label = navigator.current() == null ? null : Formats.shortId(navigator.current().row().variantId());
            stage1.clear(label == null ? Messages.get("stage1.select") : Messages.get("stage1.loading"));
            stage2.clear(label == null ? Messages.get("stage2.select") : Messages.get("stage2.loading"));
            return;
        }
        comparison.setTraces(d.traces().stream().filter(t -> d.variant().variantId().equals(t.variantId())).toList());
        String label = Formats.shortId(d.variant().variantId());
        boolean s1 = false;
        boolean s2 = false;
        for (Trace t : d.traces()) {
            if (!d.variant().variantId().equals(t.variantId())) {
                continue;
            }
            Optional<StageResult> r = Results.fromResponse(t.operationType(), t.response());
            if (r.isEmpty()) {
                continue;
            }
            String source = Messages.get("review.fromTrace", Formats.traceLabel(t));
            if (!s1 && r.get() instanceof Stage1Result a) {
                stage1.show(a, uri(d.image()), t.request() == null ? null : t.request().path("ad_copy_text").asText(null), source);
                s1 = true;
            } else if (!s2 && r.get() instanceof Stage2Result b) {
                stage2.show(b, uri(d.renderImage()), source);
                s2 = true;
            }
        }
        if (!s1 && !d.variant().variantId().equals(stage1FromRun)) {
            stage1.clear(Messages.get("stage1.none", label));
        }
        if (!s2 && !d.variant().variantId().equals(stage2FromRun)) {
            stage2.clear(Messages.get("stage2.none", label));
        }
    }

    public void setReadiness(ModelStatus r) {
        readiness.set(Objects.requireNonNull(r));
        executor.setModelParallelism(r.parallelRuns()); // a server takes several runs at once; the local model one
        updateCanRun();
    }

    // ---- actions ----

    /** Does one review action (keys and buttons come here). Returns false for keys this view model does not own. */
    public boolean perform(KeyBinding action) {
        if (helpVisible.get() && action != KeyBinding.HELP) {
            helpVisible.set(false); // any key closes the overlay; Esc does nothing more
            if (action == KeyBinding.CANCEL_RUN) {
                return true;
            }
        }
        switch (action) {
            case NEXT_VARIANT -> navigator.selectNext();
            case PREVIOUS_VARIANT -> navigator.selectPrevious();
            case RUN_STAGE1 -> run(Prompt.Stage.STAGE1, false);
            case RUN_STAGE2 -> run(Prompt.Stage.STAGE2, false);
            case REJUDGE_STAGE1 -> run(Prompt.Stage.STAGE1, true);
            case REJUDGE_STAGE2 -> run(Prompt.Stage.STAGE2, true);
            case CANCEL_RUN -> {
                if (!queue.cancelCurrent()) {
                    message.set(Messages.get("review.nothingRunning"));
                }
            }
            case CANCEL_ALL -> queue.cancelAll();
            case ACCEPT -> decisions.decide(Verdict.ACCEPT);
            case NEEDS_FIX -> decisions.decide(Verdict.FIX);
            case REJECT -> decisions.decide(Verdict.REJECT);
            case UNDO_DECISION -> decisions.undo();
            case SHOW_STAGE1 -> tab.set(ResultTab.STAGE1);
            case SHOW_STAGE2 -> tab.set(ResultTab.STAGE2);
            case COMPARE_TRACES -> tab.set(ResultTab.COMPARE);
            case HELP -> helpVisible.set(!helpVisible.get());
            case COMMENT, EDIT_RUN_OPTIONS -> viewRequests.forEach(l -> l.accept(action));
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Queues a run of one stage on the selected variants; false (with a message) when runs cannot start. */
    public boolean run(Prompt.Stage stage, boolean rejudge) {
        if (!readiness.get().ready()) {
            message.set(readiness.get().problem() + " " + readiness.get().remedy());
            return false;
        }
        List<ListedVariant> selection = navigator.selection();
        if (selection.isEmpty() && navigator.current() != null) {
            selection = List.of(navigator.current());
        }
        if (selection.isEmpty()) {
            message.set(Messages.get("review.selectFirst"));
            return false;
        }
        String adCopy = blankToNull(adCopyOverride.get());
        String prompt = blankToNull(promptOverride.get());
        String reason = rejudge ? blankToNull(rejudgeReason.get()) : null;
        String reviewer = blankToNull(decisions.reviewerProperty().get());
        // Before queueing: a refusal known up front sets its own message and offer at once.
        offerRejudge.set(null);
        message.set(selection.size() == 1 ? "" : Messages.get("review.queued",
                Messages.get("stage." + stage.name().toLowerCase(java.util.Locale.ROOT)), selection.size()));
        queue.enqueue(stage, rejudge, selection, v -> new RunRequest(stage, v.row().variantId(), adCopy, null, prompt,
                rejudge, rejudge ? reviewer : null, reason, true, RunRequest.MAX_NEW_TOKENS));
        // Overrides are for one run (or one batch): cleared so the next run uses the defaults again.
        adCopyOverride.set("");
        promptOverride.set("");
        rejudgeReason.set("");
        tab.set(stage == Prompt.Stage.STAGE1 ? ResultTab.STAGE1 : ResultTab.STAGE2);
        return true;
    }

    /** Runs the refused pipeline run as a re-judge instead (the offer after an ineligible state). */
    public void rejudgeInstead() {
        RunItem refused = offerRejudge.get();
        if (refused == null) {
            return;
        }
        offerRejudge.set(null);
        readinessChecked(() -> queue.enqueue(refused.request().stage(), true, List.of(refused.variant()), v -> new RunRequest(
                refused.request().stage(), v.row().variantId(), refused.request().adCopy(), null,
                refused.request().promptText(), true, blankToNull(decisions.reviewerProperty().get()), null, true,
                RunRequest.MAX_NEW_TOKENS)));
    }

    private void readinessChecked(Runnable r) {
        if (readiness.get().ready()) {
            r.run();
        } else {
            message.set(readiness.get().problem());
        }
    }

    public void closeHelp() {
        helpVisible.set(false);
    }

    /** The view listens for actions only it can carry out (moving the focus into a field). */
    public void addViewRequestListener(Consumer<KeyBinding> l) {
        viewRequests.add(l);
    }

    /** Told the variant id whenever a run stored a trace, so the window can refresh the row and the detail. */
    public void addTracesChangedListener(Consumer<UUID> l) {
        tracesChanged.add(l);
    }

    // ---- internals ----

    private void runFinished(RunItem item) {
        if (item.outcome() instanceof RunOutcome.Done && !loadedModelDescribed) {
            loadedModelDescribed = true;
            checkModel(); // the first run loaded the model: "answered by" now names its device, precision and engine
        }
        UUID id = item.variant().row().variantId();
        ListedVariant shown = navigator.current();
        boolean isShown = shown != null && shown.row().variantId().equals(id);
        RunOutcome o = item.outcome();
        if (o instanceof RunOutcome.Done d && isShown) {
            String source = Messages.get(item.request().rejudge() ? "review.justNow.rejudge" : "review.justNow");
            if (d.result() instanceof Stage1Result a) {
                stage1.show(a, detail == null ? null : uri(detail.image()), item.request().adCopy(), source);
                stage1FromRun = id;
            } else if (d.result() instanceof Stage2Result b) {
                stage2.show(b, detail == null ? null : uri(detail.renderImage()), source);
                stage2FromRun = id;
            }
        }
        if (item.state() instanceof RunState.Refused r && isShown) {
            message.set(Messages.get("review.refused", item.title(), r.reason()));
            offerRejudge.set(r.rejudgeInstead() && !item.request().rejudge() && item.batch() == null ? item : null);
        }
        if (item.state() instanceof RunState.Failed f && isShown) {
            message.set(Messages.get("review.failed", item.title(), f.message()));
        }
        if (item.state() instanceof RunState.Superseded s && isShown) {
            message.set(s.describe());
        }
        boolean traceStored = o != null && !(o instanceof RunOutcome.Cancelled c && c.trace() == null);
        if (traceStored) {
            tracesChanged.forEach(l -> l.accept(id));
        }
    }

    private static String uri(AssetLocation location) {
        return location instanceof AssetLocation.LocalFile f && f.exists() ? f.path().toUri().toString() : null;
    }

    private void updateCanRun() {
        ModelStatus r = readiness.get();
        canRun.set(r.ready() && hasSelection.get());
        runNote.set(!r.ready() ? r.problem() + "\n" + r.remedy()
                : hasSelection.get() ? Messages.get("review.model", r.modelName()) : Messages.get("review.selectToRun"));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    // ---- state ----

    public RunQueueViewModel queue() { return queue; }
    public DecisionViewModel decisions() { return decisions; }
    public Stage1ResultViewModel stage1() { return stage1; }
    public Stage2ResultViewModel stage2() { return stage2; }
    public TraceComparisonViewModel comparison() { return comparison; }
    public ReadOnlyObjectProperty<ModelStatus> readinessProperty() { return readiness.getReadOnlyProperty(); }
    /** True when a model is ready and at least one variant is selected: the run buttons' enabled state. */
    public ReadOnlyBooleanProperty canRunProperty() { return canRun.getReadOnlyProperty(); }
    /** Tooltip / inline note for the run buttons: what is missing and how to get it, or the model in use. */
    public ReadOnlyStringProperty runNoteProperty() { return runNote.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty helpVisibleProperty() { return helpVisible.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<ResultTab> tabProperty() { return tab.getReadOnlyProperty(); }
    /** The latest thing the reviewer should read (refusals, failures, why a key did nothing). */
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    /** A pipeline run refused for the variant's state, offered as a re-judge; null when there is no offer. */
    public ReadOnlyObjectProperty<RunItem> offerRejudgeProperty() { return offerRejudge.getReadOnlyProperty(); }
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

package adreview.ui.review;

import adreview.desk.DeskService;
import adreview.desk.ListedVariant;
import adreview.desk.Problems;
import adreview.review.NotEligibleException;
import adreview.review.RunEligibility;
import adreview.review.RunListener;
import adreview.review.RunOutcome;
import adreview.review.RunPhase;
import adreview.review.RunRequest;
import adreview.review.StageRefusedException;
import adreview.review.prompt.Prompt;
import adreview.ui.concurrent.TaskExecutor;
import adreview.ui.i18n.Messages;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The run queue: every model run of the window goes through here, in order, on the executor's model lane: one at a
 * time for the local model, as many at once as the lane's parallelism for a server backend. The panel shows one of
 * them, the {@linkplain #currentProperty() current} run: the newest started that is still running. State lives in read-only properties that change only on the UI thread. Progress from the model thread is
 * coalesced by the task ({@link adreview.ui.concurrent.BackgroundTask}): however many tokens arrive between two UI
 * turns, the UI sees one update with the newest state and all the text.
 */
public final class RunQueueViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(RunQueueViewModel.class);

    /** Finished items kept in {@link #items()} before the oldest are dropped. */
    static final int FINISHED_KEPT = 200;

    /** What the model thread reports: the newest state and the answer so far. */
    record Progress(RunState state, String text) {
    }

    /** How a run ended, as the model thread saw it. */
    private record Ending(RunOutcome outcome, RunState state, String text) {
    }

    private final TaskExecutor executor;
    private final ObservableList<RunItem> items = FXCollections.observableArrayList();
    private final ObservableList<RunItem> itemsView = FXCollections.unmodifiableObservableList(items);
    private final List<RunItem> waiting = new ArrayList<>();
    /** Started and not yet finished, oldest first (more than one with a parallel lane). */
    private final List<RunItem> active = new ArrayList<>();
    private final ReadOnlyObjectWrapper<RunItem> current = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<RunItem> lastFinished = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyIntegerWrapper queuedCount = new ReadOnlyIntegerWrapper();
    private final ReadOnlyStringWrapper phaseText = new ReadOnlyStringWrapper(Messages.get("run.idle"));
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper answerText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper batchSummary = new ReadOnlyStringWrapper("");
    private final List<Consumer<RunItem>> finishedListeners = new CopyOnWriteArrayList<>();
    private Batch latestBatch;
    private volatile DeskService service;

    public RunQueueViewModel(TaskExecutor executor) {
        this.executor = executor;
    }

    public void connect(DeskService service) {
        this.service = service;
    }

    // ---- actions (UI thread) ----

    /**
     * Queues one run per variant, in order. More than one variant makes a batch: one failure does not stop it. A
     * pipeline run on a variant whose known state the stage may not start from is not queued but ends at once as
     * refused, with its state (the batch lists it). Returns the queued items.
     *
     * @param requestFor the request for one variant (stage, overrides, re-judge)
     */
    public List<RunItem> enqueue(Prompt.Stage stage, boolean rejudge, List<ListedVariant> variants,
                                 Function<ListedVariant, RunRequest> requestFor) {
        if (variants.isEmpty()) {
            return List.of();
        }
        Batch batch = variants.size() > 1 ? new Batch(stage, variants.size()) : null;
        if (batch != null) {
            latestBatch = batch;
            batchSummary.set(batch.summary());
        }
        List<RunItem> queued = new ArrayList<>();
        for (ListedVariant v : variants) {
            RunItem item = new RunItem(requestFor.apply(v), v, batch);
            items.add(item);
            String refusal = refusalUpfront(stage, rejudge, v);
            if (refusal != null) {
                endItem(item, null, new RunState.Refused(refusal, true));
                continue;
            }
            queued.add(item);
            waiting.add(item);
            submit(item);
        }
        renumberWaiting();
        return queued;
    }

    /** Asks the running item to stop (the engine checks between tokens); false when nothing runs. */
    public boolean cancelCurrent() {
        RunItem item = current.get();
        if (item == null) {
            return false;
        }
        if (item.requestCancel()) {
            phaseText.set(Messages.get("run.cancelling"));
        }
        return true;
    }

    /** Cancels every running item and everything waiting. */
    public void cancelAll() {
        for (RunItem item : List.copyOf(waiting)) {
            cancelWaiting(item);
        }
        for (RunItem item : List.copyOf(active)) {
            item.requestCancel();
        }
        if (current.get() != null) {
            phaseText.set(Messages.get("run.cancelling"));
        }
    }

    /** Cancels one item: a waiting one is dropped at once, a running one is asked to stop. */
    public void cancel(RunItem item) {
        if (item == current.get()) {
            cancelCurrent();
        } else if (active.contains(item)) {
            item.requestCancel();
        } else if (waiting.contains(item)) {
            cancelWaiting(item);
        }
    }

    /** The items started and not yet finished, oldest first (UI thread). */
    public List<RunItem> running() {
        return List.copyOf(active);
    }

    /**
     * The desk is closing: drops what waits, and asks every running item to stop and be recorded as failed
     * ({@code reason} goes into its trace). Returns the items that were running.
     */
    public List<RunItem> stopAll(String reason) {
        for (RunItem item : List.copyOf(waiting)) {
            cancelWaiting(item);
        }
        List<RunItem> stopping = List.copyOf(active);
        for (RunItem item : stopping) {
            item.requestStop(reason);
        }
        if (!stopping.isEmpty()) {
            phaseText.set(Messages.get("run.stopping"));
        }
        return stopping;
    }

    /**
     * The window closes during a run (the reviewer confirmed): {@link #stopAll}, then {@code then} on the UI thread
     * once every stopped run has returned. A run that does not stop within {@code wait} (a model still loading does
     * not poll) is recorded at once ({@link adreview.review.Cancellation#abandon}).
     */
    public void stopAllThen(String reason, java.time.Duration wait, Runnable then) {
        List<RunItem> stopping = stopAll(reason);
        Thread waiter = new Thread(() -> {
            long until = System.nanoTime() + wait.toNanos();
            for (RunItem item : stopping) {
                try {
                    if (!item.awaitWorkEnded(Math.max(0, (until - System.nanoTime()) / 1_000_000))) {
                        item.cancellation().abandon();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    item.cancellation().abandon();
                }
            }
            executor.onUiThread(then);
        }, "desk-close-runs");
        waiter.setDaemon(true);
        waiter.start();
    }

    /** "Stage 1 · shoe · 3f2a9c1e (and 2 queued)": what stopping would stop; empty when idle. */
    public String busyDescription() {
        RunItem item = current.get();
        String running = item == null ? "" : item.title()
                + (active.size() > 1 ? " " + Messages.get("run.busy.more", active.size() - 1) : "");
        int queued = queuedCount.get();
        return queued == 0 ? running : Messages.get("run.busy.queued", running, queued);
    }

    /** The refusal of a pipeline run on {@code v} by its state as the list knows it, or null to queue it. */
    static String refusalUpfront(Prompt.Stage stage, boolean rejudge, ListedVariant v) {
        String step = v.row().currentStep();
        String status = v.row().status();
        RunEligibility eligibility = RunEligibility.of(stage);
        if (rejudge || step == null || status == null || eligibility.allows(step, status)) {
            return null;
        }
        return eligibility.refusal(v.row().variantId(), step, status);
    }

    public void addFinishedListener(Consumer<RunItem> listener) {
        finishedListeners.add(listener);
    }

    // ---- the model lane ----

    private void submit(RunItem item) {
        executor.<Ending, Progress>task(TaskExecutor.Lane.MODEL, item.title(), control -> {
                    try {
                        DeskService s = service;
                        if (item.isCancelRequested()) {
                            return new Ending(null, new RunState.Cancelled(), "");
                        }
                        executor.onUiThread(() -> started(item));
                        Listener listener = new Listener(item, control::progress);
                        return run(s, item, listener);
                    } finally {
                        item.workEnded();
                    }
                })
                .onProgress(p -> {
                    if (!item.isFinished()) {
                        item.setState(p.state());
                        item.setAnswerText(p.text());
                        if (current.get() == item) {
                            showCurrent(item);
                            if (item.isCancelRequested()) {
                                phaseText.set(Messages.get("run.cancelling") + " " + p.state().describe());
                            }
                        }
                    }
                })
                .onSuccess(end -> finished(item, end))
                .onFailure(error -> finished(item, new Ending(null, new RunState.Failed(Problems.describe(error)), "")))
                .execute();
    }

    /** One run on the model thread; every outcome, refusal and error becomes an {@link Ending}. */
    private Ending run(DeskService s, RunItem item, Listener listener) {
        if (s == null) {
            return new Ending(null, new RunState.Refused(Messages.get("run.notConnected"), false), "");
        }
        try {
            RunOutcome outcome = s.run(item.request(), listener, item.cancellation());
            return new Ending(outcome, stateOf(outcome), listener.text());
        } catch (NotEligibleException e) {
            return new Ending(null, new RunState.Refused(e.getMessage(), true), "");
        } catch (StageRefusedException e) {
            return new Ending(null, new RunState.Refused(e.getMessage(), false), "");
        } catch (RuntimeException | LinkageError e) {
            if (item.isCancelRequested()) {
                return new Ending(null, new RunState.Cancelled(), listener.text());
            }
            LOG.warn("{} failed", item.title(), e);
            return new Ending(null, new RunState.Failed(Problems.describe(e)), listener.text());
        }
    }

    static RunState stateOf(RunOutcome outcome) {
        return switch (outcome) {
            case RunOutcome.Done d -> new RunState.Done(d.latencyMs());
            case RunOutcome.Failed f -> new RunState.Failed(f.error());
            case RunOutcome.Superseded s -> new RunState.Superseded(s.message());
            case RunOutcome.Cancelled c -> new RunState.Cancelled();
        };
    }

    /** The review service's progress as queue states; the whole answer so far travels with each token. */
    private static final class Listener implements RunListener {
        private final RunItem item;
        private final Consumer<Progress> sink;
        private volatile String text = "";

        Listener(RunItem item, Consumer<Progress> sink) {
            this.item = item;
            this.sink = sink;
        }

        @Override
        public void phase(RunPhase phase, double fraction, String detail) {
            sink.accept(new Progress(new RunState.Working(phase, fraction, detail), text));
        }

        @Override
        public void token(int n, int max, String textSoFar) {
            item.markFirstToken();
            text = textSoFar == null ? "" : textSoFar;
            sink.accept(new Progress(new RunState.Writing(n, max), text));
        }

        String text() {
            return text;
        }
    }

    // ---- UI thread transitions ----

    private void started(RunItem item) {
        if (item.isFinished()) {
            return;
        }
        waiting.remove(item);
        active.add(item);
        current.set(item);
        item.setState(new RunState.Working(RunPhase.PREPARING_IMAGE, -1, null));
        showCurrent(item);
        renumberWaiting();
    }

    private void finished(RunItem item, Ending end) {
        waiting.remove(item);
        if (!end.text().isEmpty() || item.answerText().isEmpty()) {
            item.setAnswerText(end.text());
        }
        endItem(item, end.outcome(), end.state());
        if (item.firstTokenMillis() >= 0) {
            LOG.info("{}: first token {} ms after Run, {}", item.title(), item.firstTokenMillis(), end.state().describe());
        }
        active.remove(item);
        if (current.get() == item) {
            showCurrent(item);
            // With runs in parallel the panel moves on to the newest one still running.
            RunItem next = active.isEmpty() ? null : active.get(active.size() - 1);
            current.set(next);
            if (next != null) {
                showCurrent(next);
            }
        }
        renumberWaiting();
    }

    private void cancelWaiting(RunItem item) {
        item.requestCancel();
        waiting.remove(item);
        endItem(item, null, new RunState.Cancelled());
        renumberWaiting();
    }

    private void endItem(RunItem item, RunOutcome outcome, RunState state) {
        if (item.isFinished()) {
            return;
        }
        item.finish(outcome, state);
        if (item.batch() != null) {
            String known = item.variant().row().currentStep() + "/" + item.variant().row().status();
            item.batch().count(state, item.label(), known);
            if (item.batch() == latestBatch) {
                batchSummary.set(latestBatch.summary());
            }
        }
        lastFinished.set(item);
        trimFinished();
        for (Consumer<RunItem> l : finishedListeners) {
            try {
                l.accept(item);
            } catch (RuntimeException e) {
                LOG.warn("A run listener failed", e);
            }
        }
    }

    private void trimFinished() {
        long done = items.stream().filter(RunItem::isFinished).count();
        for (int i = 0; i < items.size() && done > FINISHED_KEPT; ) {
            if (items.get(i).isFinished()) {
                items.remove(i);
                done--;
            } else {
                i++;
            }
        }
    }

    private void renumberWaiting() {
        int pos = active.size() + 1;
        for (RunItem w : waiting) {
            w.setState(new RunState.Queued(pos++));
        }
        queuedCount.set(waiting.size());
        running.set(!active.isEmpty() || !waiting.isEmpty());
        if (active.isEmpty() && waiting.isEmpty() && lastFinished.get() == null) {
            phaseText.set(Messages.get("run.idle"));
            progress.set(0);
        }
    }

    private void showCurrent(RunItem item) {
        RunState s = item.state();
        phaseText.set(item.title() + " — " + s.describe());
        progress.set(s.finished() && !(s instanceof RunState.Done) ? 0 : s.progress());
        answerText.set(item.answerText());
    }

    // ---- state (read-only) ----

    /** Every item of this session: waiting, running and the newest finished ones, in queue order. */
    public ObservableList<RunItem> items() {
        return itemsView;
    }

    public ReadOnlyObjectProperty<RunItem> currentProperty() {
        return current.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<RunItem> lastFinishedProperty() {
        return lastFinished.getReadOnlyProperty();
    }

    /** True while a run is being worked on or waits. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty queuedCountProperty() {
        return queuedCount.getReadOnlyProperty();
    }

    /** The phase line of the running item, or of the last finished one. */
    public ReadOnlyStringProperty phaseTextProperty() {
        return phaseText.getReadOnlyProperty();
    }

    /** Progress of the running item in [0, 1], or -1 for indeterminate. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** The answer text of the running item as it is written. */
    public ReadOnlyStringProperty answerTextProperty() {
        return answerText.getReadOnlyProperty();
    }

    /** Summary of the newest batch, empty before any. */
    public ReadOnlyStringProperty batchSummaryProperty() {
        return batchSummary.getReadOnlyProperty();
    }
}

package adreview.ui.review;

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
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The run queue: every model run goes through here, on the {@link ModelWorker}: one at a time for the local model,
 * as many at once as the worker's parallelism for a server backend. The panel shows one of them, the
 * {@linkplain #currentProperty() current} run: the newest started that is still running.
 * State lives in read-only properties that change only on the UI thread ({@code uiThread}: {@code Platform::runLater}
 * in the desk, a plain executor in tests). Progress from the worker is coalesced: however many tokens arrive
 * between two UI turns, the UI sees one update with the newest phase and all the text.
 */
public final class RunQueueViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(RunQueueViewModel.class);
    /** Finished items kept in {@link #items()} before the oldest are dropped. */
    static final int FINISHED_KEPT = 200;

    private final StageRunner runner;
    private final ModelWorker worker;
    private final Executor uiThread;

    private final ObservableList<RunItem> items = FXCollections.observableArrayList();
    private final ObservableList<RunItem> itemsView = FXCollections.unmodifiableObservableList(items);
    private final List<RunItem> waiting = new ArrayList<>();
    /** Started and not yet finished, oldest first (more than one with a parallel worker). */
    private final List<RunItem> active = new ArrayList<>();
    private final ReadOnlyObjectWrapper<RunItem> current = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<RunItem> lastFinished = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyIntegerWrapper queuedCount = new ReadOnlyIntegerWrapper();
    private final ReadOnlyStringWrapper phaseText = new ReadOnlyStringWrapper("Idle");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper answerText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper batchSummary = new ReadOnlyStringWrapper("");
    private final List<Consumer<RunItem>> finishedListeners = new CopyOnWriteArrayList<>();
    private Batch latestBatch;

    public RunQueueViewModel(StageRunner runner, ModelWorker worker, Executor uiThread) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.worker = Objects.requireNonNull(worker, "worker");
        this.uiThread = Objects.requireNonNull(uiThread, "uiThread");
    }

    // ---- actions (UI thread) ----

    /**
     * Queues one run per variant, in order. More than one variant makes a batch: one failure does not stop it.
     * A pipeline run on a variant whose known state the stage may not start from ({@link StageKind#eligibility})
     * is not queued but ends at once as refused, with its state (the batch lists it). Returns the queued items.
     */
    public List<RunItem> enqueue(StageKind stage, List<VariantRef> variants, RunOptions options) {
        if (variants.isEmpty()) {
            return List.of();
        }
        Batch batch = variants.size() > 1 ? new Batch(stage, variants.size()) : null;
        if (batch != null) {
            latestBatch = batch;
            batchSummary.set(batch.summary());
        }
        List<RunItem> queued = new ArrayList<>();
        for (VariantRef v : variants) {
            RunOutcome.Refused refusal = refusalUpfront(stage, v, options);
            if (refusal != null) {
                refuseUpfront(batch, stage, v, options, refusal);
                continue;
            }
            RunItem item = new RunItem(new RunRequest(stage, v, options), batch);
            queued.add(item);
            items.add(item);
            waiting.add(item);
            worker.submit(() -> work(item));
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
            phaseText.set("Cancelling…");
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
            phaseText.set("Cancelling…");
        }
    }

    /** The items started and not yet finished, oldest first (UI thread). */
    public List<RunItem> running() {
        return List.copyOf(active);
    }

    /** Cancels one item: a waiting one is dropped at once, the running one is asked to stop. */
    public void cancel(RunItem item) {
        if (item == current.get()) {
            cancelCurrent();
        } else if (active.contains(item)) {
            item.requestCancel();
        } else if (waiting.contains(item)) {
            cancelWaiting(item);
        }
    }

    /**
     * The desk is closing: drops what waits, and asks every running item to stop and be recorded as failed
     * ({@code reason} goes into its trace). Returns the current item, or null when nothing runs ({@link #running()}
     * lists them all).
     */
    public RunItem stopAll(String reason) {
        for (RunItem item : List.copyOf(waiting)) {
            cancelWaiting(item);
        }
        for (RunItem item : List.copyOf(active)) {
            item.requestStop(reason);
        }
        RunItem item = current.get();
        if (item != null) {
            phaseText.set("Stopping…");
        }
        return item;
    }

    /** The refusal of a pipeline run on {@code v} by its state as the list knows it, or null to queue it. */
    static RunOutcome.Refused refusalUpfront(StageKind stage, VariantRef v, RunOptions options) {
        if (options.rejudge() || v.step() == null || v.status() == null || stage.eligibility().allows(v.step(), v.status())) {
            return null;
        }
        return new RunOutcome.Refused(stage.eligibility().refusal(v.id(), v.step(), v.status()),
                v.step() + "/" + v.status(), true);
    }

    /** An item for a variant that is not run, ended at once as refused (the batch counts and lists it). */
    private void refuseUpfront(Batch batch, StageKind stage, VariantRef variant, RunOptions options, RunOutcome.Refused refusal) {
        RunItem item = new RunItem(new RunRequest(stage, variant, options), batch);
        items.add(item);
        endItem(item, refusal, new RunPhase.Refused(refusal.reason()));
    }

    public void addFinishedListener(Consumer<RunItem> listener) {
        finishedListeners.add(listener);
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

    /** Summary of the newest batch ("Batch Stage 1: 4 of 10 finished · 3 done · 1 failed"), empty before any. */
    public ReadOnlyStringProperty batchSummaryProperty() {
        return batchSummary.getReadOnlyProperty();
    }

    // ---- worker side ----

    private void work(RunItem item) {
        try {
            runItem(item);
        } finally {
            item.workEnded();
        }
    }

    private void runItem(RunItem item) {
        if (item.isCancelRequested()) {
            return; // already finished as cancelled on the UI thread
        }
        uiThread.execute(() -> started(item));
        CoalescingSink sink = new CoalescingSink(item);
        RunOutcome outcome;
        try {
            outcome = runner.run(item.request(), sink, item.cancellation());
            if (outcome == null) {
                outcome = new RunOutcome.Failed("the runner returned no outcome", sink.text(), null);
            }
        } catch (Exception | LinkageError e) {
            if (item.isCancelRequested()) {
                outcome = new RunOutcome.Cancelled();
            } else {
                LOG.warn("{} failed", item.request().title(), e);
                outcome = new RunOutcome.Failed(messageOf(e), sink.text(), null);
            }
        }
        RunOutcome finalOutcome = outcome;
        String finalText = sink.text();
        sink.close();
        uiThread.execute(() -> finished(item, finalOutcome, finalText));
    }

    static String messageOf(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    // ---- UI thread transitions ----

    private void started(RunItem item) {
        if (item.isFinished()) {
            return;
        }
        waiting.remove(item);
        active.add(item);
        current.set(item);
        item.setPhase(new RunPhase.PreparingImage());
        showCurrent(item);
        renumberWaiting();
    }

    private void finished(RunItem item, RunOutcome outcome, String text) {
        RunPhase phase = phaseOf(outcome);
        if (!text.isEmpty() || item.answerText().isEmpty()) {
            item.setAnswerText(text);
        }
        endItem(item, outcome, phase);
        if (item.firstTokenMillis() >= 0) {
            LOG.info("{}: first token {} ms after Run, {}", item.request().title(), item.firstTokenMillis(), phase.describe());
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

    static RunPhase phaseOf(RunOutcome outcome) {
        if (outcome instanceof RunOutcome.Done d) {
            return new RunPhase.Done(d.latencyMs());
        } else if (outcome instanceof RunOutcome.Refused r) {
            return new RunPhase.Refused(r.reason());
        } else if (outcome instanceof RunOutcome.Failed f) {
            return new RunPhase.Failed(f.message());
        }
        return new RunPhase.Cancelled();
    }

    private void cancelWaiting(RunItem item) {
        item.requestCancel();
        waiting.remove(item);
        endItem(item, new RunOutcome.Cancelled(), new RunPhase.Cancelled());
        renumberWaiting();
    }

    private void endItem(RunItem item, RunOutcome outcome, RunPhase phase) {
        item.finish(outcome, phase);
        if (item.batch() != null) {
            item.batch().count(outcome, item.request().variant().label());
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
        long finished = items.stream().filter(RunItem::isFinished).count();
        for (int i = 0; i < items.size() && finished > FINISHED_KEPT; ) {
            if (items.get(i).isFinished()) {
                items.remove(i);
                finished--;
            } else {
                i++;
            }
        }
    }

    private void renumberWaiting() {
        int pos = active.size() + 1;
        for (RunItem w : waiting) {
            w.setPhase(new RunPhase.Queued(pos++));
        }
        queuedCount.set(waiting.size());
        running.set(!active.isEmpty() || !waiting.isEmpty());
        if (active.isEmpty() && waiting.isEmpty() && lastFinished.get() == null) {
            phaseText.set("Idle");
            progress.set(0);
        }
    }

    private void showCurrent(RunItem item) {
        RunPhase p = item.phase();
        String prefix = item.request().title() + " — ";
        phaseText.set(prefix + p.describe());
        progress.set(p.finished() && !(p instanceof RunPhase.Done) ? 0 : p.progress());
        answerText.set(item.answerText());
    }

    /**
     * The worker-side progress sink of one item. Every call stores the newest state and, unless an update is
     * already on its way, posts one to the UI thread: that is the coalescing (at most one pending update).
     */
    private final class CoalescingSink implements ProgressSink {
        private final RunItem item;
        private final StringBuilder text = new StringBuilder();
        private final AtomicBoolean updatePosted = new AtomicBoolean();
        private RunPhase phase = new RunPhase.PreparingImage();
        private boolean closed;

        CoalescingSink(RunItem item) {
            this.item = item;
        }

        @Override
        public void loadingModel(double fraction, String detail) {
            set(new RunPhase.LoadingModel(fraction, detail), null);
        }

        @Override
        public void preparingImage() {
            set(new RunPhase.PreparingImage(), null);
        }

        @Override
        public void readingPrompt() {
            set(new RunPhase.ReadingPrompt(), null);
        }

        @Override
        public void token(int count, int maxTokens, String piece) {
            item.markFirstToken();
            set(new RunPhase.Writing(count, maxTokens), piece);
        }

        synchronized String text() {
            return text.toString();
        }

        synchronized void close() {
            closed = true;
        }

        private void set(RunPhase p, String piece) {
            synchronized (this) {
                if (closed) {
                    return;
                }
                phase = p;
                if (piece != null) {
                    text.append(piece);
                }
            }
            if (updatePosted.compareAndSet(false, true)) {
                uiThread.execute(this::update);
            }
        }

        private void update() {
            updatePosted.set(false);
            RunPhase p;
            String t;
            synchronized (this) {
                if (closed) {
                    return; // the final state comes with finished()
                }
                p = phase;
                t = text.toString();
            }
            if (item.isFinished()) {
                return;
            }
            item.setPhase(p);
            item.setAnswerText(t);
            if (current.get() == item) {
                showCurrent(item);
                if (item.isCancelRequested()) {
                    phaseText.set("Cancelling… " + p.describe());
                }
            }
        }
    }
}

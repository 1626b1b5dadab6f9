package adreview.ui.review;

import adreview.desk.ListedVariant;
import adreview.review.Cancellation;
import adreview.review.RunOutcome;
import adreview.review.RunRequest;
import adreview.ui.Formats;
import adreview.ui.i18n.Messages;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One queued run as the UI sees it: the request, the variant it was asked for, its state as it goes, the answer as it
 * is written, and how it ended. Its properties change only on the UI thread (through {@link RunQueueViewModel}); the
 * cancellation is the one thing the model thread reads.
 */
public final class RunItem {

    private final RunRequest request;
    private final ListedVariant variant;
    private final Batch batch;
    private final long enqueuedNanos = System.nanoTime();
    private final Cancellation cancellation = Cancellation.manual();
    private final ReadOnlyObjectWrapper<RunState> state = new ReadOnlyObjectWrapper<>(new RunState.Queued(1));
    private final ReadOnlyStringWrapper answerText = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<RunOutcome> outcome = new ReadOnlyObjectWrapper<>();
    private volatile long firstTokenNanos = -1;
    /** Counted down by the worker when its run has returned (before the UI thread hears of it). */
    private final java.util.concurrent.CountDownLatch workEnded = new java.util.concurrent.CountDownLatch(1);

    RunItem(RunRequest request, ListedVariant variant, Batch batch) {
        this.request = request;
        this.variant = variant;
        this.batch = batch;
    }

    public RunRequest request() {
        return request;
    }

    public ListedVariant variant() {
        return variant;
    }

    /** "tenant · 3f2a9c1e": how progress lines and batches name the variant. */
    public String label() {
        String id = Formats.shortId(variant.row().variantId());
        String tenant = variant.row().tenantId();
        return tenant == null || tenant.isBlank() ? id : tenant + " · " + id;
    }

    /** "Stage 1 · tenant · 3f2a9c1e" or "Re-judge Stage 2 · …": the line a progress list shows. */
    public String title() {
        String stage = Messages.get("stage." + request.stage().name().toLowerCase(java.util.Locale.ROOT));
        return Messages.get(request.rejudge() ? "run.title.rejudge" : "run.title", stage, label());
    }

    /** The batch this item belongs to, or null for a single run. */
    public Batch batch() {
        return batch;
    }

    public ReadOnlyObjectProperty<RunState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public RunState state() {
        return state.get();
    }

    /** The answer text as written so far (streamed), then the whole raw answer. */
    public ReadOnlyStringProperty answerTextProperty() {
        return answerText.getReadOnlyProperty();
    }

    public String answerText() {
        return answerText.get();
    }

    /** How the run ended; null while it runs and for a run that was refused or cancelled before it started. */
    public RunOutcome outcome() {
        return outcome.get();
    }

    public boolean isFinished() {
        return state.get().finished();
    }

    public boolean isCancelRequested() {
        return cancellation.getAsBoolean();
    }

    /**
     * What the model thread polls; also says what a cancelled pipeline run does to its variant (Esc: put back;
     * the desk closing: failed) and lets the closing desk record the run at once ({@link Cancellation#abandon}).
     */
    public Cancellation cancellation() {
        return cancellation;
    }

    /** Milliseconds from enqueueing to the first streamed token, or -1 if no token came. */
    public long firstTokenMillis() {
        long t = firstTokenNanos;
        return t < 0 ? -1 : (t - enqueuedNanos) / 1_000_000;
    }

    /** The reviewer's cancel (Esc): a pipeline run's variant is put back as it was. */
    boolean requestCancel() {
        return cancellation.cancel(Cancellation.Effect.RESTORE, "cancelled by the reviewer");
    }

    /** The desk is closing: the run stops and is recorded as failed (cancelled). */
    boolean requestStop(String reason) {
        return cancellation.cancel(Cancellation.Effect.FAIL, reason);
    }

    /** The worker is done with this item: the model call has returned (or it was never started). */
    void workEnded() {
        workEnded.countDown();
    }

    /** Waits up to {@code millis} for the worker to be done with this item; false on time-out. Any thread. */
    public boolean awaitWorkEnded(long millis) throws InterruptedException {
        return workEnded.await(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    void markFirstToken() {
        if (firstTokenNanos < 0) {
            firstTokenNanos = System.nanoTime();
        }
    }

    void setState(RunState s) {
        state.set(s);
    }

    void setAnswerText(String text) {
        answerText.set(text);
    }

    void finish(RunOutcome o, RunState finalState) {
        outcome.set(o);
        state.set(finalState);
    }

    @Override
    public String toString() {
        return title() + " [" + state.get().describe() + "]";
    }
}

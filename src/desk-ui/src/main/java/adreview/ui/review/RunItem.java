package adreview.ui.review;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import adreview.review.Cancellation;

/**
 * One queued run as the UI sees it. Its properties change only on the UI thread (through
 * {@link RunQueueViewModel}); the cancel flag is the one thing the worker thread reads.
 */
public final class RunItem {

    private final RunRequest request;
    private final Batch batch;
    private final long enqueuedNanos = System.nanoTime();
    private final Cancellation cancellation = Cancellation.manual();
    private final ReadOnlyObjectWrapper<RunPhase> phase = new ReadOnlyObjectWrapper<>(new RunPhase.Queued(1));
    private final ReadOnlyStringWrapper answerText = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<RunOutcome> outcome = new ReadOnlyObjectWrapper<>();
    private volatile long firstTokenNanos = -1;
    /** Counted down by the worker when its run has returned (before the UI thread hears of it). */
    private final java.util.concurrent.CountDownLatch workEnded = new java.util.concurrent.CountDownLatch(1);

    RunItem(RunRequest request, Batch batch) {
        this.request = request;
        this.batch = batch;
    }

    public RunRequest request() {
        return request;
    }

    /** The batch this item belongs to, or null for a single run. */
    public Batch batch() {
        return batch;
    }

    public ReadOnlyObjectProperty<RunPhase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    public RunPhase phase() {
        return phase.get();
    }

    /** The answer text as written so far (streamed), then the whole raw answer. */
    public ReadOnlyStringProperty answerTextProperty() {
        return answerText.getReadOnlyProperty();
    }

    public String answerText() {
        return answerText.get();
    }

    public ReadOnlyObjectProperty<RunOutcome> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    /** Null until the run has ended. */
    public RunOutcome outcome() {
        return outcome.get();
    }

    public boolean isFinished() {
        return outcome.get() != null;
    }

    public boolean isCancelRequested() {
        return cancellation.getAsBoolean();
    }

    /**
     * What the worker polls; also says what a cancelled pipeline run does to its variant (Esc: put back;
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

    void setPhase(RunPhase p) {
        phase.set(p);
    }

    void setAnswerText(String text) {
        answerText.set(text);
    }

    void finish(RunOutcome o, RunPhase finalPhase) {
        phase.set(finalPhase);
        outcome.set(o);
    }

    @Override
    public String toString() {
        return request.title() + " [" + phase.get().describe() + "]";
    }
}

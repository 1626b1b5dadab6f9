package adreview.review;

import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * A request to stop one run, and what the stop means for a pipeline run's variant:
 * {@link Effect#RESTORE} (the reviewer pressed Esc: the variant goes back to the state it had) or
 * {@link Effect#FAIL} (the process is ending: Ctrl-C, SIGTERM, the window closed; the run is
 * recorded as failed). Either way the call's trace is stored with the answer written so far.
 * The model polls it before every token; the first {@link #cancel} wins.
 *
 * <p>{@link #abandon()} is for a process that must end now: when the run does not end by itself
 * in time (a model still loading does not poll), it records the cancelled run at once from the
 * calling thread; the run's own final write then finds the run already ended.
 */
public final class Cancellation implements BooleanSupplier {

    /** What a cancelled pipeline run does to its variant. */
    public enum Effect { RESTORE, FAIL }

    private final BooleanSupplier external;
    private volatile Effect effect;
    private volatile String reason;
    private volatile Runnable abandon;

    private Cancellation(BooleanSupplier external) {
        this.external = external;
    }

    /** Cancelled only through {@link #cancel}. */
    public static Cancellation manual() {
        return new Cancellation(null);
    }

    /** Cancelled when {@code flag} turns true (the reviewer's Esc): the variant is put back. */
    public static Cancellation restoring(BooleanSupplier flag) {
        return new Cancellation(flag);
    }

    /**
     * Asks the run to stop.
     *
     * @return false when it had been asked before (the first request's effect stays)
     */
    public synchronized boolean cancel(Effect effect, String reason) {
        if (this.effect != null) {
            return false;
        }
        this.reason = Objects.requireNonNull(reason);
        this.effect = Objects.requireNonNull(effect);
        return true;
    }

    @Override
    public boolean getAsBoolean() {
        if (effect != null) {
            return true;
        }
        if (external != null && external.getAsBoolean()) {
            cancel(Effect.RESTORE, "cancelled by the reviewer");
            return true;
        }
        return false;
    }

    /** The effect of the stop, or null while not cancelled. */
    public Effect effect() {
        getAsBoolean();
        return effect;
    }

    /** Why the run was stopped, or null while not cancelled. */
    public String reason() {
        getAsBoolean();
        return reason;
    }

    /** Set by the review service while the run holds a claim; null otherwise. */
    void onAbandon(Runnable action) {
        this.abandon = action;
    }

    /**
     * Records the cancelled run now, if it holds a claim and has not ended yet; does nothing otherwise.
     * Call only after {@link #cancel}; blocks while the write is retried.
     */
    public void abandon() {
        Runnable a = abandon;
        if (a != null) {
            a.run();
        }
    }
}

package adreview.review;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One stop for many runs (a batch): each run gets its own {@link Cancellation} from {@link #newMember()}, and
 * {@link #cancelAll} stops every one of them, including members made afterwards (a run the batch had not started
 * yet). Ctrl-C on a batch {@code judge} cancels the group.
 */
public final class CancellationGroup {

    private final List<Cancellation> members = new CopyOnWriteArrayList<>();
    private volatile Cancellation.Effect effect;
    private volatile String reason;

    /** A cancellation for one run; already cancelled when the group is. */
    public Cancellation newMember() {
        Cancellation c = Cancellation.manual();
        members.add(c);
        // Added before looking: a cancelAll running now either sees the member or has set the effect already.
        Cancellation.Effect e = effect;
        if (e != null) {
            c.cancel(e, reason);
        }
        return c;
    }

    /**
     * Stops every run of the group.
     *
     * @return false when the group had been cancelled before (the first request's effect stays)
     */
    public boolean cancelAll(Cancellation.Effect effect, String reason) {
        synchronized (this) {
            if (this.effect != null) {
                return false;
            }
            this.reason = Objects.requireNonNull(reason);
            this.effect = Objects.requireNonNull(effect);
        }
        for (Cancellation c : members) {
            c.cancel(effect, reason);
        }
        return true;
    }

    /** Records every member that holds a claim and has not ended ({@link Cancellation#abandon}), one after another. */
    public void abandonAll() {
        for (Cancellation c : members) {
            c.abandon();
        }
    }

    public boolean cancelled() {
        return effect != null;
    }

    /** Why the group was stopped, or null. */
    public String reason() {
        return reason;
    }
}

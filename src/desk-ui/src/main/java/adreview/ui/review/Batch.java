package adreview.ui.review;

import java.util.List;

/** Runs of one stage over a selection; counts are kept by {@link RunQueueViewModel} on the UI thread. */
public final class Batch {

    private final StageKind stage;
    private final int total;
    private int done;
    private int failed;
    private int refused;
    private int cancelled;

    Batch(StageKind stage, int total) {
        this.stage = stage;
        this.total = total;
    }

    void count(RunOutcome outcome) {
        if (outcome instanceof RunOutcome.Done) {
            done++;
        } else if (outcome instanceof RunOutcome.Failed) {
            failed++;
        } else if (outcome instanceof RunOutcome.Refused) {
            refused++;
        } else {
            cancelled++;
        }
    }

    public int total() {
        return total;
    }

    public int finished() {
        return done + failed + refused + cancelled;
    }

    public int done() {
        return done;
    }

    public int failed() {
        return failed;
    }

    public int refused() {
        return refused;
    }

    public int cancelled() {
        return cancelled;
    }

    /** "Batch Stage 1: 4 of 10 finished · 3 done · 1 failed". */
    public String summary() {
        StringBuilder sb = new StringBuilder("Batch ").append(stage.label()).append(": ")
                .append(finished()).append(" of ").append(total).append(" finished");
        for (var part : List.of(new Object[]{done, "done"}, new Object[]{failed, "failed"},
                new Object[]{refused, "refused"}, new Object[]{cancelled, "cancelled"})) {
            if ((int) part[0] > 0) {
                sb.append(" · ").append(part[0]).append(' ').append(part[1]);
            }
        }
        return sb.toString();
    }
}

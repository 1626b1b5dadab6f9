package adreview.ui.review;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs of one stage over a selection; counts are kept by {@link RunQueueViewModel} on the UI thread. Variants
 * whose state a pipeline run may not start from are refused (before the batch or by the service) and listed
 * with their states.
 */
public final class Batch {

    private final StageKind stage;
    private final int total;
    private int done;
    private int failed;
    private int refused;
    private int cancelled;
    private final List<String> refusedStates = new ArrayList<>();

    Batch(StageKind stage, int total) {
        this.stage = stage;
        this.total = total;
    }

    void count(RunOutcome outcome) {
        count(outcome, null);
    }

    /** Counts one run's end; {@code label} names the variant in the list of refused ones. */
    void count(RunOutcome outcome, String label) {
        if (outcome instanceof RunOutcome.Done) {
            done++;
        } else if (outcome instanceof RunOutcome.Failed) {
            failed++;
        } else if (outcome instanceof RunOutcome.Refused r) {
            refused++;
            if (label != null && r.state() != null) {
                refusedStates.add(label + " (" + r.state() + ")");
            }
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

    /** The refused variants with their states, "shoe · 3f2a9c1e (ocr_eval/done)". */
    public List<String> refusedStates() {
        return List.copyOf(refusedStates);
    }

    /** "Batch Stage 1: 4 of 10 finished · 3 done · 1 refused (shoe · 3f2a9c1e (ocr_eval/done))". */
    public String summary() {
        StringBuilder sb = new StringBuilder("Batch ").append(stage.label()).append(": ")
                .append(finished()).append(" of ").append(total).append(" finished");
        for (var part : List.of(new Object[]{done, "done"}, new Object[]{failed, "failed"},
                new Object[]{refused, "refused"}, new Object[]{cancelled, "cancelled"})) {
            if ((int) part[0] > 0) {
                sb.append(" · ").append(part[0]).append(' ').append(part[1]);
                if (part[1].equals("refused") && !refusedStates.isEmpty()) {
                    sb.append(" (").append(String.join(", ", refusedStates)).append(')');
                }
            }
        }
        return sb.toString();
    }
}

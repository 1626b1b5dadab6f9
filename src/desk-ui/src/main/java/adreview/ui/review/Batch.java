package adreview.ui.review;

import adreview.review.prompt.Prompt;
import adreview.ui.i18n.Messages;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs of one stage over a selection; counts are kept by {@link RunQueueViewModel} on the UI thread. Variants whose
 * state a pipeline run may not start from are refused (before the batch or by the service) and listed with their
 * states. One failure never stops the others.
 */
public final class Batch {

    private final Prompt.Stage stage;
    private final int total;
    private int done;
    private int failed;
    private int refused;
    private int cancelled;
    private final List<String> refusedStates = new ArrayList<>();

    Batch(Prompt.Stage stage, int total) {
        this.stage = stage;
        this.total = total;
    }

    /** Counts one run's end; {@code label} and {@code state} name a refused variant in the summary. */
    void count(RunState end, String label, String state) {
        switch (end) {
            case RunState.Done d -> done++;
            case RunState.Failed f -> failed++;
            case RunState.Superseded s -> failed++;
            case RunState.Refused r -> {
                refused++;
                if (label != null && state != null) {
                    refusedStates.add(label + " (" + state + ")");
                }
            }
            default -> cancelled++;
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
        StringBuilder sb = new StringBuilder(Messages.get("batch.summary",
                Messages.get("stage." + stage.name().toLowerCase(Locale.ROOT)), finished(), total));
        if (done > 0) {
            sb.append(" · ").append(Messages.get("batch.done", done));
        }
        if (failed > 0) {
            sb.append(" · ").append(Messages.get("batch.failed", failed));
        }
        if (refused > 0) {
            sb.append(" · ").append(Messages.get("batch.refused", refused));
            if (!refusedStates.isEmpty()) {
                sb.append(" (").append(String.join(", ", refusedStates)).append(')');
            }
        }
        if (cancelled > 0) {
            sb.append(" · ").append(Messages.get("batch.cancelled", cancelled));
        }
        return sb.toString();
    }
}

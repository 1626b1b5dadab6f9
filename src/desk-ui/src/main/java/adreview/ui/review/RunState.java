package adreview.ui.review;

import adreview.review.RunPhase;
import adreview.ui.i18n.Messages;

import java.util.Locale;

/** Where a queued run is, as one value; {@link #describe()} is the line the progress area shows. */
public sealed interface RunState {

    /** Progress in [0, 1], or -1 when there is no measure (an indeterminate bar). */
    double progress();

    String describe();

    /** True once the run can no longer change. */
    default boolean finished() {
        return false;
    }

    record Queued(int position) implements RunState {
        @Override public double progress() { return 0; }
        @Override public String describe() {
            return position <= 1 ? Messages.get("run.queued.next") : Messages.get("run.queued", position);
        }
    }

    /** A step before the answer (loading the model, measuring, preparing the image, reading the prompt). */
    record Working(RunPhase phase, double fraction, String detail) implements RunState {
        @Override public double progress() { return fraction < 0 ? -1 : Math.min(1, fraction); }
        @Override public String describe() {
            String base = Messages.get("run.phase." + phase.name().toLowerCase(Locale.ROOT));
            String pct = fraction < 0 || phase != RunPhase.LOADING_MODEL ? ""
                    : String.format(Locale.ROOT, " %d %%", Math.round(Math.min(1, fraction) * 100));
            return base + pct + (detail == null || detail.isBlank() ? "" : " (" + detail + ")");
        }
    }

    record Writing(int count, int maxTokens) implements RunState {
        @Override public double progress() { return maxTokens <= 0 ? -1 : Math.min(1.0, (double) count / maxTokens); }
        @Override public String describe() { return Messages.get("run.writing", count, maxTokens); }
    }

    record Done(long latencyMs) implements RunState {
        @Override public double progress() { return 1; }
        @Override public String describe() { return Messages.get("run.done", String.format(Locale.ROOT, "%.1f", latencyMs / 1000.0)); }
        @Override public boolean finished() { return true; }
    }

    /**
     * The run did not start; nothing changed.
     *
     * @param rejudgeInstead the variant's state is one a pipeline run may not start from, but a re-judge may run
     */
    record Refused(String reason, boolean rejudgeInstead) implements RunState {
        @Override public double progress() { return 0; }
        @Override public String describe() { return Messages.get("run.refused", reason); }
        @Override public boolean finished() { return true; }
    }

    record Failed(String message) implements RunState {
        @Override public double progress() { return 0; }
        @Override public String describe() { return Messages.get("run.failed", message); }
        @Override public boolean finished() { return true; }
    }

    /** The pipeline moved the variant during the run: the trace is kept, the variant left alone. */
    record Superseded(String message) implements RunState {
        @Override public double progress() { return 0; }
        @Override public String describe() { return Messages.get("run.superseded", message); }
        @Override public boolean finished() { return true; }
    }

    record Cancelled() implements RunState {
        @Override public double progress() { return 0; }
        @Override public String describe() { return Messages.get("run.cancelled"); }
        @Override public boolean finished() { return true; }
    }
}

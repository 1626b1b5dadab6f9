package adreview.ui.review;

import java.util.Locale;

/** Where a queued run is, as one value; {@link #describe()} is the line the progress area shows. */
public sealed interface RunPhase {

    /** Progress in [0, 1], or -1 when there is no measure (an indeterminate bar). */
    double progress();

    String describe();

    /** True once the run can no longer change. */
    default boolean finished() {
        return false;
    }

    record Queued(int position) implements RunPhase {
        @Override public double progress() { return 0; }
        @Override public String describe() { return position <= 1 ? "Queued: next" : "Queued: " + position + " in line"; }
    }

    record LoadingModel(double fraction, String detail) implements RunPhase {
        @Override public double progress() { return fraction < 0 ? -1 : Math.min(1, fraction); }
        @Override public String describe() {
            String pct = fraction < 0 ? "" : String.format(Locale.ROOT, " %d %%", Math.round(Math.min(1, fraction) * 100));
            return "Loading the model…" + pct + (detail == null || detail.isBlank() ? "" : " (" + detail + ")");
        }
    }

    record PreparingImage() implements RunPhase {
        @Override public double progress() { return -1; }
        @Override public String describe() { return "Preparing the image…"; }
    }

    record ReadingPrompt() implements RunPhase {
        @Override public double progress() { return -1; }
        @Override public String describe() { return "Reading the prompt…"; }
    }

    record Writing(int count, int maxTokens) implements RunPhase {
        @Override public double progress() { return maxTokens <= 0 ? -1 : Math.min(1.0, (double) count / maxTokens); }
        @Override public String describe() { return "Writing token " + count + " of at most " + maxTokens; }
    }

    record Done(long latencyMs) implements RunPhase {
        @Override public double progress() { return 1; }
        @Override public String describe() { return String.format(Locale.ROOT, "Done in %.1f s", latencyMs / 1000.0); }
        @Override public boolean finished() { return true; }
    }

    record Refused(String reason) implements RunPhase {
        @Override public double progress() { return 0; }
        @Override public String describe() { return "Refused: " + reason; }
        @Override public boolean finished() { return true; }
    }

    record Failed(String message) implements RunPhase {
        @Override public double progress() { return 0; }
        @Override public String describe() { return "Failed: " + message; }
        @Override public boolean finished() { return true; }
    }

    record Cancelled() implements RunPhase {
        @Override public double progress() { return 0; }
        @Override public String describe() { return "Cancelled: nothing recorded"; }
        @Override public boolean finished() { return true; }
    }
}

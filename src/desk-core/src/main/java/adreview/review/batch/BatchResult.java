package adreview.review.batch;

import adreview.review.RunOutcome;
import adreview.review.RunRequest;

/**
 * How one run of a batch ended.
 *
 * @param outcome the service's outcome; null when the run was refused, not started or its result not stored
 * @param message the refusal, failure or cancellation in one line; null when done
 * @param millis  from the run's start to its end (0 when it did not start)
 */
public record BatchResult(RunRequest request, Kind kind, RunOutcome outcome, String message, long millis) {

    /** The ways a run of a batch ends, in the order a summary lists them. */
    public enum Kind {
        DONE, FAILED, SUPERSEDED, CANCELLED, REFUSED, NOT_STORED, NOT_STARTED;

        /** Lower case with spaces, as the CLI prints it. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        }
    }

    static Kind kindOf(RunOutcome o) {
        return switch (o) {
            case RunOutcome.Done d -> Kind.DONE;
            case RunOutcome.Failed f -> Kind.FAILED;
            case RunOutcome.Superseded s -> Kind.SUPERSEDED;
            case RunOutcome.Cancelled c -> Kind.CANCELLED;
        };
    }

    static String messageOf(RunOutcome o) {
        return switch (o) {
            case RunOutcome.Done d -> null;
            case RunOutcome.Failed f -> f.error();
            case RunOutcome.Superseded s -> s.message();
            case RunOutcome.Cancelled c -> c.message();
        };
    }
}

package adreview.review;

import adreview.review.result.StageResult;
import adreview.store.Trace;

/**
 * How a run ended. Every run that got as far as the model stored a trace; only a run cancelled
 * before it started has none. A refused run throws {@link StageRefusedException} instead.
 */
public sealed interface RunOutcome
        permits RunOutcome.Done, RunOutcome.Failed, RunOutcome.Cancelled, RunOutcome.Superseded {

    /** The answer parsed. */
    record Done(Trace trace, StageResult result, String rawText, int tokens, long latencyMs) implements RunOutcome {
    }

    /**
     * Model, image or parse failure, or a run stopped because the process ended (the trace's response
     * then has {@code cancelled: true}); the response holds {@code error} and {@code raw_text}.
     */
    record Failed(Trace trace, String error, String rawText) implements RunOutcome {
    }

    /**
     * The reviewer cancelled: a pipeline run's variant is back as it was. {@code trace} holds the call
     * and its partial answer; null when the run was cancelled before the model started.
     */
    record Cancelled(String message, Trace trace) implements RunOutcome {
        public Cancelled(String message) {
            this(message, null);
        }
    }

    /**
     * The run ended, but the variant was no longer at the step and {@code running} state the run set
     * (the pipeline moved it, or the run's claim had been recovered): its trace is stored, marked
     * {@code superseded} with the state found, and the variant was left alone. {@code trace} is null
     * only when the variant was deleted meanwhile.
     */
    record Superseded(Trace trace, String foundStep, String foundStatus, String message) implements RunOutcome {
    }
}

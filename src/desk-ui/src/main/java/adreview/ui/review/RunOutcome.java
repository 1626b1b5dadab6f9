package adreview.ui.review;

import java.util.UUID;

/** How a run ended. */
public sealed interface RunOutcome {

    /** The model answered and the answer parsed; {@code traceId} is the stored trace. */
    record Done(StageAnswer answer, UUID traceId, long latencyMs) implements RunOutcome { }

    /**
     * The run was not started, e.g. Stage 2 on a variant whose overlay is not done (SPEC §3). Nothing changed.
     *
     * @param state          the variant's "step/status" when the refusal was about its state, else null
     * @param rejudgeInstead the state is one a pipeline run may not start from, but a re-judge may run
     */
    record Refused(String reason, String state, boolean rejudgeInstead) implements RunOutcome {
        public Refused(String reason) {
            this(reason, null, false);
        }
    }

    /** Model, image or parse failure; a trace with the error (and raw model text) may have been stored. */
    record Failed(String message, String rawText, UUID traceId) implements RunOutcome { }

    /** The reviewer cancelled; nothing was recorded as done. */
    record Cancelled() implements RunOutcome { }
}

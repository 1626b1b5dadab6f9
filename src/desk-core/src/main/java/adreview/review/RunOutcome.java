package adreview.review;

import adreview.store.Trace;

/**
 * How a run ended. {@link Done} and {@link Failed} stored a trace; {@link Cancelled} stored nothing
 * and left the variant as it was. A refused run throws {@link StageRefusedException} instead.
 */
public sealed interface RunOutcome permits RunOutcome.Done, RunOutcome.Failed, RunOutcome.Cancelled {

    /** The answer parsed: {@code result} is a Stage1Result or Stage2Result. */
    record Done(Trace trace, Object result, String rawText, int tokens, long latencyMs) implements RunOutcome {
    }

    /** Model, image or parse failure; the trace's response holds {@code error} and {@code raw_text}. */
    record Failed(Trace trace, String error, String rawText) implements RunOutcome {
    }

    record Cancelled(String message) implements RunOutcome {
    }
}

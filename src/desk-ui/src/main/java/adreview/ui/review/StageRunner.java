package adreview.ui.review;

import java.util.function.BooleanSupplier;

/**
 * Runs one stage on one variant: the UI's view of the review service. Called only on the model worker
 * thread, one run at a time. Implementations map the review service's results into {@link RunOutcome}s
 * and expected troubles (precondition refused, missing image, parse failure) into {@link RunOutcome.Refused}
 * or {@link RunOutcome.Failed}; an exception is treated like a failure with its message.
 */
public interface StageRunner {

    /**
     * @param cancelled polled by the engine between tokens; once true the run stops and nothing is recorded as done
     */
    RunOutcome run(RunRequest request, ProgressSink progress, BooleanSupplier cancelled) throws Exception;
}

package adreview.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * One row of {@code desk_runs}: a pipeline run the desk started on a variant.
 *
 * @param stage        1 or 2
 * @param expectedStep the step the run set to {@code running} ({@code vlm_analyze} / {@code vlm_judge})
 * @param fromStep     the variant's step before the run
 * @param fromStatus   the variant's status before the run
 * @param owner        host and pid of the process that runs it
 * @param finishedAt   null while the claim is open
 * @param outcome      null while open
 * @param detail       why it ended: the error, the state found, the recovery reason
 * @param request      the trace request the run was started with (recovery stores it in its trace)
 * @param partialText  the model's answer as of the last heartbeat
 * @param traceId      the trace that closed the claim
 */
public record RunClaim(UUID runId, UUID variantId, UUID jobId, int stage, String expectedStep,
                       String fromStep, String fromStatus, ProcessIdentity owner,
                       Instant startedAt, Instant heartbeatAt, Instant finishedAt,
                       ClaimOutcome outcome, String detail, JsonNode request, String partialText, UUID traceId) {

    public boolean open() {
        return finishedAt == null;
    }

    /** {@code analyze} for Stage 1, {@code judge} for Stage 2: the trace's operation type. */
    public String operationType() {
        return stage == 2 ? "judge" : "analyze";
    }
}

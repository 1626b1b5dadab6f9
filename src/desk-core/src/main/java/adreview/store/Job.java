package adreview.store;

import java.time.Instant;
import java.util.UUID;

/** One ad request ({@code jobs} joined with its brief in {@code job_inputs}). */
public record Job(UUID jobId, String tenantId, String status, String currentStep,
                  Instant createdAt, Instant updatedAt, String descEng, String descKor) {
}

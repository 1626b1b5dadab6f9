package adreview.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * One stored model call ({@code vlm_traces}). Traces are history: never updated or deleted.
 *
 * @param variantId null for the pipeline's older traces that only know their job
 * @param response  the result, or {@code {"error": ..., "raw_text": ...}} for a failed call; may be null
 * @param latencyMs null when not measured
 */
public record Trace(UUID traceId, UUID jobId, UUID variantId, String provider, String operationType,
                    JsonNode request, JsonNode response, Integer latencyMs,
                    Instant createdAt, Instant updatedAt) {

    /** True when the response records an error instead of a result. */
    public boolean failed() {
        return response == null || response.hasNonNull("error");
    }
}

package adreview.ui.data;

import java.time.Instant;
import java.util.UUID;

/**
 * One stored model call ({@code vlm_traces} row).
 *
 * @param variantId    {@code job_variants_id}; {@code null} for old rows that only name the job
 * @param requestJson  the request column as JSON text (may be {@code null})
 * @param responseJson the response column as JSON text (may be {@code null})
 */
public record TraceEntry(UUID traceId, UUID jobId, UUID variantId, Instant createdAt, String provider,
                         String operationType, Long latencyMs, String requestJson, String responseJson) {
}

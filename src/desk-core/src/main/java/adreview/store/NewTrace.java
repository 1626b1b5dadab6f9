package adreview.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.UUID;

/** A trace to insert; id and times are given by the database. */
public record NewTrace(UUID jobId, UUID variantId, String provider, String operationType,
                       JsonNode request, JsonNode response, Integer latencyMs) {

    public NewTrace {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(operationType, "operationType");
        Objects.requireNonNull(request, "request");
    }
}

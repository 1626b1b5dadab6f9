package adreview.ui.review;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/** One {@code vlm_traces} row of a variant as the comparison view needs it. */
public record TraceEntry(UUID id, Instant createdAt, String operationType, long latencyMs, JsonNode request, JsonNode response) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    public boolean rejudge() {
        return request != null && request.path("rejudge").asBoolean(false);
    }

    /** "2026-11-26 06:12:03 · analyze · re-judge · 3f2a9c1e". */
    public String label() {
        return TIME.format(createdAt) + " · " + operationType + (rejudge() ? " · re-judge" : "")
                + " · " + id.toString().substring(0, 8);
    }

    @Override
    public String toString() {
        return label();
    }
}

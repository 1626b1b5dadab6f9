package adreview.app.cli;

import adreview.store.AssetLocation;
import adreview.store.Trace;
import adreview.store.VariantRow;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/** JSON shapes of the CLI's output (stable field names: scripts read them). */
final class CliJson {

    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private CliJson() {
    }

    static String pretty(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String shortTime(Instant instant) {
        return instant == null ? "-" : SHORT.format(instant);
    }

    static ObjectNode row(VariantRow row) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("variant_id", text(row.variantId()));
        n.put("job_id", text(row.jobId()));
        n.put("tenant_id", row.tenantId());
        n.put("current_step", row.currentStep());
        n.put("status", row.status());
        n.put("updated_at", text(row.updatedAt()));
        n.put("image_url", row.imageUrl());
        n.put("render_url", row.renderUrl());
        if (row.stage1Score() == null) {
            n.putNull("stage1_relevance_score");
        } else {
            n.put("stage1_relevance_score", row.stage1Score());
        }
        if (row.stage1Valid() == null) {
            n.putNull("stage1_is_valid");
        } else {
            n.put("stage1_is_valid", row.stage1Valid());
        }
        n.put("stage1_at", text(row.stage1At()));
        n.put("stage2_verdict", row.stage2Verdict());
        n.put("stage2_at", text(row.stage2At()));
        n.put("rejudged", row.rejudged());
        return n;
    }

    static ObjectNode trace(Trace trace) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("vlm_trace_id", text(trace.traceId()));
        n.put("job_id", text(trace.jobId()));
        n.put("job_variants_id", text(trace.variantId()));
        n.put("provider", trace.provider());
        n.put("operation_type", trace.operationType());
        if (trace.latencyMs() == null) {
            n.putNull("latency_ms");
        } else {
            n.put("latency_ms", trace.latencyMs());
        }
        n.put("created_at", text(trace.createdAt()));
        n.set("request", trace.request());
        n.set("response", trace.response());
        return n;
    }

    static ObjectNode asset(AssetLocation location) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("url", location.url());
        if (location instanceof AssetLocation.LocalFile local) {
            n.put("path", local.path().toString());
            n.put("exists", local.exists());
        } else {
            n.putNull("path");
            n.put("exists", false);
        }
        n.put("problem", location.problem());
        return n;
    }

    static String text(UUID id) {
        return id == null ? null : id.toString();
    }

    static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}

package adreview.ui.trace;

import adreview.ui.Formats;
import adreview.ui.data.TraceEntry;
import adreview.ui.json.TraceResult;

/**
 * One line of the trace history as shown: time, operation, latency, key result, and whether the
 * trace belongs to the variant or only to its job.
 */
public record TraceRow(TraceEntry trace, String time, String operation, String latency, String result, String scope) {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    public static TraceRow of(TraceEntry t) {
        String scope = t.variantId() != null ? "variant" : "job";
        String operation = (t.operationType() == null ? "" : t.operationType()) + remoteBackend(t.requestJson());
        return new TraceRow(t, Formats.traceTime(t.createdAt()), operation, Formats.latency(t.latencyMs()),
                TraceResult.summarize(t.responseJson()), scope);
    }

    /** " · openai" for an answer from a server backend, so that local and remote rows tell apart; else "". */
    static String remoteBackend(String requestJson) {
        if (requestJson == null || !requestJson.contains("\"backend\"")) {
            return "";
        }
        try {
            String backend = JSON.readTree(requestJson).path("backend").asText("");
            return backend.isEmpty() || backend.equals("local") ? "" : " · " + backend;
        } catch (java.io.IOException | RuntimeException e) {
            return "";
        }
    }

    public boolean failed() {
        return result.startsWith("error");
    }
}

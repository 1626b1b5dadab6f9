package adreview.ui.trace;

import adreview.ui.Formats;
import adreview.ui.data.TraceEntry;
import adreview.ui.json.TraceResult;

/**
 * One line of the trace history as shown: time, operation, latency, key result, and whether the
 * trace belongs to the variant or only to its job.
 */
public record TraceRow(TraceEntry trace, String time, String operation, String latency, String result, String scope) {

    public static TraceRow of(TraceEntry t) {
        String scope = t.variantId() != null ? "variant" : "job";
        String operation = t.operationType() == null ? "" : t.operationType();
        return new TraceRow(t, Formats.traceTime(t.createdAt()), operation, Formats.latency(t.latencyMs()),
                TraceResult.summarize(t.responseJson()), scope);
    }

    public boolean failed() {
        return result.startsWith("error");
    }
}

package adreview.ui.trace;

import adreview.review.result.Results;
import adreview.review.result.Stage1Result;
import adreview.review.result.Stage2Result;
import adreview.store.Trace;
import adreview.ui.Formats;
import adreview.ui.i18n.Messages;

import java.util.Locale;
import java.util.UUID;

/**
 * One line of the trace history as shown: time, operation, latency, key result, and whether the trace belongs to the
 * variant or only to its job.
 */
public record TraceRow(Trace trace, String time, String operation, String latency, String result, String scope) {

    public static TraceRow of(Trace t, UUID variantId) {
        String scope = variantId != null && variantId.equals(t.variantId()) ? Messages.get("trace.scope.variant")
                : Messages.get("trace.scope.job");
        String operation = t.operationType() == null ? "" : t.operationType();
        if (t.request() != null && t.request().path("rejudge").asBoolean(false)) {
            operation = Messages.get("trace.rejudge", operation);
        }
        operation += remoteBackend(t);
        return new TraceRow(t, Formats.traceTime(t.createdAt()), operation,
                Formats.latency(t.latencyMs() == null ? null : t.latencyMs().longValue()), summary(t), scope);
    }

    /** " · openai" for an answer from a server backend, so that local and remote rows tell apart; else "". */
    static String remoteBackend(Trace t) {
        String backend = t.request() == null ? "" : t.request().path("backend").asText("");
        return backend.isEmpty() || backend.equals("local") ? "" : " · " + backend;
    }

    /** E.g. "score 0.82 · valid", "pass", "fail: occlusion, no cta", "error: image file missing". */
    static String summary(Trace t) {
        var response = t.response();
        if (response == null || response.isNull()) {
            return "";
        }
        if (response.hasNonNull("error")) {
            var error = response.get("error");
            return Messages.get("trace.error", error.isObject() ? error.path("message").asText() : error.asText());
        }
        return Results.fromResponse(t.operationType(), response).map(r -> switch (r) {
            case Stage1Result s1 -> Messages.get(s1.isValid() ? "trace.stage1.valid" : "trace.stage1.notValid",
                    String.format(Locale.ROOT, "%.2f", s1.relevanceScore()));
            case Stage2Result s2 -> s2.verdict();
        }).orElse("");
    }

    public boolean failed() {
        return trace.response() != null && trace.response().hasNonNull("error");
    }
}

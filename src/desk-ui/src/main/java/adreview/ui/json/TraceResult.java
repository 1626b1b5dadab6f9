package adreview.ui.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The key result of a trace in one short line, picked from its response JSON: the relevance score of a
 * Stage 1 analysis, the verdict of a Stage 2 judgement, or the error of a failed call.
 */
public final class TraceResult {

    private TraceResult() {
    }

    /** E.g. "score 0.82 · valid", "pass", "fail: occlusion, no cta", "error: image file missing". */
    public static String summarize(String responseJson) {
        JsonNode response = PrettyJson.parseOrNull(responseJson);
        if (response == null) {
            return responseJson == null || responseJson.isBlank() ? "" : "unparsable response";
        }
        String error = error(response);
        if (error != null) {
            return "error: " + error;
        }
        if (response.has("relevance_score")) {
            StringBuilder text = new StringBuilder("score ")
                    .append(String.format(Locale.ROOT, "%.2f", response.get("relevance_score").asDouble()));
            if (response.has("is_valid")) {
                text.append(response.get("is_valid").asBoolean() ? " · valid" : " · not valid");
            }
            return text.toString();
        }
        if (isStage2(response)) {
            return stage2Verdict(response);
        }
        return "";
    }

    /** The relevance score of a Stage 1 response, or {@code null}. */
    public static Double relevanceScore(String responseJson) {
        JsonNode response = PrettyJson.parseOrNull(responseJson);
        if (response == null || !response.has("relevance_score") || !response.get("relevance_score").isNumber()) {
            return null;
        }
        return response.get("relevance_score").asDouble();
    }

    /** "pass" when on brief, no occlusion, contrast ok and CTA present; else "fail: …" (the store's wording); "error" for failures. */
    public static String stage2Verdict(String responseJson) {
        JsonNode response = PrettyJson.parseOrNull(responseJson);
        if (response == null) {
            return null;
        }
        if (error(response) != null) {
            return "error";
        }
        return isStage2(response) ? stage2Verdict(response) : null;
    }

    private static boolean isStage2(JsonNode r) {
        return r.has("on_brief") || r.has("occlusion") || r.has("contrast_ok") || r.has("cta_present");
    }

    private static String stage2Verdict(JsonNode r) {
        List<String> issues = new ArrayList<>();
        if (r.has("on_brief") && !r.get("on_brief").asBoolean()) {
            issues.add("off brief");
        }
        if (r.has("occlusion") && r.get("occlusion").asBoolean()) {
            issues.add("occlusion");
        }
        if (r.has("contrast_ok") && !r.get("contrast_ok").asBoolean()) {
            issues.add("contrast");
        }
        if (r.has("cta_present") && !r.get("cta_present").asBoolean()) {
            issues.add("no cta");
        }
        return issues.isEmpty() ? "pass" : "fail: " + String.join(", ", issues);
    }

    private static String error(JsonNode r) {
        JsonNode error = r.get("error");
        if (error == null || error.isNull()) {
            return null;
        }
        if (error.isTextual()) {
            return error.asText();
        }
        JsonNode message = error.get("message");
        return message != null ? message.asText() : error.toString();
    }
}

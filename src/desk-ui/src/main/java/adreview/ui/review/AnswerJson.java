package adreview.ui.review;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a stored trace response (the SPEC §2/§3 field names) back into a {@link StageAnswer}, so the
 * results views can show a variant's latest result from its trace history. Responses holding an error
 * (a failed run) give no answer.
 */
public final class AnswerJson {

    private AnswerJson() {
    }

    public static Optional<StageAnswer> fromTrace(TraceEntry trace) {
        JsonNode r = trace.response();
        if (r == null || !r.isObject() || r.hasNonNull("error")) {
            return Optional.empty();
        }
        if ("analyze".equals(trace.operationType()) && r.has("relevance_score")) {
            JsonNode f = r.path("font_recommendation");
            return Optional.of(new StageAnswer.Stage1Answer(
                    r.path("is_valid").asBoolean(false),
                    r.path("image_quality_ok").asBoolean(false),
                    r.path("relevance_score").asDouble(0),
                    r.path("analysis").asText(""),
                    strings(r.path("issues")),
                    strings(r.path("recommendations")),
                    f.isObject() ? new StageAnswer.FontAdvice(f.path("style").asText(""), f.path("size").asText(""),
                            f.path("color").asText("")) : null));
        }
        if ("judge".equals(trace.operationType()) && r.has("on_brief")) {
            return Optional.of(new StageAnswer.Stage2Answer(
                    r.path("on_brief").asBoolean(false),
                    r.path("occlusion").asBoolean(false),
                    r.path("contrast_ok").asBoolean(false),
                    r.path("cta_present").asBoolean(false),
                    r.path("analysis").asText(""),
                    strings(r.path("issues"))));
        }
        return Optional.empty();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array.isArray()) {
            array.forEach(n -> out.add(n.asText()));
        }
        return out;
    }
}

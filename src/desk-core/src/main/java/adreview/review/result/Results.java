package adreview.review.result;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Strict reading and writing of stage answers: {@link #stage1(JsonNode, boolean)} and
 * {@link #stage2(JsonNode)} demand every field with its exact JSON type (what constrained decoding
 * guarantees) and throw {@link AnswerFormatException} naming the first field that is wrong.
 */
public final class Results {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Results() {
    }

    public static ObjectMapper json() {
        return JSON;
    }

    /** The answer as a JSON tree for a trace's {@code response}. */
    public static ObjectNode toJson(Object result) {
        return JSON.valueToTree(result);
    }

    /**
     * The answer a stored trace holds, if any: a Stage 1 ({@code analyze}) or Stage 2 ({@code judge}) response that
     * is a valid answer. Failed calls (an {@code error} field), other operations and damaged JSON give nothing.
     */
    public static Optional<StageResult> fromResponse(String operationType, JsonNode response) {
        if (response == null || !response.isObject() || response.hasNonNull("error")) {
            return Optional.empty();
        }
        try {
            return switch (operationType == null ? "" : operationType) {
                case "analyze" -> Optional.of(stage1(response, false));
                case "judge" -> Optional.of(stage2(response));
                default -> Optional.empty();
            };
        } catch (AnswerFormatException e) {
            return Optional.empty();
        }
    }

    public static Stage1Result stage1(String json, boolean withFont) {
        return stage1(readObject(json), withFont);
    }

    public static Stage2Result stage2(String json) {
        return stage2(readObject(json));
    }

    public static Stage1Result stage1(JsonNode n, boolean withFont) {
        requireObject(n, "answer");
        FontRecommendation font = null;
        if (withFont || n.has("font_recommendation")) {
            JsonNode f = field(n, "font_recommendation");
            requireObject(f, "font_recommendation");
            font = wrap(() -> new FontRecommendation(
                    FontRecommendation.Style.of(text(f, "style", "font_recommendation.style")),
                    FontRecommendation.Size.of(text(f, "size", "font_recommendation.size")),
                    FontRecommendation.Color.of(text(f, "color", "font_recommendation.color"))));
        }
        FontRecommendation fontValue = font;
        JsonNode score = field(n, "relevance_score");
        if (!score.isNumber()) {
            throw new AnswerFormatException("relevance_score must be a number, got " + score);
        }
        return wrap(() -> new Stage1Result(bool(n, "is_valid"), bool(n, "image_quality_ok"), score.asDouble(),
                text(n, "analysis", "analysis"), list(n, "issues"), list(n, "recommendations"), fontValue));
    }

    public static Stage2Result stage2(JsonNode n) {
        requireObject(n, "answer");
        return wrap(() -> new Stage2Result(bool(n, "on_brief"), bool(n, "occlusion"), bool(n, "contrast_ok"),
                bool(n, "cta_present"), text(n, "analysis", "analysis"), list(n, "issues")));
    }

    static List<String> copyItems(List<String> items, String field) {
        Objects.requireNonNull(items, field);
        for (String s : items) {
            if (s == null) {
                throw new IllegalArgumentException(field + " holds a null item");
            }
        }
        return List.copyOf(items);
    }

    private static JsonNode readObject(String json) {
        if (json == null) {
            // Found by fuzzing: Jackson rejects null content with a plain IllegalArgumentException.
            throw new AnswerFormatException("answer is empty");
        }
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new AnswerFormatException("answer is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static <T> T wrap(java.util.function.Supplier<T> make) {
        try {
            return make.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw e instanceof AnswerFormatException a ? a : new AnswerFormatException(e.getMessage());
        }
    }

    private static void requireObject(JsonNode n, String what) {
        if (n == null || !n.isObject()) {
            throw new AnswerFormatException(what + " must be a JSON object, got " + (n == null ? "nothing" : n.getNodeType()));
        }
    }

    private static JsonNode field(JsonNode n, String name) {
        JsonNode v = n.get(name);
        if (v == null || v.isNull()) {
            throw new AnswerFormatException(name + " is missing");
        }
        return v;
    }

    private static boolean bool(JsonNode n, String name) {
        JsonNode v = field(n, name);
        if (!v.isBoolean()) {
            throw new AnswerFormatException(name + " must be true or false, got " + v);
        }
        return v.booleanValue();
    }

    private static String text(JsonNode n, String name, String path) {
        JsonNode v = n.get(name);
        if (v == null || v.isNull()) {
            throw new AnswerFormatException(path + " is missing");
        }
        if (!v.isTextual()) {
            throw new AnswerFormatException(path + " must be a string, got " + v);
        }
        return v.textValue();
    }

    private static List<String> list(JsonNode n, String name) {
        JsonNode v = field(n, name);
        if (!v.isArray()) {
            throw new AnswerFormatException(name + " must be a list of strings, got " + v);
        }
        List<String> out = new ArrayList<>();
        Iterator<JsonNode> it = v.elements();
        while (it.hasNext()) {
            JsonNode item = it.next();
            if (!item.isTextual()) {
                throw new AnswerFormatException(name + " must hold only strings, got " + item);
            }
            out.add(item.textValue());
        }
        return out;
    }
}

package adreview.review.structured;

import adreview.review.result.FontRecommendation;
import adreview.review.result.Stage1Result;
import adreview.review.result.Stage2Result;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns unconstrained model text into a Stage 1 / Stage 2 result when it can, or a
 * {@link ParsedAnswer.Failed} with a message and the raw text when it cannot. Used when constrained
 * decoding is switched off; on constrained output it simply reads clean JSON. Lenient on form
 * (see {@link LenientJsonReader}) and on values: keys in any case or with spaces, booleans as
 * "yes"/"true"/1, a score as "0.8", 80%, 8/10 or 85 (read as 85%), a lone string where a list
 * belongs. A missing boolean or score is a failure: the parser never invents a verdict. Missing
 * text or lists become empty, a missing or unreadable font becomes none, each with a note.
 */
public final class TolerantAnswerParser {

    public ParsedAnswer<Stage1Result> stage1(String raw) {
        return parse(raw, (obj, notes) -> {
            Map<String, JsonNode> f = fields(obj);
            boolean valid = bool(f, "is_valid");
            boolean quality = bool(f, "image_quality_ok");
            double score = score(f, notes);
            return new Stage1Result(valid, quality, score, text(f, "analysis", notes), list(f, "issues", notes),
                    list(f, "recommendations", notes), font(f, notes));
        });
    }

    public ParsedAnswer<Stage2Result> stage2(String raw) {
        return parse(raw, (obj, notes) -> {
            Map<String, JsonNode> f = fields(obj);
            return new Stage2Result(bool(f, "on_brief"), bool(f, "occlusion"), bool(f, "contrast_ok"),
                    bool(f, "cta_present"), text(f, "analysis", notes), list(f, "issues", notes));
        });
    }

    private interface Reader<T> {
        T read(ObjectNode obj, List<String> notes);
    }

    private static <T> ParsedAnswer<T> parse(String raw, Reader<T> reader) {
        if (raw == null || raw.isBlank()) {
            return new ParsedAnswer.Failed<>("the model returned no text", raw);
        }
        try {
            LenientJsonReader r = LenientJsonReader.read(raw);
            ObjectNode obj = r.object();
            List<String> notes = new ArrayList<>(r.repairs());
            T result = reader.read(obj, notes);
            return new ParsedAnswer.Parsed<>(result, notes, raw);
        } catch (IllegalArgumentException | NullPointerException e) {
            return new ParsedAnswer.Failed<>("could not read the answer: " + e.getMessage(), raw);
        }
    }

    /** Keys folded to snake_case lower case, so "Is Valid", "isValid" and "is-valid" all find is_valid. */
    private static Map<String, JsonNode> fields(JsonNode obj) {
        Map<String, JsonNode> out = new java.util.HashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = obj.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            out.putIfAbsent(fold(e.getKey()), e.getValue());
        }
        return out;
    }

    static String fold(String key) {
        String k = key.trim().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
        return k.replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    }

    private static boolean bool(Map<String, JsonNode> f, String name) {
        JsonNode v = f.get(name);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException(name + " is missing");
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isNumber() && (v.asDouble() == 0 || v.asDouble() == 1)) {
            return v.asDouble() == 1;
        }
        String s = v.asText().trim().toLowerCase(Locale.ROOT);
        if (s.equals("true") || s.equals("yes") || s.equals("y")) {
            return true;
        }
        if (s.equals("false") || s.equals("no") || s.equals("n")) {
            return false;
        }
        throw new IllegalArgumentException(name + " must be true or false, got " + v);
    }

    private static double score(Map<String, JsonNode> f, List<String> notes) {
        JsonNode v = f.get("relevance_score");
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("relevance_score is missing");
        }
        Double d = v.isNumber() ? Double.valueOf(v.asDouble()) : LenientJsonReader.number(v.asText().trim());
        if (d == null) {
            throw new IllegalArgumentException("relevance_score must be a number in 0.0-1.0, got " + v);
        }
        if (!v.isNumber()) {
            notes.add("read relevance_score " + v + " as " + d);
        }
        if (d > 1.0 && d <= 100.0) {
            notes.add("read relevance_score " + d + " as a percentage");
            d = d / 100.0;
        }
        if (d < 0.0 || d > 1.0) {
            throw new IllegalArgumentException("relevance_score must be within 0.0-1.0, got " + v);
        }
        return d;
    }

    private static String text(Map<String, JsonNode> f, String name, List<String> notes) {
        JsonNode v = f.get(name);
        if (v == null || v.isNull()) {
            notes.add(name + " was missing: left empty");
            return "";
        }
        if (v.isArray()) {
            List<String> parts = new ArrayList<>();
            v.forEach(x -> parts.add(x.asText()));
            return String.join(" ", parts);
        }
        return v.isContainerNode() ? v.toString() : v.asText();
    }

    private static List<String> list(Map<String, JsonNode> f, String name, List<String> notes) {
        JsonNode v = f.get(name);
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            notes.add(name + " was missing: left empty");
            return out;
        }
        if (v.isArray()) {
            for (JsonNode item : v) {
                if (!item.isNull()) {
                    out.add(item.isContainerNode() ? item.toString() : item.asText());
                }
            }
            return out;
        }
        String s = v.asText().trim();
        if (!s.isEmpty() && !s.equalsIgnoreCase("none")) {
            notes.add(name + " was a single text: read as a list of one");
            out.add(s);
        }
        return out;
    }

    private static FontRecommendation font(Map<String, JsonNode> f, List<String> notes) {
        JsonNode v = f.get("font_recommendation");
        if (v == null || v.isNull()) {
            v = f.get("font");
        }
        if (v == null || v.isNull() || !v.isObject()) {
            notes.add("font_recommendation was missing or not an object: none");
            return null;
        }
        Map<String, JsonNode> ff = fields(v);
        try {
            return new FontRecommendation(
                    FontRecommendation.Style.of(word(ff.get("style")).replace(' ', '-').replace("sansserif", "sans-serif")),
                    FontRecommendation.Size.of(word(ff.get("size"))),
                    FontRecommendation.Color.of(word(ff.get("color") != null ? ff.get("color") : ff.get("colour"))));
        } catch (IllegalArgumentException e) {
            notes.add("font_recommendation unreadable (" + e.getMessage() + "): none");
            return null;
        }
    }

    private static String word(JsonNode v) {
        return v == null || v.isNull() ? "" : v.asText().trim().toLowerCase(Locale.ROOT);
    }
}

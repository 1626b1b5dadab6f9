package adreview.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Text PostgreSQL stores as it is given. It refuses one character, NUL (U+0000), both in {@code text}
 * columns and as {@code \u0000} in {@code jsonb}; a model's free-text answer may contain it, and a
 * trace must be stored whatever the model wrote. NUL becomes the six characters {@code \u0000}
 * (visible, and unambiguous enough for a reader); everything else is kept.
 */
public final class PostgresText {

    /** What a NUL character is stored as. */
    public static final String NUL_REPLACEMENT = "\\u0000";

    private PostgresText() {
    }

    /** {@code s} with NUL replaced; null stays null. */
    public static String text(String s) {
        return s == null || s.indexOf('\0') < 0 ? s : s.replace("\0", NUL_REPLACEMENT);
    }

    /** {@code node} itself when it holds no NUL (in values or field names), else a copy without. */
    public static JsonNode json(JsonNode node) {
        return node == null || !containsNul(node) ? node : copy(node);
    }

    private static boolean containsNul(JsonNode node) {
        if (node.isTextual()) {
            return node.textValue().indexOf('\0') >= 0;
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().indexOf('\0') >= 0 || containsNul(e.getValue())) {
                    return true;
                }
            }
            return false;
        }
        if (node.isArray()) {
            for (JsonNode child : node) {
                if (containsNul(child)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static JsonNode copy(JsonNode node) {
        if (node.isTextual()) {
            return JsonNodeFactory.instance.textNode(text(node.textValue()));
        }
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            node.fields().forEachRemaining(e -> out.set(text(e.getKey()), copy(e.getValue())));
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(child -> out.add(copy(child)));
            return out;
        }
        return node;
    }
}

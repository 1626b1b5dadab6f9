package adreview.ui.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import adreview.ui.i18n.Messages;

/** Pretty-prints JSON for the trace view; text that is not JSON is shown as it is, with a note. */
public final class PrettyJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PrettyJson() {
    }

    /** Indented JSON (2 spaces); {@code "(empty)"} for null or blank; raw text with a note if it does not parse. */
    /** A JSON tree indented for reading. */
    public static String format(com.fasterxml.jackson.databind.JsonNode json) {
        return format(json.toString());
    }

    public static String format(String json) {
        if (json == null || json.isBlank()) {
            return Messages.get("json.empty");
        }
        try {
            JsonNode node = MAPPER.readTree(json);
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            return Messages.get("json.invalid", e.getOriginalMessage()) + "\n\n" + json;
        }
    }

    /** Parses JSON, or returns {@code null} when it is missing or invalid. */
    public static JsonNode parseOrNull(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}

package adreview.review.structured;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the JSON object in a model's free text the way a forgiving human would: skips prose and
 * code fences around it, takes single or typographic quotes, unquoted keys, Python
 * {@code True/False/None}, trailing or missing commas, comments, numbers written as {@code 0.8/1.0}
 * or {@code 80%}, and closes what a truncated answer left open. Every liberty taken is noted in
 * {@link #repairs()}. Throws {@link IllegalArgumentException} when there is no object at all.
 */
final class LenientJsonReader {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String text;
    private final List<String> repairs = new ArrayList<>();
    private int pos;

    private LenientJsonReader(String text) {
        this.text = text;
    }

    static LenientJsonReader read(String raw) {
        return new LenientJsonReader(normalise(raw));
    }

    List<String> repairs() {
        return repairs;
    }

    /** The first object in the text, from its first {@code '{'}. */
    ObjectNode object() {
        int start = text.indexOf('{');
        if (start < 0) {
            throw new IllegalArgumentException("no JSON object in the answer (no '{' found)");
        }
        if (!text.substring(0, start).isBlank()) {
            repairs.add("skipped text before the JSON object");
        }
        pos = start;
        ObjectNode node = readObject();
        skipSpaceAndComments();
        if (pos < text.length()) {
            repairs.add("skipped text after the JSON object");
        }
        return node;
    }

    private static String normalise(String raw) {
        String s = raw.replace('\u201C', '"').replace('\u201D', '"').replace('\u201E', '"').replace('\u00AB', '"')
                .replace('\u00BB', '"').replace('\u2018', '\'').replace('\u2019', '\'').replace('\u00A0', ' ');
        // Code fences carry no JSON; drop the fence lines themselves.
        return s.replaceAll("(?m)^\\s*```[a-zA-Z]*\\s*$", "").replace("```json", "").replace("```", "");
    }

    private boolean atEnd() {
        return pos >= text.length();
    }

    private char peek() {
        return text.charAt(pos);
    }

    private void skipSpaceAndComments() {
        while (!atEnd()) {
            char c = peek();
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (text.startsWith("//", pos) || c == '#') {
                int nl = text.indexOf('\n', pos);
                pos = nl < 0 ? text.length() : nl + 1;
                note("removed a comment");
            } else if (text.startsWith("/*", pos)) {
                int end = text.indexOf("*/", pos + 2);
                pos = end < 0 ? text.length() : end + 2;
                note("removed a comment");
            } else {
                return;
            }
        }
    }

    private void note(String repair) {
        if (!repairs.contains(repair)) {
            repairs.add(repair);
        }
    }

    private ObjectNode readObject() {
        pos++; // '{'
        ObjectNode obj = NODES.objectNode();
        while (true) {
            skipSpaceAndComments();
            if (atEnd()) {
                note("closed an object the answer left open (truncated output)");
                return obj;
            }
            char c = peek();
            if (c == '}') {
                pos++;
                return obj;
            }
            if (c == ',') {
                pos++;
                continue; // trailing or doubled comma
            }
            if (c == ']') {
                pos++; // stray bracket
                note("ignored a stray ']'");
                continue;
            }
            String key = readKey();
            skipSpaceAndComments();
            if (atEnd()) {
                note("closed an object the answer left open (truncated output)");
                return obj;
            }
            if (peek() == ':' || peek() == '=') {
                pos++;
            } else {
                note("added a missing ':' after \"" + key + "\"");
            }
            skipSpaceAndComments();
            if (atEnd()) {
                note("dropped \"" + key + "\": the answer ended before its value (truncated output)");
                return obj;
            }
            obj.set(key, readValue());
            skipSpaceAndComments();
            if (!atEnd() && peek() == ',') {
                pos++;
                skipSpaceAndComments();
                if (!atEnd() && peek() == '}') {
                    note("removed a trailing comma");
                }
            }
        }
    }

    private String readKey() {
        char c = peek();
        if (c == '"' || c == '\'') {
            if (c == '\'') {
                note("read single-quoted strings");
            }
            return readString(c);
        }
        int start = pos;
        while (!atEnd() && peek() != ':' && peek() != '=' && peek() != '\n' && peek() != ',' && peek() != '}') {
            pos++;
        }
        note("read unquoted keys");
        return text.substring(start, pos).trim();
    }

    private JsonNode readValue() {
        char c = peek();
        if (c == '{') {
            return readObject();
        }
        if (c == '[') {
            return readArray();
        }
        if (c == '"' || c == '\'') {
            if (c == '\'') {
                note("read single-quoted strings");
            }
            return NODES.textNode(readString(c));
        }
        return readBareword();
    }

    private ArrayNode readArray() {
        pos++; // '['
        ArrayNode arr = NODES.arrayNode();
        while (true) {
            skipSpaceAndComments();
            if (atEnd()) {
                note("closed a list the answer left open (truncated output)");
                return arr;
            }
            char c = peek();
            if (c == ']') {
                pos++;
                return arr;
            }
            if (c == '}') {
                note("closed a list that was missing its ']'");
                return arr; // leave '}' for the object
            }
            if (c == ',') {
                pos++;
                skipSpaceAndComments();
                if (!atEnd() && peek() == ']') {
                    note("removed a trailing comma");
                }
                continue;
            }
            arr.add(readValue());
        }
    }

    /** A quoted string; the closing quote must be followed by something that can follow a value. */
    private String readString(char quote) {
        pos++;
        StringBuilder sb = new StringBuilder();
        while (!atEnd()) {
            char c = peek();
            if (c == '\\' && pos + 1 < text.length()) {
                char e = text.charAt(pos + 1);
                pos += 2;
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'u' -> {
                        if (pos + 4 <= text.length() && text.substring(pos, pos + 4).matches("[0-9a-fA-F]{4}")) {
                            sb.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                            pos += 4;
                        } else {
                            sb.append("\\u");
                        }
                    }
                    default -> sb.append(e);
                }
                continue;
            }
            if (c == quote && (quote == '"' || closesSingleQuoted())) {
                pos++;
                return sb.toString();
            }
            sb.append(c);
            pos++;
        }
        note("closed a string the answer left open (truncated output)");
        return sb.toString().stripTrailing();
    }

    /** In 'it's fine' the apostrophe does not end the string: only a quote before , : } ] or the end does. */
    private boolean closesSingleQuoted() {
        int i = pos + 1;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        if (i >= text.length()) {
            return true;
        }
        char n = text.charAt(i);
        return n == ',' || n == ':' || n == '}' || n == ']' || n == '\n' || n == '\r';
    }

    private JsonNode readBareword() {
        int start = pos;
        while (!atEnd()) {
            char c = peek();
            if (c == ',' || c == '}' || c == ']' || c == '\n' || c == '\r') {
                break;
            }
            pos++;
        }
        String word = text.substring(start, pos).trim();
        String lower = word.toLowerCase(Locale.ROOT);
        switch (lower) {
            case "true", "yes" -> {
                if (!word.equals("true")) {
                    note("read " + word + " as true");
                }
                return NODES.booleanNode(true);
            }
            case "false", "no" -> {
                if (!word.equals("false")) {
                    note("read " + word + " as false");
                }
                return NODES.booleanNode(false);
            }
            case "null", "none", "nil", "undefined" -> {
                if (!word.equals("null")) {
                    note("read " + word + " as null");
                }
                return NODES.nullNode();
            }
            default -> {
                Double number = number(word);
                if (number != null) {
                    if (!word.matches("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?")) {
                        note("read " + word + " as " + number);
                    }
                    return NODES.numberNode(number);
                }
                note("read the bare word '" + word + "' as a string");
                return NODES.textNode(word);
            }
        }
    }

    /** 0.8, 0.8/1.0, 8/10, 80%, .8 → a number; anything else → null. */
    static Double number(String word) {
        String w = word.replace(" ", "");
        try {
            if (w.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
                return Double.parseDouble(w);
            }
            if (w.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)%")) {
                return Double.parseDouble(w.substring(0, w.length() - 1)) / 100.0;
            }
            if (w.matches("(\\d+\\.?\\d*|\\.\\d+)/(\\d+\\.?\\d*|\\.\\d+)")) {
                String[] p = w.split("/");
                double den = Double.parseDouble(p[1]);
                return den == 0 ? null : Double.parseDouble(p[0]) / den;
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return null;
    }
}

package adreview.review.remote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads a streamed chat completion line by line: Server-Sent Events ({@code data:} lines, a blank line ending
 * each event, {@code :} comments), each event one {@code chat.completion.chunk} whose {@code delta.content} adds
 * to the answer, the last ones carrying {@code finish_reason}, {@code usage} and llama.cpp's {@code timings},
 * then {@code data: [DONE]}. Also reads a server that ignored {@code stream: true} and sent one JSON completion.
 * Not thread-safe: one call's thread feeds it.
 */
final class ChatStream {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Something the server sent that is not the protocol; the message says what. */
    static final class Malformed extends RuntimeException {
        Malformed(String message) {
            super(message);
        }
    }

    /** An {@code error} object inside the stream (llama.cpp sends one when a slot fails mid-answer). */
    static final class ServerError extends RuntimeException {
        ServerError(String message) {
            super(message);
        }
    }

    private final StringBuilder content = new StringBuilder();
    private final StringBuilder data = new StringBuilder();
    private final StringBuilder plainBody = new StringBuilder();
    private boolean hasData;
    private String event = "";
    private boolean done;
    private boolean sawEvent;
    private int contentChunks;
    private String finishReason;
    private String model;
    private String id;
    private JsonNode usage;
    private JsonNode timings;

    /**
     * One line of an event stream, without its line break.
     *
     * @return true when the answer grew
     * @throws Malformed   a line or event that is not the protocol
     * @throws ServerError the server reported an error inside the stream
     */
    boolean line(String line) {
        if (line.isEmpty()) {
            return dispatch();
        }
        if (line.startsWith(":")) {
            return false; // a comment (servers send them as keep-alives)
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (field) {
            case "data" -> {
                if (hasData) {
                    data.append('\n');
                }
                data.append(value);
                hasData = true;
            }
            case "event" -> event = value;
            case "id", "retry" -> {
                // allowed by the SSE format; nothing in them for a completion
            }
            default -> throw new Malformed("unexpected line '" + Texts.shorten(line, 80) + "' (expected 'data: …')");
        }
        return false;
    }

    /** The body of a non-streamed answer (a server that ignored {@code stream: true}); read at {@link #end}. */
    void plainLine(String line) {
        plainBody.append(line).append('\n');
    }

    /** The body ended: a last event without its blank line still counts; a plain JSON body is read now. */
    void end() {
        if (hasData) {
            dispatch();
        }
        if (!plainBody.isEmpty()) {
            JsonNode n = parse(plainBody.toString().strip());
            JsonNode message = n.path("choices").path(0).path("message");
            if (!message.path("content").isTextual()) {
                throw new Malformed("a completion without choices[0].message.content");
            }
            content.append(message.path("content").textValue());
            contentChunks++;
            finishReason = textOrNull(n.path("choices").path(0).path("finish_reason"));
            readMeta(n);
            done = true;
        }
    }

    private boolean dispatch() {
        if (!hasData) {
            event = "";
            return false;
        }
        String payload = data.toString();
        data.setLength(0);
        hasData = false;
        String type = event;
        event = "";
        sawEvent = true;
        if (payload.strip().equals("[DONE]")) {
            done = true;
            return false;
        }
        if (done) {
            throw new Malformed("an event after [DONE]");
        }
        JsonNode n = parse(payload);
        if (n.has("error") || type.equals("error")) {
            throw new ServerError(errorMessage(n));
        }
        readMeta(n);
        JsonNode choices = n.get("choices");
        if (choices == null || !choices.isArray()) {
            if (n.has("usage")) {
                return false;
            }
            throw new Malformed("an event without 'choices': " + Texts.shorten(payload, 120));
        }
        if (choices.isEmpty()) {
            return false; // the usage chunk
        }
        JsonNode choice = choices.get(0);
        String reason = textOrNull(choice.path("finish_reason"));
        if (reason != null) {
            finishReason = reason;
        }
        JsonNode piece = choice.path("delta").path("content");
        if (piece.isTextual() && !piece.textValue().isEmpty()) {
            content.append(piece.textValue());
            contentChunks++;
            return true;
        }
        return false;
    }

    private void readMeta(JsonNode n) {
        if (n.hasNonNull("model")) {
            model = n.get("model").asText();
        }
        if (n.hasNonNull("id")) {
            id = n.get("id").asText();
        }
        if (n.get("usage") instanceof ObjectNode u) {
            usage = u;
        }
        if (n.get("timings") instanceof ObjectNode t) {
            timings = t;
        }
    }

    private static JsonNode parse(String payload) {
        try {
            JsonNode n = JSON.readTree(payload);
            if (n == null || !n.isObject()) {
                throw new Malformed("an event that is not a JSON object: " + Texts.shorten(payload, 120));
            }
            return n;
        } catch (JsonProcessingException e) {
            throw new Malformed("an event that is not JSON: " + Texts.shorten(payload, 120));
        }
    }

    /** The server's own words from an OpenAI-style {@code {"error": {"message": …}}} or similar body. */
    static String errorMessage(JsonNode n) {
        JsonNode e = n.path("error");
        if (e.isTextual()) {
            return e.textValue();
        }
        for (JsonNode candidate : new JsonNode[] {e.path("message"), n.path("message"), n.path("detail")}) {
            if (candidate.isTextual() && !candidate.textValue().isBlank()) {
                return candidate.textValue();
            }
        }
        return n.toString();
    }

    private static String textOrNull(JsonNode n) {
        return n.isTextual() ? n.textValue() : null;
    }

    String content() {
        return content.toString();
    }

    int contentChunks() {
        return contentChunks;
    }

    /** [DONE] came (or a whole non-streamed answer). */
    boolean done() {
        return done;
    }

    /** The answer is complete: [DONE], or a finish reason before the body ended. */
    boolean complete() {
        return done || finishReason != null;
    }

    boolean sawEvent() {
        return sawEvent;
    }

    String finishReason() {
        return finishReason;
    }

    String model() {
        return model;
    }

    String id() {
        return id;
    }

    JsonNode usage() {
        return usage;
    }

    JsonNode timings() {
        return timings;
    }

    /** Completion tokens as the server counted them, else the number of content chunks (one per token). */
    int tokens() {
        return usage != null && usage.path("completion_tokens").canConvertToInt()
                && usage.path("completion_tokens").isNumber() ? usage.path("completion_tokens").intValue() : contentChunks;
    }
}

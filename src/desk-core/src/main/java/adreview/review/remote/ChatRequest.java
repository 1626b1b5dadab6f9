package adreview.review.remote;

import adreview.review.structured.JsonShape;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The body of one {@code POST /chat/completions}: the image part first, then the stage prompt, as one user
 * message (the server applies its own chat template, so the prompt is not wrapped in LLaVA's
 * {@code USER: … ASSISTANT:}); greedy ({@code temperature 0}); the stage's token budget; the answer's JSON
 * schema from the same {@link JsonShape} the local decoder is constrained by; streamed, with the token counts
 * in a last chunk ({@code stream_options.include_usage}).
 */
public final class ChatRequest {

    private ChatRequest() {
    }

    /**
     * @param shape null for free text (no {@code response_format}: {@code json_object} alone is not enforced by
     *              every server, llama.cpp's among them)
     */
    public static ObjectNode body(String model, String prompt, String imageDataUrl, JsonShape shape, int maxTokens,
                                  boolean stream) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode body = json.objectNode();
        body.put("model", model);
        ArrayNode messages = body.putArray("messages");
        ObjectNode user = messages.addObject().put("role", "user");
        ArrayNode content = user.putArray("content");
        if (imageDataUrl != null) {
            content.addObject().put("type", "image_url").putObject("image_url").put("url", imageDataUrl);
        }
        content.addObject().put("type", "text").put("text", prompt);
        body.put("temperature", 0);
        body.put("max_tokens", maxTokens);
        if (shape != null) {
            ObjectNode schema = body.putObject("response_format").put("type", "json_schema").putObject("json_schema");
            schema.put("name", shape.id().replaceAll("[^A-Za-z0-9_-]", "_"));
            schema.put("strict", true);
            schema.set("schema", shape.toJsonSchema());
        }
        body.put("stream", stream);
        if (stream) {
            body.putObject("stream_options").put("include_usage", true);
        }
        return body;
    }
}

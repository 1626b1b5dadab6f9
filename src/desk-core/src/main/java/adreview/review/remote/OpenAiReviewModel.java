package adreview.review.remote;

import adreview.review.ModelUnavailableException;
import adreview.review.RunListener;
import adreview.review.RunPhase;
import adreview.review.ServerReviewModel;
import adreview.review.structured.JsonShape;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Stage 1 / Stage 2 on an OpenAI-compatible inference server ({@code backend = openai}): vLLM, llama.cpp's
 * {@code llama-server}, Ollama's {@code /v1}. {@link #prepare} asks {@code GET /models} (the server must be there
 * before a pipeline run claims its variant, and without a configured name the first listed model is used);
 * {@link #generate} streams one chat completion with the image as a {@code data:} URL and the stage's JSON schema,
 * forwarding the answer to the run's listener as it arrives. Thread-safe: runs go out in parallel.
 */
public final class OpenAiReviewModel implements ServerReviewModel {

    public static final String BACKEND = "openai";

    private final RemoteSettings settings;
    private final ServerClient client;
    private volatile String resolvedModel;

    public OpenAiReviewModel(RemoteSettings settings) {
        this.settings = settings;
        this.client = new ServerClient(settings);
        this.resolvedModel = settings.model();
    }

    public RemoteSettings settings() {
        return settings;
    }

    ServerClient client() {
        return client;
    }

    @Override
    public String backend() {
        return BACKEND;
    }

    @Override
    public ModelInfo info() {
        String model = resolvedModel == null ? "(first model of GET /models)" : resolvedModel;
        return new ModelInfo(model, "server", settings.host(), "data-url, longest side ≤ " + settings.maxImageSide() + " px");
    }

    @Override
    public Server server() {
        String model = resolvedModel;
        return new Server(model == null ? "unknown" : model, settings.host());
    }

    @Override
    public String describe() {
        String model = resolvedModel;
        return "OpenAI-compatible server at " + settings.host() + (model == null ? "" : ", model " + model);
    }

    /**
     * Reaches the server before anything is written: {@code GET /models} answers (and names the model when none
     * is configured).
     *
     * @throws ModelUnavailableException when the server cannot be reached or lists no model; the run is refused
     */
    @Override
    public void prepare(RunListener listener) {
        if (listener != null) {
            listener.phase(RunPhase.ASKING_SERVER, -1, settings.host());
        }
        try {
            resolveModel();
        } catch (ModelException e) {
            throw new ModelUnavailableException(e.getMessage() + "; nothing was changed");
        }
    }

    /** The model to ask for: the configured name, else the first id {@code GET /models} lists (asked every time). */
    String resolveModel() {
        List<String> ids = client.modelIds(() -> false);
        if (settings.model() != null) {
            resolvedModel = settings.model();
            return resolvedModel;
        }
        if (ids.isEmpty()) {
            throw new ModelException(Failures.server(settings.host()) + " lists no models at GET /models: "
                    + "name one with ADREVIEW_REMOTE_MODEL / --remote-model", "", null);
        }
        resolvedModel = ids.get(0);
        return resolvedModel;
    }

    /** The ids {@code GET /models} lists (the settings dialog's connection test). */
    public List<String> listModels() {
        return client.modelIds(() -> false);
    }

    @Override
    public Generation generate(Path image, String prompt, JsonShape shape, int maxNewTokens, RunListener listener,
                               BooleanSupplier cancelled) {
        RunListener l = listener == null ? RunListener.NONE : listener;
        BooleanSupplier stop = cancelled == null ? () -> false : cancelled;
        String model = resolvedModel == null ? resolveModel() : resolvedModel;
        l.phase(RunPhase.PREPARING_IMAGE, -1, null);
        ImageAttachment attachment;
        try {
            attachment = ImageAttachment.of(image, settings.maxImageSide());
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new ModelException("Cannot decode image " + image + ": " + e.getMessage(), "", e);
        }
        if (stop.getAsBoolean()) {
            throw new CancellationException("cancelled before the request was sent");
        }
        String body = ChatRequest.body(model, prompt, attachment.dataUrl(), shape, maxNewTokens, true).toString();
        l.phase(RunPhase.READING_PROMPT, -1, settings.host());
        ChatStream stream = new ChatStream();
        client.streamChat(body, stream, () -> l.token(stream.contentChunks(), maxNewTokens, stream.content()), stop);
        return new Generation(stream.content(), stream.tokens(), stopReason(stream.finishReason()),
                report(model, stream, attachment));
    }

    /** The engine's words for why the answer ended, so local and remote traces compare: eos, max_tokens, … */
    static String stopReason(String finishReason) {
        if (finishReason == null) {
            return "eos";
        }
        return switch (finishReason) {
            case "stop" -> "eos";
            case "length" -> "max_tokens";
            default -> finishReason;
        };
    }

    /** What the server reported about the call, for the trace: never the key, never the image itself. */
    private ObjectNode report(String askedFor, ChatStream stream, ImageAttachment a) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("model", stream.model() == null ? askedFor : stream.model());
        n.put("host", settings.host());
        if (stream.id() != null) {
            n.put("response_id", stream.id());
        }
        n.put("finish_reason", stream.finishReason());
        if (stream.usage() != null) {
            n.set("usage", stream.usage());
        }
        if (stream.timings() != null) {
            n.set("timings", stream.timings());
        }
        ObjectNode img = n.putObject("image_sent");
        img.put("format", a.format());
        img.put("width", a.width());
        img.put("height", a.height());
        img.put("bytes", a.bytes());
        if (a.width() != a.originalWidth() || a.height() != a.originalHeight()) {
            img.put("original_width", a.originalWidth());
            img.put("original_height", a.originalHeight());
        }
        return n;
    }

    /** Why runs cannot start, without asking the server (the desk's readiness line). */
    @Override
    public Optional<String> unavailableReason() {
        return Optional.empty();
    }
}

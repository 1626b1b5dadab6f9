package adreview.review;

import adreview.llava.generate.TokenConstraint;
import adreview.review.structured.JsonShape;
import adreview.review.structured.TokenVocabulary;

import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/**
 * A {@link ReviewModel} behind an inference server that enforces the answer's JSON schema itself (an
 * OpenAI-compatible {@code response_format: json_schema}). The service hands it the stage's {@link JsonShape}
 * instead of a token constraint: there is no vocabulary here to compile one over. Calls may run in parallel;
 * the server queues and batches them.
 */
public interface ServerReviewModel extends ReviewModel {

    /**
     * Generates an answer on the server.
     *
     * @param shape     the answer's shape, sent as the request's JSON schema; null for free text
     * @param cancelled polled while the answer streams in; when true the stream is closed and
     *                  {@link java.util.concurrent.CancellationException} thrown
     * @throws ModelException when the image cannot be read or the server fails; the message is one sentence
     */
    Generation generate(Path image, String prompt, JsonShape shape, int maxNewTokens, RunListener listener,
                        BooleanSupplier cancelled);

    /** The server's model id (as resolved by {@link #prepare}) and the endpoint's host:port, never its key. */
    Server server();

    /** What a trace records of the server. */
    record Server(String modelId, String host) {
    }

    @Override
    default TokenVocabulary vocabulary() {
        throw new UnsupportedOperationException("a server backend has no local vocabulary: it is given the JSON schema");
    }

    /** Free text only: a token constraint cannot travel to a server. */
    @Override
    default Generation generate(Path image, String prompt, TokenConstraint constraint, int maxNewTokens,
                                RunListener listener, BooleanSupplier cancelled) {
        if (constraint != null) {
            throw new UnsupportedOperationException("a server backend takes the answer's JSON shape, not a token constraint");
        }
        return generate(image, prompt, (JsonShape) null, maxNewTokens, listener, cancelled);
    }
}

package adreview.review;

import adreview.llava.generate.TokenConstraint;
import adreview.review.structured.TokenVocabulary;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/**
 * What the review service needs from the model: one greedy generation on one image, optionally
 * constrained, reporting progress and stopping within one token when cancelled. The production
 * implementation is {@link LlavaReviewModel} over the engine's one shared model; implementations
 * serialise calls (requests queue) because there is one model per process. A backend behind an
 * inference server implements {@link ServerReviewModel} instead, and takes calls in parallel.
 */
public interface ReviewModel {

    /** {@link #backend()} of the engine in this process. */
    String LOCAL = "local";

    /** Which backend answers, recorded in every trace: {@link #LOCAL}, or e.g. {@code openai} for a server. */
    default String backend() {
        return LOCAL;
    }

    /** One line for the desk ("local model llava-1.5-7b-hf (int8, cuda)"): which backend answers runs. */
    default String describe() {
        ModelInfo i = info();
        return "local model " + i.folderName() + " (" + i.precision() + ", " + i.device() + ")";
    }

    /** What produced an answer, for the trace: model folder name, precision, device, image mode. */
    ModelInfo info();

    /**
     * Why the model cannot run, without loading it (no folder configured, files missing, no
     * engine), or empty when it can. Checked before a run changes anything.
     */
    default java.util.Optional<String> unavailableReason() {
        return java.util.Optional.empty();
    }

    /**
     * Makes the model ready to generate (loads it on the first call), before a pipeline run claims its
     * variant: a model that cannot load is a problem of this machine, and must not fail the variant.
     *
     * @throws ModelUnavailableException when it cannot be made ready; the message says why
     */
    default void prepare(RunListener listener) {
    }

    /** The model's tokenizer pieces, for building token constraints. */
    TokenVocabulary vocabulary();

    /**
     * Generates an answer.
     *
     * @param image      the image file (PNG/JPEG…); the model reads and preprocesses it
     * @param prompt     the user prompt; the model wraps it in the LLaVA-1.5 template
     *                   ({@code USER: <image>\n{prompt}\nASSISTANT:})
     * @param constraint null for free text
     * @param cancelled  polled before every token; when true the model stops and throws
     *                   {@link java.util.concurrent.CancellationException}
     * @throws ModelException when the model cannot load, the image cannot be read, or generation fails
     */
    Generation generate(Path image, String prompt, TokenConstraint constraint, int maxNewTokens,
                        RunListener listener, BooleanSupplier cancelled);

    /**
     * The model's answer: its text, how many tokens it took, and why it stopped. {@code server} is what an
     * inference server reported about the call (model id, token counts, timings) for the trace, or null.
     */
    record Generation(String text, int tokens, String stopReason, ObjectNode server) {
        public Generation(String text, int tokens, String stopReason) {
            this(text, tokens, stopReason, null);
        }
    }

    /** Identity of the running model as recorded in every trace's request. */
    record ModelInfo(String folderName, String precision, String device, String imageMode) {
    }

    /** A failure of the model or of reading the image; the message is for the reviewer. */
    class ModelException extends RuntimeException {
        private final String rawText;

        public ModelException(String message, String rawText, Throwable cause) {
            super(message, cause);
            this.rawText = rawText;
        }

        /** Whatever the model had written before it failed ("" when nothing). */
        public String rawText() {
            return rawText == null ? "" : rawText;
        }
    }
}

/**
 * The OpenAI-compatible server backend (vLLM, llama.cpp's {@code llama-server}, Ollama's {@code /v1}):
 * {@link adreview.review.remote.OpenAiReviewModel} sends Stage 1 / Stage 2 as streamed chat completions with
 * the stage's JSON schema and reads the answer back for the same parser as local answers. Uses only the JDK's
 * HTTP client and Jackson; depends on {@code adreview.review} and its {@code structured} shapes, nothing else.
 */
package adreview.review.remote;

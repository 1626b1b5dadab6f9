/**
 * Stage 1 and Stage 2: prompts, structured (schema-constrained) answers, results, re-judging and reviewer decisions. Uses {@code store} for persistence and {@code llava} for the model; knows nothing of the UI.
 */
package adreview.review;

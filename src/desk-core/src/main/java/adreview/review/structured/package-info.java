/**
 * Structured answers: the JSON shapes of Stage 1 and Stage 2, token-level constrained decoding over
 * the Llama vocabulary ({@link adreview.review.structured.SchemaConstraint}), and a tolerant parser
 * for unconstrained model text. Depends only on the engine's {@code TokenConstraint} interface and Jackson.
 */
package adreview.review.structured;

/**
 * Greedy generation over the network: prompt assembly, image merge, prefill, token-by-token decoding with a KV cache,
 * stop conditions, streaming listener, cancellation and the structured-output hook ({@link TokenConstraint}).
 */
package adreview.llava.generate;

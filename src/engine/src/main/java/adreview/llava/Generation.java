package adreview.llava;

/**
 * The result of one generation: text (special tokens skipped), every chosen token id, why it stopped, timings and
 * the memory it held.
 */
public record Generation(String text, int[] tokenIds, StopReason stopReason, GenerationTimings timings,
                         MemoryReport memory) {
}

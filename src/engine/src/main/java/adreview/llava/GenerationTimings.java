package adreview.llava;

/** Where a generation's time went, in milliseconds, and how many tokens it processed. */
public record GenerationTimings(double preprocessMs, double visionMs, double prefillMs, double decodeMs,
                                int promptTokens, int generatedTokens) {

    /** Decode time per generated token after the first (the first comes from the prefill). */
    public double decodeMsPerToken() {
        return generatedTokens > 1 ? decodeMs / (generatedTokens - 1) : 0;
    }

    public double totalMs() {
        return preprocessMs + visionMs + prefillMs + decodeMs;
    }
}

package adreview.llava.bench;

/** One precision's benchmark numbers (milliseconds, bytes). */
public record BenchResult(String shape, String precision, String device, String engine, double loadMs,
                          long residentWeightBytes, int promptTokens, double visionMs, double prefillMs,
                          int decodeTokens, double decodeMsPerToken, double floorMs) {

    public double visionPrefillMs() {
        return visionMs + prefillMs;
    }

    /** Decode time per token over the floor (1.0 = at the floor). */
    public double decodeOverFloor() {
        return floorMs > 0 ? decodeMsPerToken / floorMs : Double.NaN;
    }
}

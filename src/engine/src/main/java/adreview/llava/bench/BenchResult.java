package adreview.llava.bench;

/**
 * One precision's benchmark numbers (milliseconds, bytes). Decode is timed token by token; between every
 * {@link Benchmark#FLOOR_EVERY} tokens one floor pass runs (not counted as decode), so decode and floor are sampled
 * over the same minutes of a shared, noisy machine.
 */
public record BenchResult(String shape, String precision, String device, String engine, double loadMs,
                          long residentWeightBytes, long kvCacheBytes, int promptTokens, double visionMs,
                          double prefillMs, int decodeTokens, double decodeMsPerToken, double decodeMedianMs,
                          double floorMs, double floorMedianMs, int floorPasses, double prefillCpuMs,
                          double decodeCpuMsPerToken, double floorCpuMs, String memoryScope, long memoryPeakBytes,
                          long memoryTotalBytes) {

    public double visionPrefillMs() {
        return visionMs + prefillMs;
    }

    /**
     * Decode over floor, like for like: the median decode token over the median floor pass taken between those
     * tokens (1.0 = at the floor). This is the figure the 1.5× (CPU) and 2× (GPU) targets are read against.
     */
    public double decodeOverFloor() {
        return floorMedianMs > 0 ? decodeMedianMs / floorMedianMs : Double.NaN;
    }

    /**
     * The strictest reading: mean decode token over the fastest floor pass of the run. On a quiet machine it is
     * close to {@link #decodeOverFloor()}; under load it mixes the worst of one with the best of the other.
     */
    public double decodeMeanOverBestFloor() {
        return floorMs > 0 ? decodeMsPerToken / floorMs : Double.NaN;
    }

    /**
     * CPU time of the calling thread (the *CpuMs fields) is the work itself when libtorch runs single-threaded
     * ({@code -Dai.djl.pytorch.num_threads=1}); on a shared, loaded machine it is steadier than wall time.
     */
    public double decodeOverFloorCpu() {
        return floorCpuMs > 0 ? decodeCpuMsPerToken / floorCpuMs : Double.NaN;
    }
}

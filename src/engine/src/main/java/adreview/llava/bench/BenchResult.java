package adreview.llava.bench;

/**
 * One precision and decode kernel's benchmark numbers (milliseconds, bytes). Decode is timed token by token; between
 * every {@link Benchmark#FLOOR_EVERY} tokens one floor pass runs (not counted as decode), so decode and floor are
 * sampled over the same minutes of a shared, noisy machine.
 *
 * <p>Two floors. The matrix-vector floor ({@code floorMs}, {@code floorMedianMs}) is a pass of products over the same
 * weights through the same kernel: what the step costs beyond its products. The bandwidth floor is the honest one:
 * {@code bytesPerToken} (every weight a decode token must read in this representation, int8 as int8, plus the KV
 * cache at the median decode position) over the machine's measured read bandwidth ({@code bandwidthGBs}); no kernel
 * can beat it ({@code bandwidthMedianGBs}: the median pass, for how much of it the machine gave over the run).
 * {@code callsPerToken} is calls into libtorch's JNI per decode token (-1 when not counted).
 */
public record BenchResult(String shape, String precision, String kernel, String device, String engine, double loadMs,
                          long residentWeightBytes, long kvCacheBytes, int promptTokens, double visionMs,
                          double prefillMs, int decodeTokens, double decodeMsPerToken, double decodeMedianMs,
                          double floorMs, double floorMedianMs, int floorPasses, double prefillCpuMs,
                          double decodeCpuMsPerToken, double floorCpuMs, String memoryScope, long memoryPeakBytes,
                          long memoryTotalBytes, long bytesPerToken, double bandwidthGBs, double bandwidthMedianGBs,
                          String bandwidthMethod, double bandwidthFloorMs, double xBandwidthFloor, double callsPerToken) {

    /** The same numbers against another bandwidth measurement (the run's best one). */
    public BenchResult withBandwidth(Bandwidth bandwidth) {
        double floor = bandwidth.floorMs(bytesPerToken);
        return new BenchResult(shape, precision, kernel, device, engine, loadMs, residentWeightBytes, kvCacheBytes,
                promptTokens, visionMs, prefillMs, decodeTokens, decodeMsPerToken, decodeMedianMs, floorMs,
                floorMedianMs, floorPasses, prefillCpuMs, decodeCpuMsPerToken, floorCpuMs, memoryScope,
                memoryPeakBytes, memoryTotalBytes, bytesPerToken, bandwidth.gbs(), bandwidth.medianGbs(),
                bandwidth.method(), floor, decodeMedianMs / floor, callsPerToken);
    }

    public double visionPrefillMs() {
        return visionMs + prefillMs;
    }

    /**
     * Decode over the matrix-vector floor, like for like: the median decode token over the median floor pass taken
     * between those tokens (1.0 = at that floor).
     */
    public double decodeOverFloor() {
        return floorMedianMs > 0 ? decodeMedianMs / floorMedianMs : Double.NaN;
    }

    /** Mean decode token over the fastest matrix-vector floor pass of the run. */
    public double decodeMeanOverBestFloor() {
        return floorMs > 0 ? decodeMsPerToken / floorMs : Double.NaN;
    }

    /**
     * CPU time of the calling thread (the *CpuMs fields) is the work itself when libtorch runs single-threaded
     * ({@code -Dai.djl.pytorch.num_threads=1}) and decode is libtorch's; the Vector API kernel's pool threads are
     * not in it.
     */
    public double decodeOverFloorCpu() {
        return floorCpuMs > 0 ? decodeCpuMsPerToken / floorCpuMs : Double.NaN;
    }
}

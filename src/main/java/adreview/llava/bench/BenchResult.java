package adreview.llava.bench;

/** One precision's benchmark numbers (milliseconds, bytes). */
public record BenchResult(String shape, String precision, String device, String engine, double loadMs,
                          long residentWeightBytes, int promptTokens, double visionMs, double prefillMs,
                          int decodeTokens, double decodeMsPerToken, double floorMs, double prefillCpuMs,
                          double decodeCpuMsPerToken, double floorCpuMs) {

    public double visionPrefillMs() {
        return visionMs + prefillMs;
    }

    /**
     * CPU time of the calling thread (the *CpuMs fields) is the work itself when libtorch runs single-threaded
     * ({@code -Dai.djl.pytorch.num_threads=1}); on a shared, loaded machine it is steadier than wall time.
     */
    public double decodeOverFloorCpu() {
        return floorCpuMs > 0 ? decodeCpuMsPerToken / floorCpuMs : Double.NaN;
    }

    /** Decode time per token over the floor (1.0 = at the floor). */
    public double decodeOverFloor() {
        return floorMs > 0 ? decodeMsPerToken / floorMs : Double.NaN;
    }
}

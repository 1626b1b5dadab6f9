package adreview.llava;

import java.util.Locale;

/**
 * Memory of one generation (bytes, -1 where unknown): what the model itself holds (weights, the KV cache allocated
 * for this generation) and what the device reports, last sample and peak, against its total.
 */
public record MemoryReport(Scope scope, long weightBytes, long kvCacheBytes, long usedBytes, long peakBytes,
                           long totalBytes) {

    /** What {@code usedBytes}/{@code peakBytes}/{@code totalBytes} measure. */
    public enum Scope {
        /** The GPU's memory in use (all of the card, from CUDA) and its size. */
        GPU_DEVICE("GPU memory in use"),
        /** This process's resident set (VmRSS, peak VmHWM) and the machine's physical memory. */
        PROCESS_RSS("process resident set");

        private final String label;

        Scope(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public static MemoryReport unknown() {
        return new MemoryReport(Scope.PROCESS_RSS, -1, -1, -1, -1, -1);
    }

    /** One line for people: "weights 13.5 GB, KV cache 0.7 GB; GPU memory in use 15.2 GB (peak 15.4 GB) of 140 GB". */
    public String describe() {
        return String.format(Locale.ROOT, "weights %s, KV cache %s; %s %s (peak %s) of %s", gb(weightBytes),
                gb(kvCacheBytes), scope.label(), gb(usedBytes), gb(peakBytes), gb(totalBytes));
    }

    private static String gb(long bytes) {
        if (bytes < 0) {
            return "unknown";
        }
        return bytes >= 1e9 ? String.format(Locale.ROOT, "%.2f GB", bytes / 1e9)
                : String.format(Locale.ROOT, "%.0f MB", bytes / 1e6);
    }
}

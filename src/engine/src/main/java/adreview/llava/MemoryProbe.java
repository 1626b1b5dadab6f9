package adreview.llava;

import ai.djl.util.cuda.CudaUtils;

import java.io.IOException;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Samples the memory a generation holds on its device and keeps the highest sample. On a GPU that is the device's
 * memory in use as CUDA reports it ({@code cudaMemGetInfo}: our tensors, libtorch's caching allocator reserve and
 * the CUDA context, plus any other process on the card) against its total; on the CPU it is this process's resident
 * set, whose peak the kernel keeps itself ({@code VmHWM}; mapped checkpoint pages count while they are mapped). Sampling is a few microseconds, so a generation samples
 * after each phase and every {@link #EVERY_TOKENS} tokens; the GPU peak is the highest of those samples.
 */
public final class MemoryProbe {
    /** Decode tokens between samples. */
    public static final int EVERY_TOKENS = 16;
    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Path MEMINFO = Path.of("/proc/meminfo");
    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");

    private final ai.djl.Device device;
    private long lastUsed = -1;
    private long peak = -1;
    private long total = -1;

    /**
     * On the CPU this also resets the kernel's peak resident set ({@code VmHWM}) where Linux allows it
     * ({@code /proc/self/clear_refs} = 5), so the peak is this probe's, not the process's lifetime's.
     */
    public MemoryProbe(ai.djl.Device device) {
        this.device = device;
        if (!device.isGpu()) {
            try {
                Files.writeString(CLEAR_REFS, "5");
            } catch (IOException | RuntimeException e) {
                // not Linux, or not allowed: the peak is then the process's
            }
        }
    }

    /** Takes one sample. Never throws: a probe that cannot read leaves its fields at -1. */
    public void sample() {
        try {
            if (device.isGpu()) {
                MemoryUsage usage = CudaUtils.getGpuMemory(device);
                lastUsed = usage.getUsed();
                total = usage.getMax();
                peak = Math.max(peak, lastUsed);
            } else {
                long[] rss = processResident();
                lastUsed = rss[0];
                peak = Math.max(peak, rss[1]);
                total = physicalMemory();
            }
        } catch (RuntimeException | LinkageError e) {
            // no CUDA runtime to ask, or no /proc: the report says "unknown"
        }
    }

    /** The report so far, with the model's own resident bytes (weights, KV cache) beside what the device says. */
    public MemoryReport report(long weightBytes, long kvCacheBytes) {
        return new MemoryReport(device.isGpu() ? MemoryReport.Scope.GPU_DEVICE : MemoryReport.Scope.PROCESS_RSS,
                weightBytes, kvCacheBytes, lastUsed, peak, total);
    }

    /** {VmRSS, VmHWM} in bytes from /proc/self/status, or -1s where there is none (not Linux). */
    static long[] processResident() {
        long[] out = {-1, -1};
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmRSS:")) {
                    out[0] = kilobytes(line) * 1024;
                } else if (line.startsWith("VmHWM:")) {
                    out[1] = kilobytes(line) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // leave -1
        }
        return out;
    }

    /** MemTotal from /proc/meminfo (jdk.management's bean is not in every runtime the desk is staged with). */
    private static long physicalMemory() {
        try {
            for (String line : Files.readAllLines(MEMINFO)) {
                if (line.startsWith("MemTotal:")) {
                    return kilobytes(line) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // leave -1
        }
        return -1;
    }

    private static long kilobytes(String line) {
        String[] parts = line.trim().split("\\s+");
        return Long.parseLong(parts[1]);
    }
}

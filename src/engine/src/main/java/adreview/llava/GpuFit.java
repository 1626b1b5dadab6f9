package adreview.llava;

import adreview.llava.config.LlavaConfig;
import adreview.llava.net.WeightPlan;
import adreview.llava.net.WeightPrecision;
import ai.djl.util.cuda.CudaUtils;

import java.lang.management.MemoryUsage;
import java.util.Locale;

/**
 * Whether fp16 weights fit a GPU's free memory, decided before loading: the storage plan's bytes, a KV cache for
 * every position the model has, and a margin for the prefill's activations and libtorch's workspace. Free memory
 * unknown (no CUDA answer) counts as fitting: the load then says so itself if it does not.
 *
 * @param needBytes fp16 weights + KV cache + margin
 * @param freeBytes the GPU's free memory now, or -1
 */
record GpuFit(long needBytes, long freeBytes) {
    /** Prefill activations and workspace of a 7B-sized model with room to spare. */
    static final long MARGIN_BYTES = 1L << 30;

    static GpuFit of(LlavaConfig config, ai.djl.Device device) {
        long weights = WeightPlan.residentBytes(config, WeightPrecision.FP16, device);
        var t = config.text();
        long kv = 2L * t.numHiddenLayers() * t.numKeyValueHeads() * t.maxPositionEmbeddings() * t.headDim() * 2;
        long free = -1;
        try {
            MemoryUsage usage = CudaUtils.getGpuMemory(device);
            free = usage.getMax() - usage.getUsed();
        } catch (RuntimeException | LinkageError e) {
            // no CUDA runtime to ask
        }
        return new GpuFit(weights + kv + MARGIN_BYTES, free);
    }

    boolean fp16Fits() {
        return freeBytes < 0 || needBytes <= freeBytes;
    }

    String describeNeed() {
        return String.format(Locale.ROOT, "%.1f GB, %.1f GB free", needBytes / 1e9, freeBytes / 1e9);
    }
}

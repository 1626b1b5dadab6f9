package adreview.llava.bench;

import adreview.llava.MemoryProbe;
import adreview.llava.MemoryReport;
import adreview.llava.config.LlavaConfig;
import adreview.llava.cpu.CpuDecode;
import adreview.llava.jni.NativeCalls;
import adreview.llava.net.DecodeKernel;
import adreview.llava.net.KvCache;
import adreview.llava.net.LinearWeights;
import adreview.llava.net.LlavaNetwork;
import adreview.llava.net.WeightPrecision;
import adreview.llava.weights.ShardedWeights;
import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Locale;
import java.util.List;
import java.util.Random;

/**
 * Measures one precision on one checkpoint: load time, resident weight bytes, vision + prefill of a Stage-1-sized
 * prompt, decode ms/token per decode kernel, and two floors (see {@link BenchResult}). With several kernels each
 * decodes its own copy of the same prompt, token for token in turn, so they are measured over the same minutes;
 * matrix-vector floor passes are taken between decode tokens as well as after them; memory is sampled after load,
 * prefill and every few tokens; libtorch calls are counted over the timed tokens; on the CPU a read-bandwidth pass is
 * taken every few tokens too.
 */
public final class Benchmark {
    private final Path folder;
    private final LlavaConfig config;
    private final Device device;
    /** Decode tokens between two interleaved floor passes. */
    public static final int FLOOR_EVERY = 8;

    public Benchmark(Path folder, LlavaConfig config, Device device) {
        this.folder = folder;
        this.config = config;
        this.device = device;
    }

    /** One precision with the model's own decode kernel. */
    public BenchResult run(String shape, WeightPrecision precision, int promptTokens, int decodeTokens,
                           BandwidthProbe bandwidth) {
        return run(shape, precision, promptTokens, decodeTokens, null, bandwidth).get(0);
    }

    /**
     * One precision, one result per decode kernel in {@code kernels} (null or empty: the model's own); a kernel that
     * cannot decode this model is left out with a line on stderr. {@code bandwidth} takes a pass every
     * {@link #FLOOR_EVERY} tokens; the results use its best so far (the caller may apply a later best).
     */
    public List<BenchResult> run(String shape, WeightPrecision precision, int promptTokens, int decodeTokens,
                                 List<DecodeKernel> kernels, BandwidthProbe bandwidth) {
        MemoryProbe memory = new MemoryProbe(device);
        long t0 = System.nanoTime();
        LlavaNetwork net;
        try (ShardedWeights weights = ShardedWeights.open(folder)) {
            net = LlavaNetwork.load(weights, config, device, precision, (f, p) -> { });
        }
        double loadMs = (System.nanoTime() - t0) / 1e6;
        memory.sample();
        try (net; NDManager manager = net.manager().newSubManager()) {
            List<DecodeKernel> used = new ArrayList<>();
            for (DecodeKernel k : kernels == null || kernels.isEmpty() ? List.of(net.language().kernel()) : kernels) {
                if (net.language().supports(k)) {
                    used.add(k);
                } else {
                    System.err.println("the " + k.label() + " kernel cannot decode " + precision.label() + " here: "
                            + net.language().unsupportedReason(k));
                }
            }
            if (used.isEmpty()) {
                throw new IllegalArgumentException("no asked-for decode kernel can decode " + precision.label()
                        + " here (" + net.language().kernelNote() + ")");
            }
            long[] ids = syntheticPrompt(promptTokens);
            int side = config.vision().imageSize();
            float[] pixels = new float[3 * side * side];
            Random random = new Random(7);
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = (float) random.nextGaussian();
            }
            List<Lane> lanes = new ArrayList<>();
            for (DecodeKernel k : used) {
                lanes.add(new Lane(k, new Floor(net, manager, k)));
            }
            // warm-up: a short prompt and a few tokens, so one-time engine costs (and the JIT) are not measured
            runOnce(net, manager, Arrays.copyOf(ids, Math.min(ids.length, 600)), pixels, 3, lanes, memory, null);
            lanes.forEach(Lane::clear);
            runOnce(net, manager, ids, pixels, decodeTokens, lanes, memory, bandwidth);
            for (int rep = 0; rep < 5; rep++) {
                for (Lane lane : lanes) {
                    lane.floor.pass();
                }
            }
            memory.sample();
            String engine = Engine.getEngine("PyTorch").getEngineName() + " " + Engine.getEngine("PyTorch").getVersion();
            long weightsRead = net.language().decodeReadBytes();
            List<BenchResult> results = new ArrayList<>();
            for (Lane lane : lanes) {
                MemoryReport mem = memory.report(net.residentWeightBytes(), lane.kvBytes);
                // the probe's buffer is resident through the run; the model's peak is the rest
                long peak = mem.peakBytes() < 0 ? -1 : mem.peakBytes() - bandwidth.residentBytes();
                // the KV cache a token reads at the median decode position (prompt + half the new tokens)
                long kvRead = lane.kvBytesPerPosition * (ids.length + decodeTokens / 2 + 1L);
                String engineLine = engine + "; decode: " + switch (lane.kernel) {
                    case VECTOR -> net.language().cpuDecoder().describe();
                    case SCRIPT -> "TorchScript, one libtorch call per token";
                    case TORCH -> "libtorch op by op";
                };
                results.add(new BenchResult(shape, precision.label(), lane.kernel.id(),
                        device.isGpu() ? "gpu:" + device.getDeviceId() : "cpu", engineLine, loadMs,
                        net.residentWeightBytes(), lane.kvBytes, ids.length, lane.visionMs, lane.prefillMs, decodeTokens,
                        mean(lane.tokenMs), median(lane.tokenMs), lane.floor.best(), lane.floor.median(),
                        lane.floor.interleavedMs.size(), lane.prefillCpuMs,
                        decodeTokens > 0 ? lane.decodeCpuNs / 1e6 / decodeTokens : 0, lane.floor.bestCpu,
                        mem.scope().name().toLowerCase(Locale.ROOT), peak, mem.totalBytes(),
                        weightsRead + kvRead, 0, 0, "", 0, 0,
                        NativeCalls.counting() && decodeTokens > 0 ? lane.calls / (double) decodeTokens : -1)
                        .withBandwidth(bandwidth.best()));
            }
            return results;
        }
    }

    /** What {@link #measureLoad} reports (milliseconds, bytes). */
    public record LoadResult(String shape, String precision, String device, double firstLoadMs, double cachedLoadMs,
                             long residentWeightBytes, long memoryPeakBytes) {
    }

    /**
     * Loads the checkpoint twice at one precision, closing the first: the first load reads what the page cache does
     * not hold, the second is the "from the page cache" figure. Nothing runs; the peak covers both loads.
     */
    public LoadResult measureLoad(String shape, WeightPrecision precision) {
        MemoryProbe memory = new MemoryProbe(device);
        double[] ms = new double[2];
        long resident = 0;
        for (int i = 0; i < 2; i++) {
            long t0 = System.nanoTime();
            try (ShardedWeights weights = ShardedWeights.open(folder);
                 LlavaNetwork net = LlavaNetwork.load(weights, config, device, precision, (f, p) -> { })) {
                ms[i] = (System.nanoTime() - t0) / 1e6;
                resident = net.residentWeightBytes();
                memory.sample();
            }
        }
        MemoryReport mem = memory.report(resident, 0);
        return new LoadResult(shape, precision.label(), device.isGpu() ? "gpu:" + device.getDeviceId() : "cpu",
                ms[0], ms[1], resident, mem.peakBytes());
    }

    /** BOS, "USER:", the image run, then filler text ids: as long as the desk's Stage 1 prompt. */
    long[] syntheticPrompt(int length) {
        int image = config.imageTokenIndex();
        int n = config.imageSeqLength();
        long[] ids = new long[Math.max(length, n + 8)];
        ids[0] = 1;
        ids[1] = 3148;
        ids[2] = 1001;
        ids[3] = 29901;
        ids[4] = 29871;
        Arrays.fill(ids, 5, 5 + n, image);
        Random random = new Random(3);
        for (int i = 5 + n; i < ids.length; i++) {
            ids[i] = 100 + random.nextInt(29000);
        }
        return ids;
    }

    private static long cpuNanos() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    /** One kernel's decode of the prompt: its own KV cache, its timings, its floor. */
    private static final class Lane {
        final DecodeKernel kernel;
        final Floor floor;
        final List<Double> tokenMs = new ArrayList<>();
        double visionMs;
        double prefillMs;
        double prefillCpuMs;
        long decodeCpuNs;
        long calls;
        long kvBytes;
        long kvBytesPerPosition;
        KvCache cache;
        int next;

        Lane(DecodeKernel kernel, Floor floor) {
            this.kernel = kernel;
            this.floor = floor;
        }

        void clear() {
            tokenMs.clear();
            decodeCpuNs = 0;
            calls = 0;
            floor.clear();
        }
    }

    private void runOnce(LlavaNetwork net, NDManager manager, long[] ids, float[] pixels, int decodeTokens,
                         List<Lane> lanes, MemoryProbe memory, BandwidthProbe bandwidth) {
        int side = config.vision().imageSize();
        try {
            for (Lane lane : lanes) {
                lane.cache = net.newCache(ids.length + decodeTokens + 1);
                long c1 = cpuNanos();
                long t1 = System.nanoTime();
                long t2;
                try (NDScope scope = new NDScope()) {
                    NDArray features = net.imageFeatures(manager.create(pixels, new Shape(3, side, side)));
                    features.get(new NDIndex("0, 0")).toFloatArray();
                    t2 = System.nanoTime();
                    NDArray hidden = net.language().forward(net.promptEmbeddings(manager.create(ids), features, 5),
                            lane.cache);
                    lane.next = net.language().lastLogits(hidden).argMax();
                }
                long t3 = System.nanoTime();
                lane.visionMs = (t2 - t1) / 1e6;
                lane.prefillMs = (t3 - t2) / 1e6;
                lane.prefillCpuMs = (cpuNanos() - c1) / 1e6;
                lane.kvBytes = lane.cache.bytes();
                lane.kvBytesPerPosition = lane.cache.bytesPerPosition();
            }
            memory.sample();
            for (int i = 0; i < decodeTokens; i++) {
                for (Lane lane : lanes) {
                    long calls = NativeCalls.count();
                    long c = cpuNanos();
                    long t = System.nanoTime();
                    try (NDScope scope = new NDScope()) {
                        lane.next = net.language().decode(lane.next, lane.cache, lane.kernel).argMax();
                    }
                    lane.tokenMs.add((System.nanoTime() - t) / 1e6);
                    lane.decodeCpuNs += cpuNanos() - c;
                    lane.calls += NativeCalls.count() - calls;
                    if ((i + 1) % FLOOR_EVERY == 0) {
                        lane.floor.interleavedMs.add(lane.floor.pass());
                    }
                }
                if (bandwidth != null && (i + 1) % FLOOR_EVERY == 0) {
                    bandwidth.interleavedPass();
                }
                if ((i + 1) % MemoryProbe.EVERY_TOKENS == 0) {
                    memory.sample();
                }
            }
        } finally {
            for (Lane lane : lanes) {
                if (lane.cache != null) {
                    lane.cache.close();
                    lane.cache = null;
                }
            }
        }
    }

    /**
     * One matrix-vector product per decoder linear (LM head included), as one decode step multiplies by them, through
     * the lane's kernel: libtorch's products over the NDArrays, or the Vector API's over their memory.
     */
    private static final class Floor {
        private final List<LinearWeights> linears;
        private final NDArray[] inputs;
        private final CpuDecode vector;
        private final List<Double> interleavedMs = new ArrayList<>();
        private final List<Double> allMs = new ArrayList<>();
        private double bestCpu = Double.MAX_VALUE;

        Floor(LlavaNetwork net, NDManager manager, DecodeKernel kernel) {
            vector = kernel == DecodeKernel.VECTOR ? net.language().cpuDecoder() : null;
            linears = net.language().decodeLinears();
            inputs = new NDArray[linears.size()];
            for (int i = 0; i < inputs.length; i++) {
                inputs[i] = manager.ones(new Shape(1, linears.get(i).inFeatures()), net.language().computeType());
            }
            inputs[0].get(new NDIndex("0, 0")).toFloatArray();
        }

        /** Runs one pass and returns its wall milliseconds (the last product read back, so a GPU has finished). */
        double pass() {
            if (vector != null) {
                long c = cpuNanos();
                long t = System.nanoTime();
                vector.matVecPass();
                double ms = (System.nanoTime() - t) / 1e6;
                bestCpu = Math.min(bestCpu, (cpuNanos() - c) / 1e6);
                allMs.add(ms);
                return ms;
            }
            try (NDScope scope = new NDScope()) {
                long c = cpuNanos();
                long t = System.nanoTime();
                NDArray last = null;
                for (int i = 0; i < inputs.length; i++) {
                    last = linears.get(i).apply(inputs[i]);
                }
                last.get(new NDIndex("0, 0")).toFloatArray();
                double ms = (System.nanoTime() - t) / 1e6;
                bestCpu = Math.min(bestCpu, (cpuNanos() - c) / 1e6);
                allMs.add(ms);
                return ms;
            }
        }

        /** Median of the passes between decode tokens, or of all passes when decode was too short for any. */
        double median() {
            return Benchmark.median(interleavedMs.isEmpty() ? allMs : interleavedMs);
        }

        double best() {
            return allMs.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        }

        void clear() {
            interleavedMs.clear();
            allMs.clear();
            bestCpu = Double.MAX_VALUE;
        }
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

}

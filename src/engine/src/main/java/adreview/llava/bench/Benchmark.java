package adreview.llava.bench;

import adreview.llava.generate.Generator;
import adreview.llava.MemoryProbe;
import adreview.llava.MemoryReport;
import adreview.llava.config.LlavaConfig;
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
 * prompt, decode ms/token, and the floor: one pass of matrix-vector products over the decoder's weights (every
 * linear a decode step uses, LM head included) through the same engine and the same weight representation. Floor
 * passes are taken between decode tokens as well as after them, so both are measured under the same conditions;
 * memory is sampled after load, prefill and every few tokens.
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

    public BenchResult run(String shape, WeightPrecision precision, int promptTokens, int decodeTokens) {
        MemoryProbe memory = new MemoryProbe(device);
        long t0 = System.nanoTime();
        LlavaNetwork net;
        try (ShardedWeights weights = ShardedWeights.open(folder)) {
            net = LlavaNetwork.load(weights, config, device, precision, (f, p) -> { });
        }
        double loadMs = (System.nanoTime() - t0) / 1e6;
        memory.sample();
        try (net; NDManager manager = net.manager().newSubManager()) {
            long[] ids = syntheticPrompt(promptTokens);
            int side = config.vision().imageSize();
            float[] pixels = new float[3 * side * side];
            Random random = new Random(7);
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = (float) random.nextGaussian();
            }
            Floor floor = new Floor(net, manager);
            // warm-up: a short prompt and a few tokens, so one-time engine costs are not measured
            runOnce(net, manager, Arrays.copyOf(ids, Math.min(ids.length, 600)), pixels, 3, floor, memory);
            floor.clear();
            Run m = runOnce(net, manager, ids, pixels, decodeTokens, floor, memory);
            for (int rep = 0; rep < 5; rep++) {
                floor.pass();
            }
            memory.sample();
            MemoryReport mem = memory.report(net.residentWeightBytes(), m.kvBytes);
            return new BenchResult(shape, precision.label(), device.isGpu() ? "gpu:" + device.getDeviceId() : "cpu",
                    Engine.getEngine("PyTorch").getEngineName() + " " + Engine.getEngine("PyTorch").getVersion(),
                    loadMs, net.residentWeightBytes(), m.kvBytes, ids.length, m.visionMs, m.prefillMs, decodeTokens,
                    mean(m.tokenMs), median(m.tokenMs), floor.best(), floor.median(), floor.interleavedMs.size(),
                    m.prefillCpuMs, m.decodeCpuMsPerToken, floor.bestCpu, mem.scope().name().toLowerCase(Locale.ROOT),
                    mem.peakBytes(), mem.totalBytes());
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

    private record Run(double visionMs, double prefillMs, double prefillCpuMs, List<Double> tokenMs,
                       double decodeCpuMsPerToken, long kvBytes) {
    }

    private Run runOnce(LlavaNetwork net, NDManager manager, long[] ids, float[] pixels, int decodeTokens,
                        Floor floor, MemoryProbe memory) {
        int side = config.vision().imageSize();
        try (KvCache cache = net.newCache(ids.length + decodeTokens + 1)) {
            long c1 = cpuNanos();
            long t1 = System.nanoTime();
            float[] logits;
            long t2;
            try (NDScope scope = new NDScope()) {
                NDArray features = net.imageFeatures(manager.create(pixels, new Shape(3, side, side)));
                features.get(new NDIndex("0, 0")).toFloatArray();
                t2 = System.nanoTime();
                NDArray hidden = net.language().forward(net.promptEmbeddings(manager.create(ids), features, 5), cache);
                logits = net.language().logits(hidden.get(new NDIndex("-1:"))).toFloatArray();
            }
            long t3 = System.nanoTime();
            double prefillCpu = (cpuNanos() - c1) / 1e6;
            memory.sample();
            List<Double> tokenMs = new ArrayList<>();
            long decodeCpu = 0;
            int id = Generator.argMax(logits);
            for (int i = 0; i < decodeTokens; i++) {
                long c = cpuNanos();
                long t = System.nanoTime();
                try (NDScope scope = new NDScope()) {
                    NDArray embeds = net.language().embedToken(id);
                    logits = net.language().logits(net.language().forward(embeds, cache)).toFloatArray();
                }
                id = Generator.argMax(logits);
                tokenMs.add((System.nanoTime() - t) / 1e6);
                decodeCpu += cpuNanos() - c;
                if ((i + 1) % FLOOR_EVERY == 0) {
                    floor.interleavedMs.add(floor.pass());
                }
                if ((i + 1) % MemoryProbe.EVERY_TOKENS == 0) {
                    memory.sample();
                }
            }
            return new Run((t2 - t1) / 1e6, (t3 - t2) / 1e6, prefillCpu, tokenMs,
                    decodeTokens > 0 ? decodeCpu / 1e6 / decodeTokens : 0, cache.bytes());
        }
    }

    /** One matrix-vector product per decoder linear (LM head included), as one decode step multiplies by them. */
    private static final class Floor {
        private final List<LinearWeights> linears;
        private final NDArray[] inputs;
        private final List<Double> interleavedMs = new ArrayList<>();
        private final List<Double> allMs = new ArrayList<>();
        private double bestCpu = Double.MAX_VALUE;

        Floor(LlavaNetwork net, NDManager manager) {
            linears = net.language().decodeLinears();
            inputs = new NDArray[linears.size()];
            for (int i = 0; i < inputs.length; i++) {
                inputs[i] = manager.ones(new Shape(1, linears.get(i).inFeatures()), net.language().computeType());
            }
            inputs[0].get(new NDIndex("0, 0")).toFloatArray();
        }

        /** Runs one pass and returns its wall milliseconds (the last product read back, so a GPU has finished). */
        double pass() {
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

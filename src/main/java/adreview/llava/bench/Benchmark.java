package adreview.llava.bench;

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

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Measures one precision on one checkpoint: load time, resident weight bytes, vision + prefill of a Stage-1-sized
 * prompt, decode ms/token, and the floor: one pass of matrix-vector products over the decoder's weights (every
 * linear a decode step uses, LM head included) through the same engine and the same weight representation.
 */
public final class Benchmark {
    private final Path folder;
    private final LlavaConfig config;
    private final Device device;

    public Benchmark(Path folder, LlavaConfig config, Device device) {
        this.folder = folder;
        this.config = config;
        this.device = device;
    }

    public BenchResult run(String shape, WeightPrecision precision, int promptTokens, int decodeTokens) {
        long t0 = System.nanoTime();
        LlavaNetwork net;
        try (ShardedWeights weights = ShardedWeights.open(folder)) {
            net = LlavaNetwork.load(weights, config, device, precision, (f, p) -> { });
        }
        double loadMs = (System.nanoTime() - t0) / 1e6;
        try (net; NDManager manager = net.manager().newSubManager()) {
            long[] ids = syntheticPrompt(promptTokens);
            int side = config.vision().imageSize();
            float[] pixels = new float[3 * side * side];
            Random random = new Random(7);
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] = (float) random.nextGaussian();
            }
            // warm-up: a short prompt and a few tokens, so one-time engine costs are not measured
            runOnce(net, manager, Arrays.copyOf(ids, Math.min(ids.length, 600)), pixels, 3);
            double[] m = runOnce(net, manager, ids, pixels, decodeTokens);
            double floor = floorMs(net, manager);
            return new BenchResult(shape, precision.label(), device.isGpu() ? "gpu:" + device.getDeviceId() : "cpu",
                    Engine.getEngine("PyTorch").getEngineName() + " " + Engine.getEngine("PyTorch").getVersion(),
                    loadMs, net.residentWeightBytes(), ids.length, m[0], m[1], decodeTokens, m[2], floor);
        }
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

    /** Returns {vision ms, prefill ms, decode ms per token}. */
    private double[] runOnce(LlavaNetwork net, NDManager manager, long[] ids, float[] pixels, int decodeTokens) {
        int side = config.vision().imageSize();
        try (KvCache cache = net.newCache(ids.length + decodeTokens + 1)) {
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
            int id = argMax(logits);
            for (int i = 0; i < decodeTokens; i++) {
                try (NDScope scope = new NDScope()) {
                    NDArray embeds = net.language().embed(manager.create(new long[] {id}));
                    logits = net.language().logits(net.language().forward(embeds, cache)).toFloatArray();
                }
                id = argMax(logits);
            }
            long t4 = System.nanoTime();
            return new double[] {(t2 - t1) / 1e6, (t3 - t2) / 1e6, (t4 - t3) / 1e6 / decodeTokens};
        }
    }

    /** Best of 5 passes of one matrix-vector product per decoder linear (LM head included). */
    private double floorMs(LlavaNetwork net, NDManager manager) {
        List<LinearWeights> linears = net.language().decodeLinears();
        double best = Double.MAX_VALUE;
        for (int rep = 0; rep < 6; rep++) {
            try (NDScope scope = new NDScope()) {
                NDArray[] inputs = new NDArray[linears.size()];
                for (int i = 0; i < inputs.length; i++) {
                    inputs[i] = manager.ones(new Shape(1, linears.get(i).inFeatures()), net.language().computeType());
                }
                inputs[0].get(new NDIndex("0, 0")).toFloatArray();
                long t = System.nanoTime();
                NDArray last = null;
                for (int i = 0; i < inputs.length; i++) {
                    last = linears.get(i).apply(inputs[i]);
                }
                last.get(new NDIndex("0, 0")).toFloatArray();
                double ms = (System.nanoTime() - t) / 1e6;
                if (rep > 0) {
                    best = Math.min(best, ms);
                }
            }
        }
        return best;
    }

    private static int argMax(float[] a) {
        int best = 0;
        for (int i = 1; i < a.length; i++) {
            if (a[i] > a[best]) {
                best = i;
            }
        }
        return best;
    }
}

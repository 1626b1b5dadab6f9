package adreview.llava.bench;

import adreview.llava.generate.Generator;
import adreview.llava.config.LlavaConfig;
import adreview.llava.net.DecodeKernel;
import adreview.llava.net.KvCache;
import adreview.llava.net.LlavaNetwork;
import adreview.llava.net.VisionTower;
import adreview.llava.net.WeightPrecision;
import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The engine against the fixture's transformers references on any device and precision: what the JUnit parity
 * tests check on the CPU, as a command for a machine with a GPU and no build tools. Per precision:
 * fp32 within 1e-3 relative error on every tensor and all greedy ids identical; fp16 within 1e-2 on every tensor, the
 * logits included, and the same top-1 (computed in FP16 on the CPU too: half storage and half arithmetic, as a GPU
 * runs it; there it meets about 1.2e-3)
 * for the last prompt position; int8 cosine ≥ 0.99 of the last logits and the same top-1.
 */
public final class FixtureParity {
    /** Relative error every tensor must stay within, per precision. */
    public static final double FP32_TOLERANCE = 1e-3;
    public static final double FP16_TOLERANCE = 1e-2;
    public static final double INT8_MIN_COSINE = 0.99;
    public static final String[] TENSORS = {"vision_embeddings", "vision_layer_m2", "image_features",
            "logits_first_text", "logits_last"};

    /**
     * One case. {@code decodeVsOpByOp}: the largest relative error between the kernel's decode-step logits and
     * libtorch's op-by-op step's, both fed the reference's continuation from the same prefill (NaN for the op-by-op
     * kernel itself): the kernel checked on its own, where greedy ids of a low precision may part ways anyway.
     */
    public record CaseResult(int index, Map<String, Double> relativeErrors, double logitsLastCosine,
                             boolean sameTop1, int greedyIdsMatched, int greedyIds, double decodeVsOpByOp) {
    }

    /**
     * How far another kernel's decode steps may be from libtorch's op-by-op ones (relative error of the logits). It
     * follows the arithmetic, not the storage: int8 weights on a GPU are widened to FP16 and computed in half
     * precision, where two kernels' different summation orders part by about 1e-3 (seen on an H200: 1.2e-3).
     */
    public static double decodeTolerance(DataType compute) {
        return compute == DataType.FLOAT16 ? FP16_TOLERANCE : 1e-4;
    }

    public record Result(String precision, String device, String kernel, List<CaseResult> cases,
                         List<String> failures) {
        public boolean passed() {
            return failures.isEmpty();
        }
    }

    private FixtureParity() {
    }

    public static Result run(Path fixtures, Device device, WeightPrecision precision) throws Exception {
        return run(fixtures, device, precision, null);
    }

    /**
     * As above with the decode kernel named (null, or one that cannot decode this precision: the model's own choice);
     * the prefill tensors are libtorch's either way, the greedy ids after the first come from the kernel.
     */
    public static Result run(Path fixtures, Device device, WeightPrecision precision, DecodeKernel kernel)
            throws Exception {
        Path model = fixtures.resolve("llava-tiny");
        LlavaConfig config = LlavaConfig.load(model.resolve("config.json"));
        List<CaseResult> cases = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        try (FixtureReference ref = FixtureReference.open(fixtures);
             LlavaNetwork net = LlavaNetwork.load(model, config, device, precision, false,
                     precision == WeightPrecision.FP16);
             NDManager manager = net.manager().newSubManager()) {
            DecodeKernel k = kernel == null ? net.language().kernel() : kernel;
            if (!net.language().supports(k)) {
                // e.g. the Vector API kernel and fp16 arithmetic: check the precision with the model's own kernel
                System.err.println("parity: the " + k.label() + " kernel cannot decode " + precision.label() + " on "
                        + device + " (" + net.language().unsupportedReason(k) + "); using "
                        + net.language().kernel().label());
                k = net.language().kernel();
            }
            for (int c = 0; c < FixtureReference.CASES; c++) {
                CaseResult r = runCase(net, manager, ref, c, k);
                cases.add(r);
                judge(precision, net.language().computeType(), r, failures);
            }
            return new Result(precision.label(), device.isGpu() ? "gpu:" + device.getDeviceId() : "cpu", k.id(), cases,
                    failures);
        }
    }

    private static CaseResult runCase(LlavaNetwork net, NDManager manager, FixtureReference ref, int c,
                                      DecodeKernel kernel) {
        Map<String, Double> errors = new LinkedHashMap<>();
        long[] ids = ref.longs(c, "input_ids");
        long[] expected = ref.longs(c, "generated_ids");
        float[] last;
        long[] greedy = new long[expected.length];
        try (KvCache cache = net.newCache(ids.length + expected.length)) {
            try (NDScope scope = new NDScope()) {
                NDArray pixels = manager.create(ref.floats(c, "pixel_values"), new Shape(3, 336, 336));
                VisionTower.Output out = net.vision().forward(pixels);
                errors.put("vision_embeddings", error(out.embeddings(), ref.floats(c, "vision_embeddings")));
                errors.put("vision_layer_m2", error(out.selected(), ref.floats(c, "vision_layer_m2")));
                NDArray features = net.imageFeatures(pixels);
                errors.put("image_features", error(features, ref.floats(c, "image_features")));
                int imageStart = indexOf(ids, net.config().imageTokenIndex());
                NDArray hidden = net.language().forward(net.promptEmbeddings(manager.create(ids), features,
                        imageStart), cache);
                float[] first = floats(net.language().logits(hidden.get(new NDIndex("0:1"))));
                last = floats(net.language().logits(hidden.get(new NDIndex("-1:"))));
                errors.put("logits_first_text", relativeError(first, ref.floats(c, "logits_first_text")));
                errors.put("logits_last", relativeError(last, ref.floats(c, "logits_last")));
                greedy[0] = Generator.argMax(last);
            }
            for (int step = 1; step < expected.length; step++) {
                try (NDScope scope = new NDScope()) {
                    greedy[step] = net.language().decode((int) greedy[step - 1], cache, kernel).argMax();
                }
            }
        }
        float[] refLast = ref.floats(c, "logits_last");
        int matched = 0;
        while (matched < expected.length && greedy[matched] == expected[matched]) {
            matched++;
        }
        double vsOpByOp = kernel == DecodeKernel.TORCH ? Double.NaN : againstOpByOp(net, manager, ref, c, kernel);
        return new CaseResult(c, errors, cosine(last, refLast), Generator.argMax(last) == Generator.argMax(refLast), matched,
                expected.length, vsOpByOp);
    }

    /** Teacher-forced decode steps of {@code kernel} and of libtorch op by op, each on its own prefilled cache. */
    private static double againstOpByOp(LlavaNetwork net, NDManager manager, FixtureReference ref, int c,
                                        DecodeKernel kernel) {
        long[] ids = ref.longs(c, "input_ids");
        long[] next = ref.longs(c, "generated_ids");
        double worst = 0;
        try (KvCache a = net.newCache(ids.length + next.length); KvCache b = net.newCache(ids.length + next.length)) {
            try (NDScope scope = new NDScope()) {
                NDArray pixels = manager.create(ref.floats(c, "pixel_values"), new Shape(3, 336, 336));
                NDArray embeds = net.promptEmbeddings(manager.create(ids), net.imageFeatures(pixels),
                        indexOf(ids, net.config().imageTokenIndex()));
                net.language().forward(embeds, a);
                net.language().forward(embeds, b);
            }
            for (int step = 0; step + 1 < next.length; step++) {
                try (NDScope scope = new NDScope()) {
                    float[] got = net.language().decode((int) next[step], a, kernel).toFloatArray().clone();
                    float[] want = net.language().decode((int) next[step], b, DecodeKernel.TORCH).toFloatArray();
                    worst = Math.max(worst, relativeError(got, want));
                }
            }
        }
        return worst;
    }

    private static void judge(WeightPrecision precision, DataType compute, CaseResult r,
                              List<String> failures) {
        String at = "case " + r.index() + ": ";
        if (r.decodeVsOpByOp() > decodeTolerance(compute)) {
            failures.add(String.format(java.util.Locale.ROOT, "%sdecode steps %.3e from libtorch's op-by-op ones > %.0e",
                    at, r.decodeVsOpByOp(), decodeTolerance(compute)));
        }
        if (!r.sameTop1()) {
            failures.add(at + "top-1 of logits_last differs from the reference");
        }
        switch (precision) {
            case FP32, FP16 -> {
                double tolerance = precision == WeightPrecision.FP32 ? FP32_TOLERANCE : FP16_TOLERANCE;
                r.relativeErrors().forEach((name, e) -> {
                    if (!(e <= tolerance)) {
                        failures.add(String.format(java.util.Locale.ROOT, "%s%s relative error %.3e > %.0e", at, name,
                                e, tolerance));
                    }
                });
                if (precision == WeightPrecision.FP32 && r.greedyIdsMatched() < r.greedyIds()) {
                    failures.add(at + "greedy ids differ from position " + r.greedyIdsMatched());
                }
            }
            case INT8 -> {
                if (!(r.logitsLastCosine() >= INT8_MIN_COSINE)) {
                    failures.add(String.format(java.util.Locale.ROOT, "%slogits_last cosine %.5f < 0.99", at,
                            r.logitsLastCosine()));
                }
            }
        }
    }

    private static float[] floats(NDArray a) {
        return a.toType(DataType.FLOAT32, false).toFloatArray();
    }

    private static double error(NDArray got, float[] want) {
        return relativeError(floats(got), want);
    }

    /** ‖a − b‖ / ‖b‖ (infinite when the lengths differ). */
    public static double relativeError(float[] a, float[] b) {
        if (a.length != b.length) {
            return Double.POSITIVE_INFINITY;
        }
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < a.length; i++) {
            double d = (double) a[i] - b[i];
            diff += d * d;
            norm += (double) b[i] * b[i];
        }
        return Math.sqrt(diff / norm);
    }

    public static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }


    private static int indexOf(long[] ids, int token) {
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == token) {
                return i;
            }
        }
        return -1;
    }
}

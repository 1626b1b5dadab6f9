package adreview.llava.net;

import adreview.llava.Fixtures;
import adreview.llava.config.LlavaConfig;
import adreview.llava.cpu.VectorSupport;
import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Vector API kernel and the TorchScript step against libtorch's op-by-op decode step on the fixture cases: each
 * step is fed the reference's next id (so all see the same sequence), on caches filled by the same prefill. FP32
 * agrees to float round-off and decodes all greedy ids of the references; int8 agrees with libtorch's int8 to
 * round-off (the same quantized weights) and with FP32 within the int8 parity thresholds; the TorchScript step in
 * FP16 arithmetic agrees with the op-by-op step in FP16 within FP16's round-off.
 */
class DecodeKernelParityTest {
    private static final DecodeKernel[] KERNELS = {DecodeKernel.VECTOR, DecodeKernel.SCRIPT};
    private static LlavaNetwork fp32;
    private static LlavaNetwork int8;
    private static Reference ref;
    private static NDManager manager;

    @BeforeAll
    static void load() throws Exception {
        assumeTrue(VectorSupport.available(), () -> "Vector API kernel unavailable: " + VectorSupport.unavailableReason());
        LlavaConfig config = LlavaConfig.load(Fixtures.tinyModel().resolve("config.json"));
        fp32 = LlavaNetwork.load(Fixtures.tinyModel(), config, Device.cpu(), WeightPrecision.FP32, false);
        int8 = LlavaNetwork.load(Fixtures.tinyModel(), config, Device.cpu(), WeightPrecision.INT8, false);
        ref = new Reference();
        manager = NDManager.newBaseManager(Device.cpu(), "PyTorch");
    }

    @AfterAll
    static void close() {
        if (manager != null) {
            manager.close();
            fp32.close();
            int8.close();
            ref.close();
        }
    }

    @Test
    void theVectorKernelIsWhatACpuModelDecodesWithAndTheScriptLoads() {
        assertThat(fp32.language().kernel()).isEqualTo(DecodeKernel.VECTOR);
        assertThat(int8.language().kernel()).isEqualTo(DecodeKernel.VECTOR);
        assertThat(fp32.language().kernelNote()).startsWith("decode: Java Vector API");
        assertThat(fp32.language().supports(DecodeKernel.SCRIPT)).as(fp32.language().unsupportedReason(DecodeKernel.SCRIPT))
                .isTrue();
    }

    @Test
    void fp32StepsMatchLibtorchToRoundOff() {
        for (DecodeKernel kernel : KERNELS) {
            for (int c = 0; c < Reference.CASES; c++) {
                float[][][] steps = teacherForced(fp32, fp32, c, kernel, DecodeKernel.TORCH);
                double worst = 0;
                for (float[][] step : steps) {
                    worst = Math.max(worst, Reference.relativeError(step[0], step[1]));
                    assertThat(Reference.argMax(step[0])).isEqualTo(Reference.argMax(step[1]));
                }
                System.out.printf("case%d fp32 %s vs libtorch op-by-op decode logits: max relative error %.3e%n", c,
                        kernel.id(), worst);
                assertThat(worst).as(kernel.label()).isLessThan(1e-5);
            }
        }
    }

    @Test
    void fp32GreedyIdsAreTheReferences() {
        for (DecodeKernel kernel : KERNELS) {
            for (int c = 0; c < Reference.CASES; c++) {
                long[] expected = ref.longs(c, "generated_ids");
                long[] got = new long[expected.length];
                try (KvCache cache = prefill(fp32, c)) {
                    got[0] = Reference.argMax(NetworkParityTest.lastLogits(fp32, manager, ref, c));
                    for (int step = 1; step < expected.length; step++) {
                        try (NDScope scope = new NDScope()) {
                            got[step] = fp32.language().decode((int) got[step - 1], cache, kernel).argMax();
                        }
                    }
                }
                assertThat(got).as("case %d greedy ids with the %s kernel", c, kernel.label()).containsExactly(expected);
            }
        }
    }

    @Test
    void fp16ScriptStepMatchesTheOpByOpStepInHalfArithmetic() throws Exception {
        LlavaConfig config = LlavaConfig.load(Fixtures.tinyModel().resolve("config.json"));
        try (LlavaNetwork half = LlavaNetwork.load(Fixtures.tinyModel(), config, Device.cpu(), WeightPrecision.FP16,
                false, true)) {
            assertThat(half.language().kernel()).as("FP16 arithmetic: no Vector API kernel").isEqualTo(DecodeKernel.SCRIPT);
            for (int c = 0; c < Reference.CASES; c++) {
                double worst = 0;
                for (float[][] step : teacherForced(half, half, c, DecodeKernel.SCRIPT, DecodeKernel.TORCH)) {
                    worst = Math.max(worst, Reference.relativeError(step[0], step[1]));
                }
                System.out.printf("case%d fp16 script vs libtorch op-by-op: max relative error %.3e%n", c, worst);
                assertThat(worst).isLessThan(5e-3);
            }
        }
    }

    @Test
    void int8StepsMatchLibtorchInt8AndStayCloseToFp32() {
        for (DecodeKernel kernel : KERNELS) {
            int8StepsMatch(kernel);
        }
    }

    private void int8StepsMatch(DecodeKernel kernel) {
        for (int c = 0; c < Reference.CASES; c++) {
            float[][][] sameWeights = teacherForced(int8, int8, c, kernel, DecodeKernel.TORCH);
            float[][][] againstFp32 = teacherForced(int8, fp32, c, kernel, DecodeKernel.TORCH);
            double worstError = 0;
            double worstCosine = 1;
            int sameTop1 = 0;
            for (int s = 0; s < sameWeights.length; s++) {
                worstError = Math.max(worstError, Reference.relativeError(sameWeights[s][0], sameWeights[s][1]));
                worstCosine = Math.min(worstCosine, Reference.cosine(againstFp32[s][0], againstFp32[s][1]));
                sameTop1 += Reference.argMax(againstFp32[s][0]) == Reference.argMax(againstFp32[s][1]) ? 1 : 0;
            }
            System.out.printf("case%d int8 %s vs libtorch int8: max relative error %.3e; vs fp32: min cosine %.5f,"
                    + " same top-1 %d/%d%n", c, kernel.id(), worstError, worstCosine, sameTop1, sameWeights.length);
            assertThat(worstError).isLessThan(1e-5);
            assertThat(worstCosine).isGreaterThanOrEqualTo(0.99);
            assertThat(Reference.argMax(againstFp32[0][0])).isEqualTo(Reference.argMax(againstFp32[0][1]));
        }
    }

    /**
     * Logits of every decode step of case c, [step][0] from {@code a} with kernel ka and [step][1] from {@code b}
     * with kb, both fed the reference's generated ids.
     */
    private static float[][][] teacherForced(LlavaNetwork a, LlavaNetwork b, int c, DecodeKernel ka, DecodeKernel kb) {
        long[] ids = ref.longs(c, "generated_ids");
        float[][][] out = new float[ids.length - 1][2][];
        try (KvCache cacheA = prefill(a, c); KvCache cacheB = prefill(b, c)) {
            for (int step = 0; step + 1 < ids.length; step++) {
                try (NDScope scope = new NDScope()) {
                    out[step][0] = a.language().decode((int) ids[step], cacheA, ka).toFloatArray().clone();
                    out[step][1] = b.language().decode((int) ids[step], cacheB, kb).toFloatArray().clone();
                }
            }
        }
        return out;
    }

    /** A cache holding case c's prompt, prefilled by libtorch (room for the 32 generated ids). */
    private static KvCache prefill(LlavaNetwork net, int c) {
        long[] ids = ref.longs(c, "input_ids");
        KvCache cache = net.newCache(ids.length + ref.longs(c, "generated_ids").length);
        try (NDScope scope = new NDScope()) {
            NDArray pixels = manager.create(ref.floats(c, "pixel_values"), new Shape(3, 336, 336));
            NDArray embeds = net.promptEmbeddings(manager.create(ids), net.imageFeatures(pixels),
                    NetworkParityTest.firstImage(ids, net.config().imageTokenIndex()));
            net.language().forward(embeds, cache);
        }
        return cache;
    }
}

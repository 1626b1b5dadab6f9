package adreview.llava.net;

import adreview.llava.Fixtures;
import adreview.llava.config.LlavaConfig;
import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * fp16 as a GPU runs it (half storage and half arithmetic, FP32 only inside the layer-norm and softmax kernels), here
 * on libtorch's CPU half kernels, against transformers' float32 references: vision embeddings, image features and the
 * last prompt position's logits within 5e-3 relative error (measured: at most 1.2e-3) with the same top-1, and every
 * decode step's logits within 5e-3 of the FP32 engine's on the reference continuation (measured: at most 1.5e-3).
 */
class Fp16ArithmeticParityTest {
    private static final double TOLERANCE = 5e-3;

    @Test
    void halfArithmeticOnTheCpuStaysWithinTheFp16Tolerances() throws Exception {
        LlavaConfig config = LlavaConfig.load(Fixtures.tinyModel().resolve("config.json"));
        try (LlavaNetwork half = LlavaNetwork.load(Fixtures.tinyModel(), config, Device.cpu(), WeightPrecision.FP16,
                false, true);
             LlavaNetwork fp32 = LlavaNetwork.load(Fixtures.tinyModel(), config, Device.cpu(), WeightPrecision.FP32,
                     false);
             Reference ref = new Reference();
             NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            assertThat(half.language().computeType()).isEqualTo(DataType.FLOAT16);
            // decode steps run the TorchScript step (the Vector API kernel computes in FP32); DecodeKernelParityTest
            // holds it to libtorch's op-by-op step in FP16
            assertThat(half.language().kernel()).isEqualTo(DecodeKernel.SCRIPT);
            for (int c = 0; c < Reference.CASES; c++) {
                long[] ids = ref.longs(c, "input_ids");
                long[] next = ref.longs(c, "generated_ids");
                double worstStep = 0;
                int sameStepTop1 = 0;
                try (KvCache cache = half.newCache(ids.length + next.length);
                     KvCache cache32 = fp32.newCache(ids.length + next.length)) {
                    try (NDScope scope = new NDScope()) {
                        NDArray pixels = manager.create(ref.floats(c, "pixel_values"), new Shape(3, 336, 336));
                        VisionTower.Output out = half.vision().forward(pixels.toType(DataType.FLOAT16, false));
                        double emb = error(out.embeddings(), ref.floats(c, "vision_embeddings"));
                        double features = error(half.imageFeatures(pixels), ref.floats(c, "image_features"));
                        int imageStart = NetworkParityTest.firstImage(ids, config.imageTokenIndex());
                        NDArray hidden = half.language().forward(half.promptEmbeddings(manager.create(ids),
                                half.imageFeatures(pixels), imageStart), cache);
                        float[] last = half.language().lastLogits(hidden).toFloatArray();
                        double logits = Reference.relativeError(last, ref.floats(c, "logits_last"));
                        fp32.language().forward(fp32.promptEmbeddings(manager.create(ids), fp32.imageFeatures(pixels),
                                imageStart), cache32);
                        System.out.printf("case%d fp16 arithmetic: vision_embeddings %.3e image_features %.3e"
                                + " logits_last %.3e top-1 %s%n", c, emb, features, logits,
                                Reference.argMax(last) == Reference.argMax(ref.floats(c, "logits_last")) ? "same" : "DIFF");
                        assertThat(emb).isLessThan(TOLERANCE);
                        assertThat(features).isLessThan(TOLERANCE);
                        assertThat(logits).isLessThan(TOLERANCE);
                        assertThat(Reference.argMax(last)).isEqualTo(Reference.argMax(ref.floats(c, "logits_last")));
                    }
                    for (int step = 0; step + 1 < next.length; step++) {
                        try (NDScope scope = new NDScope()) {
                            float[] a = half.language().decode((int) next[step], cache).toFloatArray();
                            float[] b = fp32.language().decode((int) next[step], cache32, DecodeKernel.TORCH)
                                    .toFloatArray();
                            worstStep = Math.max(worstStep, Reference.relativeError(a, b));
                            sameStepTop1 += Reference.argMax(a) == Reference.argMax(b) ? 1 : 0;
                        }
                    }
                }
                System.out.printf("case%d fp16 arithmetic decode steps vs fp32: max relative error %.3e, same top-1"
                        + " %d/%d%n", c, worstStep, sameStepTop1, next.length - 1);
                assertThat(worstStep).isLessThan(TOLERANCE);
            }
        }
    }

    private static double error(NDArray got, float[] want) {
        return Reference.relativeError(got.toType(DataType.FLOAT32, false).toFloatArray(), want);
    }
}

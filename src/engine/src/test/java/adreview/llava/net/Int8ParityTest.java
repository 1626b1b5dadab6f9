package adreview.llava.net;

import adreview.llava.Fixtures;
import adreview.llava.config.LlavaConfig;
import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Weight-only int8 (decoder and projector linears) against the FP32 engine on the fixture cases. */
class Int8ParityTest {

    @Test
    void int8KeepsTopTokenAndLogitCosine() throws Exception {
        LlavaConfig config = LlavaConfig.load(Fixtures.tinyModel().resolve("config.json"));
        try (LlavaNetwork fp32 = LlavaNetwork.load(Fixtures.tinyModel(), config, Device.cpu(), WeightPrecision.FP32, false);
             LlavaNetwork int8 = LlavaNetwork.load(Fixtures.tinyModel(), config, Device.cpu(), WeightPrecision.INT8, false);
             Reference ref = new Reference();
             NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            // the tiny model is dominated by its (unquantized) 32064x64 embedding table, so not quite 1/4
            assertThat(int8.residentWeightBytes()).isLessThan((long) (fp32.residentWeightBytes() * 0.7));
            for (int c = 0; c < Reference.CASES; c++) {
                float[] a = NetworkParityTest.lastLogits(fp32, manager, ref, c);
                float[] b = NetworkParityTest.lastLogits(int8, manager, ref, c);
                double cos = Reference.cosine(a, b);
                System.out.printf("case%d int8 vs fp32 logits_last cosine %.6f top1 %d/%d%n", c, cos,
                        Reference.argMax(b), Reference.argMax(a));
                assertThat(Reference.argMax(b)).isEqualTo(Reference.argMax(a));
                assertThat(cos).isGreaterThanOrEqualTo(0.99);
            }
            System.out.printf("resident bytes fp32 %d int8 %d%n", fp32.residentWeightBytes(), int8.residentWeightBytes());
        }
    }
}

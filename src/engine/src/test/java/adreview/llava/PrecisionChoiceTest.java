package adreview.llava;

import adreview.llava.net.WeightPrecision;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which precision a load tries first, and what the status line says about it, on a GPU and on the CPU. */
class PrecisionChoiceTest {
    private static final ai.djl.Device GPU = ai.djl.Device.gpu(0);
    private static final ai.djl.Device CPU = ai.djl.Device.cpu();
    private static final GpuFit ROOMY = new GpuFit(16_000_000_000L, 140_000_000_000L);
    private static final GpuFit TIGHT = new GpuFit(16_000_000_000L, 12_000_000_000L);

    @Test
    void autoOnAGpuIsFp16WhereItFitsAndInt8WhereItDoesNot() {
        assertThat(LlavaModel.precisionChain(Precision.AUTO, GPU, ROOMY))
                .containsExactly(WeightPrecision.FP16, WeightPrecision.INT8, WeightPrecision.FP32);
        assertThat(LlavaModel.precisionChain(Precision.AUTO, GPU, TIGHT).get(0)).isEqualTo(WeightPrecision.INT8);
        assertThat(LlavaModel.precisionChain(Precision.AUTO, GPU, new GpuFit(16_000_000_000L, -1)).get(0))
                .as("free memory unknown").isEqualTo(WeightPrecision.FP16);
    }

    @Test
    void autoOnTheCpuIsFp32AndAnAskedPrecisionComesFirst() {
        assertThat(LlavaModel.precisionChain(Precision.AUTO, CPU, null)).isEqualTo(List.of(WeightPrecision.FP32));
        assertThat(LlavaModel.precisionChain(Precision.INT8, GPU, ROOMY).get(0)).isEqualTo(WeightPrecision.INT8);
        assertThat(LlavaModel.precisionChain(Precision.FP16, CPU, null))
                .containsExactly(WeightPrecision.FP16, WeightPrecision.FP32);
    }

    @Test
    void int8OnAGpuSaysWhyAndThatItCostsSpeed() {
        assertThat(LlavaModel.precisionDetail(WeightPrecision.INT8, GPU, Precision.AUTO, TIGHT))
                .contains("fp16 needs 16.0 GB, 12.0 GB free").contains("decodes slower than fp16");
        assertThat(LlavaModel.precisionDetail(WeightPrecision.INT8, GPU, Precision.INT8, ROOMY))
                .contains("asked for").contains("saves GPU memory");
        assertThat(LlavaModel.precisionDetail(WeightPrecision.FP16, GPU, Precision.AUTO, ROOMY)).isEqualTo("fp16");
        assertThat(LlavaModel.precisionDetail(WeightPrecision.INT8, CPU, Precision.INT8, null))
                .isEqualTo("int8 weights, fp32 compute");
    }
}

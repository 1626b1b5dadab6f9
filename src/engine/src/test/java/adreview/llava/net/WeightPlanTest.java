package adreview.llava.net;

import adreview.llava.Fixtures;
import adreview.llava.config.LlavaConfig;
import ai.djl.Device;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The storage plan against what a real load holds, and what it says of the 7B on a GPU. */
class WeightPlanTest {

    @ParameterizedTest
    @EnumSource(WeightPrecision.class)
    void planEqualsTheBytesARealLoadHolds(WeightPrecision precision) throws Exception {
        LlavaConfig config = LlavaConfig.load(Fixtures.tinyModel().resolve("config.json"));
        try (LlavaNetwork net = LlavaNetwork.load(Fixtures.tinyModel(), config, Device.cpu(), precision, false)) {
            assertThat(WeightPlan.residentBytes(config, precision, Device.cpu())).isEqualTo(net.residentWeightBytes());
        }
    }

    /**
     * LLaVA-1.5-7B on a GPU: fp16 everything is about 14.1 GB (≤ 14.5 GB asked); int8 linears with fp16 vision tower
     * and embeddings about 7.5 GB (≤ 7.5 GB asked). Printed for the closing note; asserted against the targets.
     */
    @Test
    void sevenBOnAGpuFitsTheTargets() throws Exception {
        Path json = Fixtures.fixtures().resolve("llava-1.5-7b-hf.config.json");
        Path dir = Files.createTempDirectory("plan7b");
        Files.copy(json, dir.resolve("config.json"));
        LlavaConfig config = LlavaConfig.load(dir.resolve("config.json"));
        long fp16 = WeightPlan.residentBytes(config, WeightPrecision.FP16, Device.gpu(0));
        long int8 = WeightPlan.residentBytes(config, WeightPrecision.INT8, Device.gpu(0));
        System.out.printf("7b on a GPU by the storage plan: fp16 %.3f GB, int8 %.3f GB%n", fp16 / 1e9, int8 / 1e9);
        assertThat(fp16).isLessThanOrEqualTo(14_500_000_000L);
        assertThat(int8).isLessThanOrEqualTo(7_500_000_000L);
    }
}

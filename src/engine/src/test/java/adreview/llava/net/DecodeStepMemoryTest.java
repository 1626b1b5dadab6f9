package adreview.llava.net;

import adreview.llava.Fixtures;
import adreview.llava.NativeHeap;
import adreview.llava.config.LlavaConfig;
import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The libtorch decode steps (op by op, and the TorchScript step with its argument lists and returned tuple) keep
 * nothing per token: over 512 steps the model's managed arrays stay the same and libtorch's C heap does not grow.
 */
class DecodeStepMemoryTest {

    @Test
    void libtorchStepsKeepNothingPerToken() throws Exception {
        LlavaConfig config = LlavaConfig.load(Fixtures.tinyModel().resolve("config.json"));
        try (LlavaNetwork net = LlavaNetwork.load(Fixtures.tinyModel(), config, Device.cpu(), WeightPrecision.FP32,
                false); NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
            for (DecodeKernel kernel : new DecodeKernel[] {DecodeKernel.TORCH, DecodeKernel.SCRIPT}) {
                long[] arrays = new long[2];
                long[] heap = new long[2];
                try (KvCache cache = net.newCache(600)) {
                    try (NDScope scope = new NDScope()) {
                        net.language().forward(net.language().embed(manager.create(new long[] {1, 3148, 1001})), cache);
                    }
                    int id = 29871;
                    for (int step = 0; step < 512; step++) {
                        try (NDScope scope = new NDScope()) {
                            id = net.language().decode(id, cache, kernel).argMax();
                        }
                        if (step == 64 || step == 511) {
                            arrays[step == 64 ? 0 : 1] = net.manager().getManagedArrays().size();
                            heap[step == 64 ? 0 : 1] = NativeHeap.inUseBytes();
                        }
                    }
                }
                System.out.printf("%s: managed arrays at step 64: %d, at 511: %d; C heap %.1f -> %.1f MB%n",
                        kernel.label(), arrays[0], arrays[1], heap[0] / 1e6, heap[1] / 1e6);
                assertThat(arrays[1]).as(kernel.label()).isEqualTo(arrays[0]);
                assertThat(heap[1] - heap[0]).as(kernel.label()).isLessThan(16L << 20);
            }
        }
    }
}

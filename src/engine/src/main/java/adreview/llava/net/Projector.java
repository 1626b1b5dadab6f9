package adreview.llava.net;

import adreview.llava.config.LlavaConfig;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

import java.util.List;

/** The multimodal projector: linear, exact GELU, linear; maps vision features into the decoder's embedding space. */
public final class Projector implements AutoCloseable {
    private static final String P = ExpectedTensors.PROJECTOR;
    private final LinearWeights linear1;
    private final LinearWeights linear2;

    Projector(LlavaConfig config, WeightLoader loader, DataType computeType, DataType linearStorage) {
        loader.phase("Loading projector");
        boolean bias = config.projectorBias();
        this.linear1 = loader.linear(List.of(P + "linear_1.weight"), bias ? List.of(P + "linear_1.bias") : null, 1f,
                linearStorage, computeType);
        this.linear2 = loader.linear(List.of(P + "linear_2.weight"), bias ? List.of(P + "linear_2.bias") : null, 1f,
                linearStorage, computeType);
    }

    public NDArray forward(NDArray features) {
        return linear2.apply(Ops.gelu(linear1.apply(features)));
    }

    public long residentBytes() {
        return linear1.residentBytes() + linear2.residentBytes();
    }

    @Override
    public void close() {
        linear1.close();
        linear2.close();
    }
}

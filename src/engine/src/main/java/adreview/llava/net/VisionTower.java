package adreview.llava.net;

import adreview.llava.config.LlavaConfig;
import adreview.llava.config.VisionConfig;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;

import java.util.ArrayList;
import java.util.List;

/**
 * The CLIP ViT vision tower up to the layer LLaVA reads: patch embedding (as one matrix product over flattened
 * patches), class and position embeddings, pre-layernorm, then encoder layers with quick-GELU MLPs.
 */
public final class VisionTower implements AutoCloseable {
    private static final String P = ExpectedTensors.VISION;

    private final VisionConfig config;
    private final DataType computeType;
    private final LinearWeights patch;
    private final NDArray classEmbedding;
    private final NDArray positionEmbedding;
    private final NDArray preNormWeight;
    private final NDArray preNormBias;
    private final List<Layer> layers;

    private record Layer(NDArray norm1Weight, NDArray norm1Bias, LinearWeights qkv, LinearWeights out,
                         NDArray norm2Weight, NDArray norm2Bias, LinearWeights fc1, LinearWeights fc2) {
    }

    /** The embeddings (hidden state 0, after the pre-layernorm) and the selected hidden state, both [1+patches, H]. */
    public record Output(NDArray embeddings, NDArray selected) {
    }

    VisionTower(LlavaConfig llava, WeightLoader loader, DataType computeType) {
        this.config = llava.vision();
        this.computeType = computeType;
        int hv = config.hiddenSize();
        loader.phase("Loading vision tower");
        NDArray patchWeight = loader.read(P + "embeddings.patch_embedding.weight", computeType);
        NDArray flat = patchWeight.reshape(hv, -1);
        flat.attach(loader.manager());
        patchWeight.close();
        this.patch = LinearWeights.of(List.of(flat), List.of(), computeType, computeType, loader.manager());
        this.classEmbedding = loader.keep(P + "embeddings.class_embedding", computeType).reshape(1, hv);
        this.positionEmbedding = loader.keep(P + "embeddings.position_embedding.weight", computeType);
        this.preNormWeight = loader.keep(P + "pre_layrnorm.weight", computeType);
        this.preNormBias = loader.keep(P + "pre_layrnorm.bias", computeType);
        float scale = (float) Math.pow(config.headDim(), -0.5);
        int used = ExpectedTensors.visionLayersUsed(llava);
        this.layers = new ArrayList<>();
        for (int i = 0; i < used; i++) {
            String p = P + "encoder.layers." + i + ".";
            String a = p + "self_attn.";
            layers.add(new Layer(
                    loader.keep(p + "layer_norm1.weight", computeType), loader.keep(p + "layer_norm1.bias", computeType),
                    loader.linear(List.of(a + "q_proj.weight", a + "k_proj.weight", a + "v_proj.weight"),
                            List.of(a + "q_proj.bias", a + "k_proj.bias", a + "v_proj.bias"), scale, computeType, computeType),
                    loader.linear(List.of(a + "out_proj.weight"), List.of(a + "out_proj.bias"), 1f, computeType, computeType),
                    loader.keep(p + "layer_norm2.weight", computeType), loader.keep(p + "layer_norm2.bias", computeType),
                    loader.linear(List.of(p + "mlp.fc1.weight"), List.of(p + "mlp.fc1.bias"), 1f, computeType, computeType),
                    loader.linear(List.of(p + "mlp.fc2.weight"), List.of(p + "mlp.fc2.bias"), 1f, computeType, computeType)));
        }
    }

    /** Runs the tower on one normalised image [C, S, S]; temporaries belong to the caller's scope. */
    public Output forward(NDArray pixels) {
        int c = config.numChannels();
        int g = config.gridSize();
        int p = config.patchSize();
        NDArray patches = pixels.toType(computeType, false).reshape(c, g, p, g, p).transpose(1, 3, 0, 2, 4)
                .reshape((long) g * g, (long) c * p * p);
        NDArray tokens = NDArrays.concat(new NDList(classEmbedding, patch.apply(patches)), 0).addi(positionEmbedding);
        float eps = (float) config.layerNormEps();
        NDArray h = Ops.layerNorm(tokens, preNormWeight, preNormBias, eps);
        return new Output(h, LayerLoop.run(layers, h, (i, layer, x) -> layer(layer, x, eps)));
    }

    private NDArray layer(Layer l, NDArray h, float eps) {
        long n = h.getShape().get(0);
        int heads = config.numAttentionHeads();
        int hd = config.headDim();
        NDArray x = Ops.layerNorm(h, l.norm1Weight(), l.norm1Bias(), eps);
        NDList qkv = l.qkv().apply(x).reshape(n, 3L * heads, hd).transpose(1, 0, 2).split(3, 0);
        NDArray probs = Ops.softmaxLast(qkv.get(0).matMul(qkv.get(1).transpose(0, 2, 1)));
        NDArray attn = probs.matMul(qkv.get(2)).transpose(1, 0, 2).reshape(n, (long) heads * hd);
        NDArray h2 = h.add(l.out().apply(attn));
        NDArray y = Ops.layerNorm(h2, l.norm2Weight(), l.norm2Bias(), eps);
        NDArray act = config.hiddenAct().equals("quick_gelu") ? Ops.quickGelu(l.fc1().apply(y)) : Ops.gelu(l.fc1().apply(y));
        return h2.addi(l.fc2().apply(act));
    }

    public long residentBytes() {
        long b = patch.residentBytes() + Quantizer.bytes(classEmbedding) + Quantizer.bytes(positionEmbedding)
                + Quantizer.bytes(preNormWeight) + Quantizer.bytes(preNormBias);
        for (Layer l : layers) {
            b += Quantizer.bytes(l.norm1Weight()) + Quantizer.bytes(l.norm1Bias()) + l.qkv().residentBytes()
                    + l.out().residentBytes() + Quantizer.bytes(l.norm2Weight()) + Quantizer.bytes(l.norm2Bias())
                    + l.fc1().residentBytes() + l.fc2().residentBytes();
        }
        return b;
    }

    @Override
    public void close() {
        patch.close();
        classEmbedding.close();
        positionEmbedding.close();
        preNormWeight.close();
        preNormBias.close();
        for (Layer l : layers) {
            l.norm1Weight().close();
            l.norm1Bias().close();
            l.qkv().close();
            l.out().close();
            l.norm2Weight().close();
            l.norm2Bias().close();
            l.fc1().close();
            l.fc2().close();
        }
    }
}

package adreview.llava.net;

import adreview.llava.config.LlavaConfig;
import adreview.llava.config.TextConfig;
import adreview.llava.config.VisionConfig;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every tensor the engine reads, by legacy name, with the shape the config implies. Used both to validate a folder
 * before loading and by benchmarks to write random checkpoints of a given shape.
 */
public final class ExpectedTensors {
    public static final String VISION = "vision_tower.vision_model.";
    public static final String TEXT = "language_model.model.";
    public static final String PROJECTOR = "multi_modal_projector.";
    public static final String LM_HEAD = "language_model.lm_head.weight";

    private ExpectedTensors() {
    }

    /** The vision layers the engine runs: those up to the feature layer (LLaVA-1.5 never runs the last one). */
    public static int visionLayersUsed(LlavaConfig config) {
        return config.featureHiddenStateIndex();
    }

    public static Map<String, long[]> of(LlavaConfig config) {
        Map<String, long[]> m = new LinkedHashMap<>();
        VisionConfig v = config.vision();
        long hv = v.hiddenSize();
        m.put(VISION + "embeddings.class_embedding", new long[] {hv});
        m.put(VISION + "embeddings.patch_embedding.weight",
                new long[] {hv, v.numChannels(), v.patchSize(), v.patchSize()});
        m.put(VISION + "embeddings.position_embedding.weight", new long[] {v.numPatches() + 1, hv});
        m.put(VISION + "pre_layrnorm.weight", new long[] {hv});
        m.put(VISION + "pre_layrnorm.bias", new long[] {hv});
        for (int i = 0; i < visionLayersUsed(config); i++) {
            String p = VISION + "encoder.layers." + i + ".";
            for (String proj : new String[] {"q_proj", "k_proj", "v_proj", "out_proj"}) {
                m.put(p + "self_attn." + proj + ".weight", new long[] {hv, hv});
                m.put(p + "self_attn." + proj + ".bias", new long[] {hv});
            }
            m.put(p + "layer_norm1.weight", new long[] {hv});
            m.put(p + "layer_norm1.bias", new long[] {hv});
            m.put(p + "layer_norm2.weight", new long[] {hv});
            m.put(p + "layer_norm2.bias", new long[] {hv});
            m.put(p + "mlp.fc1.weight", new long[] {v.intermediateSize(), hv});
            m.put(p + "mlp.fc1.bias", new long[] {v.intermediateSize()});
            m.put(p + "mlp.fc2.weight", new long[] {hv, v.intermediateSize()});
            m.put(p + "mlp.fc2.bias", new long[] {hv});
        }
        TextConfig t = config.text();
        long h = t.hiddenSize();
        m.put(PROJECTOR + "linear_1.weight", new long[] {h, hv});
        m.put(PROJECTOR + "linear_2.weight", new long[] {h, h});
        if (config.projectorBias()) {
            m.put(PROJECTOR + "linear_1.bias", new long[] {h});
            m.put(PROJECTOR + "linear_2.bias", new long[] {h});
        }
        m.put(TEXT + "embed_tokens.weight", new long[] {t.vocabSize(), h});
        long q = (long) t.numAttentionHeads() * t.headDim();
        long kv = (long) t.numKeyValueHeads() * t.headDim();
        for (int i = 0; i < t.numHiddenLayers(); i++) {
            String p = TEXT + "layers." + i + ".";
            m.put(p + "self_attn.q_proj.weight", new long[] {q, h});
            m.put(p + "self_attn.k_proj.weight", new long[] {kv, h});
            m.put(p + "self_attn.v_proj.weight", new long[] {kv, h});
            m.put(p + "self_attn.o_proj.weight", new long[] {h, q});
            if (t.attentionBias()) {
                m.put(p + "self_attn.q_proj.bias", new long[] {q});
                m.put(p + "self_attn.k_proj.bias", new long[] {kv});
                m.put(p + "self_attn.v_proj.bias", new long[] {kv});
                m.put(p + "self_attn.o_proj.bias", new long[] {h});
            }
            m.put(p + "mlp.gate_proj.weight", new long[] {t.intermediateSize(), h});
            m.put(p + "mlp.up_proj.weight", new long[] {t.intermediateSize(), h});
            m.put(p + "mlp.down_proj.weight", new long[] {h, t.intermediateSize()});
            if (t.mlpBias()) {
                m.put(p + "mlp.gate_proj.bias", new long[] {t.intermediateSize()});
                m.put(p + "mlp.up_proj.bias", new long[] {t.intermediateSize()});
                m.put(p + "mlp.down_proj.bias", new long[] {h});
            }
            m.put(p + "input_layernorm.weight", new long[] {h});
            m.put(p + "post_attention_layernorm.weight", new long[] {h});
        }
        m.put(TEXT + "norm.weight", new long[] {h});
        if (!config.tieWordEmbeddings()) {
            m.put(LM_HEAD, new long[] {t.vocabSize(), h});
        }
        return m;
    }
}

package adreview.llava.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A LLaVA-1.5 {@code config.json}. Accepts the sparse form of the hub checkpoint (most fields missing: they take
 * the LlamaConfig and CLIPVisionConfig defaults) and the full form transformers 5 writes ({@code rope_parameters},
 * {@code head_dim}).
 */
public record LlavaConfig(TextConfig text, VisionConfig vision, int imageTokenIndex, int imageSeqLength,
                          int visionFeatureLayer, String visionFeatureSelectStrategy, String projectorHiddenAct,
                          boolean projectorBias, int padTokenId, boolean tieWordEmbeddings) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public LlavaConfig {
        if (!visionFeatureSelectStrategy.equals("default") && !visionFeatureSelectStrategy.equals("full")) {
            throw new IllegalArgumentException("vision_feature_select_strategy " + visionFeatureSelectStrategy
                    + " is not supported (expected default or full)");
        }
        int layers = vision.numHiddenLayers();
        if (visionFeatureLayer < -(layers + 1) || visionFeatureLayer > layers) {
            throw new IllegalArgumentException("vision_feature_layer " + visionFeatureLayer + " is outside the "
                    + layers + "-layer vision tower");
        }
    }

    /** Reads {@code config.json}; the message of any failure names the file and the field. */
    public static LlavaConfig load(Path configJson) throws ConfigException {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(configJson));
        } catch (NoSuchFileException e) {
            throw new ConfigException(configJson + " is missing");
        } catch (IOException e) {
            throw new ConfigException(configJson + " is not valid JSON: " + e.getMessage());
        }
        try {
            return parse(root);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(configJson + ": " + e.getMessage());
        }
    }

    public static LlavaConfig parse(JsonNode root) {
        String modelType = root.path("model_type").asText("llava");
        if (!modelType.equals("llava")) {
            throw new IllegalArgumentException("model_type is " + modelType + ", expected llava (LLaVA-1.5)");
        }
        JsonNode t = root.path("text_config");
        JsonNode v = root.path("vision_config");
        String textType = t.path("model_type").asText("llama");
        if (!textType.equals("llama")) {
            throw new IllegalArgumentException("text_config.model_type is " + textType + ", expected llama");
        }

        int hidden = intOf(t, "hidden_size", 4096);
        int heads = intOf(t, "num_attention_heads", 32);
        int kvHeads = t.hasNonNull("num_key_value_heads") ? t.get("num_key_value_heads").asInt() : heads;
        int headDim = t.hasNonNull("head_dim") ? t.get("head_dim").asInt() : hidden / heads;
        int vocab = t.hasNonNull("vocab_size") ? t.get("vocab_size").asInt() : intOf(root, "vocab_size", 32000);
        double ropeTheta = 10000.0;
        JsonNode rope = t.path("rope_parameters");
        if (rope.isObject()) {
            ropeTheta = rope.path("rope_theta").asDouble(ropeTheta);
            checkRopeType(rope.path("rope_type").asText("default"));
        }
        if (t.hasNonNull("rope_theta")) {
            ropeTheta = t.get("rope_theta").asDouble();
        }
        JsonNode scaling = t.path("rope_scaling");
        if (scaling.isObject()) {
            checkRopeType(scaling.path("rope_type").asText(scaling.path("type").asText("default")));
        }
        TextConfig text = new TextConfig(hidden, intOf(t, "intermediate_size", 11008),
                intOf(t, "num_hidden_layers", 32), heads, kvHeads, headDim, vocab,
                t.path("rms_norm_eps").asDouble(1e-6), ropeTheta, intOf(t, "max_position_embeddings", 2048),
                t.path("hidden_act").asText("silu"), t.path("attention_bias").asBoolean(false),
                t.path("mlp_bias").asBoolean(false), intOf(t, "bos_token_id", 1), eosOf(t));
        if (!text.hiddenAct().equals("silu")) {
            throw new IllegalArgumentException("text_config.hidden_act " + text.hiddenAct() + " is not supported (silu)");
        }

        VisionConfig vision = new VisionConfig(intOf(v, "hidden_size", 768), intOf(v, "intermediate_size", 3072),
                intOf(v, "num_hidden_layers", 12), intOf(v, "num_attention_heads", 12), intOf(v, "image_size", 224),
                intOf(v, "patch_size", 32), intOf(v, "num_channels", 3), v.path("layer_norm_eps").asDouble(1e-5),
                v.path("hidden_act").asText("quick_gelu"), intOf(v, "projection_dim", 512));
        if (!vision.hiddenAct().equals("quick_gelu") && !vision.hiddenAct().equals("gelu")) {
            throw new IllegalArgumentException("vision_config.hidden_act " + vision.hiddenAct() + " is not supported");
        }
        String projectorAct = root.path("projector_hidden_act").asText("gelu");
        if (!projectorAct.equals("gelu")) {
            throw new IllegalArgumentException("projector_hidden_act " + projectorAct + " is not supported (gelu)");
        }
        String strategy = root.path("vision_feature_select_strategy").asText("default");
        int imageSeq = root.hasNonNull("image_seq_length") ? root.get("image_seq_length").asInt()
                : vision.numPatches() + (strategy.equals("full") ? 1 : 0);
        return new LlavaConfig(text, vision, intOf(root, "image_token_index", 32000), imageSeq,
                intOf(root, "vision_feature_layer", -2), strategy, projectorAct,
                root.path("multimodal_projector_bias").asBoolean(true), intOf(root, "pad_token_id", 32001),
                root.path("tie_word_embeddings").asBoolean(false));
    }

    private static void checkRopeType(String type) {
        if (!type.equals("default")) {
            throw new IllegalArgumentException("rope type " + type + " is not supported (LLaVA-1.5 uses default RoPE)");
        }
    }

    private static int eosOf(JsonNode t) {
        JsonNode eos = t.path("eos_token_id");
        if (eos.isArray() && !eos.isEmpty()) {
            return eos.get(0).asInt();
        }
        return eos.isNumber() ? eos.asInt() : 2;
    }

    private static int intOf(JsonNode node, String field, int fallback) {
        JsonNode f = node.get(field);
        if (f == null || f.isNull()) {
            return fallback;
        }
        if (!f.canConvertToInt()) {
            throw new IllegalArgumentException(field + " is " + f + ", expected an integer");
        }
        return f.asInt();
    }

    /** The vision hidden state the projector reads, as an index into the tower's hidden states (0 = embeddings). */
    public int featureHiddenStateIndex() {
        int states = vision.numHiddenLayers() + 1;
        return visionFeatureLayer < 0 ? states + visionFeatureLayer : visionFeatureLayer;
    }

    /** The full transformers-5 form of this config (what benchmarks write next to random weights). */
    public ObjectNode toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.putArray("architectures").add("LlavaForConditionalGeneration");
        root.put("model_type", "llava");
        root.put("image_token_index", imageTokenIndex);
        root.put("image_seq_length", imageSeqLength);
        root.put("pad_token_id", padTokenId);
        root.put("projector_hidden_act", projectorHiddenAct);
        root.put("multimodal_projector_bias", projectorBias);
        root.put("tie_word_embeddings", tieWordEmbeddings);
        root.put("vision_feature_layer", visionFeatureLayer);
        root.put("vision_feature_select_strategy", visionFeatureSelectStrategy);
        ObjectNode t = root.putObject("text_config");
        t.put("model_type", "llama");
        t.put("hidden_size", text.hiddenSize());
        t.put("intermediate_size", text.intermediateSize());
        t.put("num_hidden_layers", text.numHiddenLayers());
        t.put("num_attention_heads", text.numAttentionHeads());
        t.put("num_key_value_heads", text.numKeyValueHeads());
        t.put("head_dim", text.headDim());
        t.put("vocab_size", text.vocabSize());
        t.put("rms_norm_eps", text.rmsNormEps());
        t.putObject("rope_parameters").put("rope_theta", text.ropeTheta()).put("rope_type", "default");
        t.put("max_position_embeddings", text.maxPositionEmbeddings());
        t.put("hidden_act", text.hiddenAct());
        t.put("attention_bias", text.attentionBias());
        t.put("mlp_bias", text.mlpBias());
        t.put("bos_token_id", text.bosTokenId());
        t.put("eos_token_id", text.eosTokenId());
        ObjectNode v = root.putObject("vision_config");
        v.put("model_type", "clip_vision_model");
        v.put("hidden_size", vision.hiddenSize());
        v.put("intermediate_size", vision.intermediateSize());
        v.put("num_hidden_layers", vision.numHiddenLayers());
        v.put("num_attention_heads", vision.numAttentionHeads());
        v.put("image_size", vision.imageSize());
        v.put("patch_size", vision.patchSize());
        v.put("num_channels", vision.numChannels());
        v.put("layer_norm_eps", vision.layerNormEps());
        v.put("hidden_act", vision.hiddenAct());
        v.put("projection_dim", vision.projectionDim());
        return root;
    }
}

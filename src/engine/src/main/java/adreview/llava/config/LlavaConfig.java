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
        if ((long) visionFeatureLayer < -(layers + 1L) || visionFeatureLayer > layers) {
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
        } catch (RuntimeException e) {
            // IllegalArgumentException names the field; anything else is a field the checks missed, said plainly.
            throw new ConfigException(configJson + ": " + (e instanceof IllegalArgumentException
                    ? e.getMessage() : "a value is out of range (" + e.getMessage() + ")"));
        }
    }

    /**
     * Parses and validates a config, field by field: every size positive and within bounds, divisions exact
     * (hidden size by heads, heads by key/value heads, image size by patch size), token ids inside the vocabulary.
     * The message of any failure names the field ({@code text_config.num_attention_heads is 0; …}).
     */
    public static LlavaConfig parse(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("the file is not a JSON object");
        }
        ConfigFields c = new ConfigFields(root, "");
        String modelType = c.text("model_type", "llava");
        if (!modelType.equals("llava")) {
            throw new IllegalArgumentException("model_type is " + modelType + ", expected llava (LLaVA-1.5)");
        }
        ConfigFields t = c.object("text_config");
        ConfigFields v = c.object("vision_config");
        String textType = t.text("model_type", "llama");
        if (!textType.equals("llama")) {
            throw new IllegalArgumentException("text_config.model_type is " + textType + ", expected llama");
        }

        int hidden = t.positive("hidden_size", 4096, ConfigFields.MAX_SIZE);
        int heads = t.positive("num_attention_heads", 32, ConfigFields.MAX_SIZE);
        int kvHeads = t.positive("num_key_value_heads", heads, ConfigFields.MAX_SIZE);
        if (heads % kvHeads != 0) {
            throw new IllegalArgumentException("text_config.num_attention_heads " + heads + " is not a multiple of"
                    + " text_config.num_key_value_heads " + kvHeads);
        }
        if (!t.has("head_dim") && hidden % heads != 0) {
            throw new IllegalArgumentException("text_config.hidden_size " + hidden + " is not a multiple of"
                    + " text_config.num_attention_heads " + heads + " (and there is no head_dim)");
        }
        int headDim = t.positive("head_dim", hidden / heads, ConfigFields.MAX_SIZE);
        if (headDim % 2 != 0) {
            throw new IllegalArgumentException("text_config.head_dim " + headDim
                    + " must be even for rotary embeddings");
        }
        int vocab = t.has("vocab_size") ? t.positive("vocab_size", 32000, ConfigFields.MAX_VOCAB)
                : c.positive("vocab_size", 32000, ConfigFields.MAX_VOCAB);
        double ropeTheta = 10000.0;
        ConfigFields rope = t.object("rope_parameters");
        if (t.raw("rope_parameters").isObject()) {
            ropeTheta = rope.positiveReal("rope_theta", ropeTheta);
            checkRopeType(rope.text("rope_type", "default"));
        }
        ropeTheta = t.positiveReal("rope_theta", ropeTheta);
        JsonNode scaling = t.raw("rope_scaling");
        if (scaling.isObject()) {
            checkRopeType(scaling.path("rope_type").asText(scaling.path("type").asText("default")));
        }
        TextConfig text = new TextConfig(hidden, t.positive("intermediate_size", 11008, ConfigFields.MAX_SIZE),
                t.positive("num_hidden_layers", 32, ConfigFields.MAX_LAYERS), heads, kvHeads, headDim, vocab,
                t.positiveReal("rms_norm_eps", 1e-6), ropeTheta,
                t.positive("max_position_embeddings", 2048, ConfigFields.MAX_SIZE * 16),
                t.text("hidden_act", "silu"), t.bool("attention_bias", false), t.bool("mlp_bias", false),
                t.integer("bos_token_id", 1, 0, vocab - 1), eosOf(t, vocab));
        if (!text.hiddenAct().equals("silu")) {
            throw new IllegalArgumentException("text_config.hidden_act " + text.hiddenAct() + " is not supported (silu)");
        }

        int vHidden = v.positive("hidden_size", 768, ConfigFields.MAX_SIZE);
        int vHeads = v.positive("num_attention_heads", 12, ConfigFields.MAX_SIZE);
        if (vHidden % vHeads != 0) {
            throw new IllegalArgumentException("vision_config.hidden_size " + vHidden + " is not a multiple of"
                    + " vision_config.num_attention_heads " + vHeads);
        }
        int imageSize = v.positive("image_size", 224, 8192);
        int patchSize = v.positive("patch_size", 32, 8192);
        if (imageSize % patchSize != 0) {
            throw new IllegalArgumentException("vision_config.image_size " + imageSize + " is not a multiple of"
                    + " vision_config.patch_size " + patchSize);
        }
        int channels = v.integer("num_channels", 3, 3, 3);
        VisionConfig vision = new VisionConfig(vHidden, v.positive("intermediate_size", 3072, ConfigFields.MAX_SIZE),
                v.positive("num_hidden_layers", 12, ConfigFields.MAX_LAYERS), vHeads, imageSize, patchSize, channels,
                v.positiveReal("layer_norm_eps", 1e-5), v.text("hidden_act", "quick_gelu"),
                v.positive("projection_dim", 512, ConfigFields.MAX_SIZE));
        if (!vision.hiddenAct().equals("quick_gelu") && !vision.hiddenAct().equals("gelu")) {
            throw new IllegalArgumentException("vision_config.hidden_act " + vision.hiddenAct() + " is not supported");
        }
        String projectorAct = c.text("projector_hidden_act", "gelu");
        if (!projectorAct.equals("gelu")) {
            throw new IllegalArgumentException("projector_hidden_act " + projectorAct + " is not supported (gelu)");
        }
        String strategy = c.text("vision_feature_select_strategy", "default");
        int patches = vision.numPatches() + (strategy.equals("full") ? 1 : 0);
        int imageSeq = c.positive("image_seq_length", patches, ConfigFields.MAX_SIZE);
        if (imageSeq != patches) {
            throw new IllegalArgumentException("image_seq_length " + imageSeq + " does not match the vision tower's "
                    + patches + " image features (vision_config.image_size / patch_size squared)");
        }
        if (imageSeq >= text.maxPositionEmbeddings()) {
            throw new IllegalArgumentException("image_seq_length " + imageSeq + " leaves no room in"
                    + " text_config.max_position_embeddings " + text.maxPositionEmbeddings());
        }
        // An image token outside the vocabulary would never be found in the prompt: the image silently dropped.
        int imageToken = c.integer("image_token_index", 32000, 0, vocab - 1);
        int pad = c.has("pad_token_id") ? c.integer("pad_token_id", 32001, 0, vocab - 1) : 32001;
        int layer = c.integer("vision_feature_layer", -2, Integer.MIN_VALUE, Integer.MAX_VALUE);
        return new LlavaConfig(text, vision, imageToken, imageSeq, layer, strategy, projectorAct,
                c.bool("multimodal_projector_bias", true), pad, c.bool("tie_word_embeddings", false));
    }

    private static void checkRopeType(String type) {
        if (!type.equals("default")) {
            throw new IllegalArgumentException("rope type " + type + " is not supported (LLaVA-1.5 uses default RoPE)");
        }
    }

    private static int eosOf(ConfigFields t, int vocab) {
        JsonNode eos = t.raw("eos_token_id");
        if (eos.isArray() && !eos.isEmpty()) {
            if (!eos.get(0).canConvertToInt() || eos.get(0).asInt() < 0 || eos.get(0).asInt() >= vocab) {
                throw new IllegalArgumentException("text_config.eos_token_id " + eos + " is outside the vocabulary"
                        + " of " + vocab);
            }
            return eos.get(0).asInt();
        }
        return eos.isNumber() ? t.integer("eos_token_id", 2, 0, vocab - 1) : 2;
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

package adreview.llava.config;

/** The LLaMA decoder's shape. Defaults are LlamaConfig's (the LLaMA-2 7B shape). */
public record TextConfig(int hiddenSize, int intermediateSize, int numHiddenLayers, int numAttentionHeads,
                         int numKeyValueHeads, int headDim, int vocabSize, double rmsNormEps, double ropeTheta,
                         int maxPositionEmbeddings, String hiddenAct, boolean attentionBias, boolean mlpBias,
                         int bosTokenId, int eosTokenId) {

    public TextConfig {
        if (hiddenSize <= 0 || numAttentionHeads <= 0 || numHiddenLayers <= 0 || numKeyValueHeads <= 0) {
            throw new IllegalArgumentException("text_config: sizes must be positive");
        }
        if (numAttentionHeads % numKeyValueHeads != 0) {
            throw new IllegalArgumentException("text_config: num_attention_heads " + numAttentionHeads
                    + " is not a multiple of num_key_value_heads " + numKeyValueHeads);
        }
        if (headDim % 2 != 0) {
            throw new IllegalArgumentException("text_config: head_dim " + headDim + " must be even for rotary embeddings");
        }
    }

    public int kvGroups() {
        return numAttentionHeads / numKeyValueHeads;
    }
}

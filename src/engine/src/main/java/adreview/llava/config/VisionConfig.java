package adreview.llava.config;

/** The CLIP vision tower's shape. Defaults are CLIPVisionConfig's, except where LLaVA's sparse config says otherwise. */
public record VisionConfig(int hiddenSize, int intermediateSize, int numHiddenLayers, int numAttentionHeads,
                           int imageSize, int patchSize, int numChannels, double layerNormEps, String hiddenAct,
                           int projectionDim) {

    public VisionConfig {
        if (hiddenSize <= 0 || numAttentionHeads <= 0 || numHiddenLayers <= 0 || imageSize <= 0 || patchSize <= 0) {
            throw new IllegalArgumentException("vision_config: sizes must be positive");
        }
        if (hiddenSize % numAttentionHeads != 0) {
            throw new IllegalArgumentException("vision_config: hidden_size " + hiddenSize
                    + " is not a multiple of num_attention_heads " + numAttentionHeads);
        }
        if (imageSize % patchSize != 0) {
            throw new IllegalArgumentException("vision_config: image_size " + imageSize
                    + " is not a multiple of patch_size " + patchSize);
        }
    }

    public int gridSize() {
        return imageSize / patchSize;
    }

    public int numPatches() {
        return gridSize() * gridSize();
    }

    public int headDim() {
        return hiddenSize / numAttentionHeads;
    }
}

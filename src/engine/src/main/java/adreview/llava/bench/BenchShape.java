package adreview.llava.bench;

import adreview.llava.config.LlavaConfig;
import adreview.llava.config.TextConfig;
import adreview.llava.config.VisionConfig;

import java.util.Locale;

/** Model shapes for benchmarks: {@code 7b} is LLaVA-1.5-7B's; the others fit a small machine. */
public enum BenchShape {
    TINY(new VisionConfig(64, 128, 3, 4, 336, 14, 3, 1e-5, "quick_gelu", 64),
            new TextConfig(64, 172, 3, 4, 4, 16, 32064, 1e-5, 10000, 4096, "silu", false, false, 1, 2)),
    SMALL(new VisionConfig(256, 1024, 4, 4, 336, 14, 3, 1e-5, "quick_gelu", 256),
            new TextConfig(1024, 2816, 8, 16, 16, 64, 32064, 1e-5, 10000, 4096, "silu", false, false, 1, 2)),
    MEDIUM(new VisionConfig(512, 2048, 8, 8, 336, 14, 3, 1e-5, "quick_gelu", 512),
            new TextConfig(2048, 5632, 16, 16, 16, 128, 32064, 1e-5, 10000, 4096, "silu", false, false, 1, 2)),
    SEVEN_B(new VisionConfig(1024, 4096, 24, 16, 336, 14, 3, 1e-5, "quick_gelu", 768),
            new TextConfig(4096, 11008, 32, 32, 32, 128, 32064, 1e-5, 10000, 4096, "silu", false, false, 1, 2));

    private final VisionConfig vision;
    private final TextConfig text;

    BenchShape(VisionConfig vision, TextConfig text) {
        this.vision = vision;
        this.text = text;
    }

    public LlavaConfig config() {
        return config(text.numHiddenLayers());
    }

    /**
     * This shape with {@code textLayers} decoder layers instead of its own: every width of the shape, a fraction of
     * the weights. Calls per decode token grow by the same number per layer, so two such runs give a full model's.
     */
    public LlavaConfig config(int textLayers) {
        TextConfig t = text;
        TextConfig fewer = new TextConfig(t.hiddenSize(), t.intermediateSize(), textLayers, t.numAttentionHeads(),
                t.numKeyValueHeads(), t.headDim(), t.vocabSize(), t.rmsNormEps(), t.ropeTheta(),
                t.maxPositionEmbeddings(), t.hiddenAct(), t.attentionBias(), t.mlpBias(), t.bosTokenId(),
                t.eosTokenId());
        return new LlavaConfig(fewer, vision, 32000, vision.numPatches(), -2, "default", "gelu", true, 32001, false);
    }

    public String label() {
        return this == SEVEN_B ? "7b" : name().toLowerCase(Locale.ROOT);
    }

    public static BenchShape parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (BenchShape s : values()) {
            if (s.label().equals(t)) {
                return s;
            }
        }
        throw new IllegalArgumentException("shape " + text + " is not one of tiny, small, medium, 7b");
    }
}

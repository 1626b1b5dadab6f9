package adreview.llava.weights;

/**
 * The two naming schemes of LLaVA checkpoints. The engine asks for legacy names (those of the hub checkpoint:
 * {@code language_model.model.…}, {@code language_model.lm_head.weight}, {@code vision_tower.…},
 * {@code multi_modal_projector.…}); a transformers-5 folder stores them as {@code model.language_model.…},
 * {@code lm_head.weight}, {@code model.vision_tower.…}, {@code model.multi_modal_projector.…}.
 */
public enum TensorNames {
    LEGACY,
    TRANSFORMERS5;

    private static final String PROBE = "language_model.model.embed_tokens.weight";

    /** Which scheme a weights source uses (legacy when neither embedding name is present). */
    public static TensorNames detect(WeightSource weights) {
        if (weights.contains(PROBE)) {
            return LEGACY;
        }
        return weights.contains(TRANSFORMERS5.stored(PROBE)) ? TRANSFORMERS5 : LEGACY;
    }

    /** The name under which this scheme stores the tensor with the given legacy name. */
    public String stored(String legacy) {
        if (this == LEGACY) {
            return legacy;
        }
        if (legacy.equals("language_model.lm_head.weight")) {
            return "lm_head.weight";
        }
        if (legacy.startsWith("language_model.model.")) {
            return "model.language_model." + legacy.substring("language_model.model.".length());
        }
        if (legacy.startsWith("vision_tower.") || legacy.startsWith("multi_modal_projector.")) {
            return "model." + legacy;
        }
        return legacy;
    }
}

package adreview.llava;

/**
 * Weight precision. {@code AUTO} is fp16 on a GPU (int8 only when fp16 does not fit its free memory: int8 saves
 * memory but is slower there, its weights widened to fp16 per layer) and fp32 on the CPU. int8 is weight-only
 * (per-output-channel symmetric, every linear of decoder and projector); on the CPU the arithmetic is FP32: the
 * Vector API decode kernel widens int8 in registers, libtorch widens fp16 and int8 weights per layer.
 */
public enum Precision {
    AUTO,
    INT8,
    FP16,
    FP32;

    public static Precision parse(String text) {
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "auto" -> AUTO;
            case "int8", "8bit", "8-bit" -> INT8;
            case "fp16", "float16", "half" -> FP16;
            case "fp32", "float32", "float" -> FP32;
            default -> throw new IllegalArgumentException("precision " + text + " is not one of auto, int8, fp16, fp32");
        };
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

package adreview.llava.net;

import java.util.Locale;

/**
 * What runs a decode step: libtorch op by op (every device), libtorch through one TorchScript call (every device),
 * or the Java Vector API kernel (CPU, FP32 compute, FP32 or int8 weights; see {@link adreview.llava.cpu}). Chosen
 * when the model loads, by {@code -Dadreview.llava.kernel} ({@code auto}, the default: the Vector API where it can
 * run, else TorchScript where its module loads, else libtorch op by op).
 */
public enum DecodeKernel {
    TORCH("libtorch"),
    /** The whole step as one TorchScript call into libtorch (any device; see {@link ScriptDecodeStep}). */
    SCRIPT("TorchScript"),
    VECTOR("Java Vector API");

    public static final String PROPERTY = "adreview.llava.kernel";
    private final String label;

    DecodeKernel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** "torch" or "vector"; null for "auto". */
    public static DecodeKernel parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "auto", "" -> null;
            case "torch", "libtorch" -> TORCH;
            case "script", "torchscript" -> SCRIPT;
            case "vector", "java" -> VECTOR;
            default -> throw new IllegalArgumentException("decode kernel " + text
                    + " is not one of auto, torch, script, vector");
        };
    }

    /** The kernel {@code -Dadreview.llava.kernel} asks for, or null for auto. */
    public static DecodeKernel requested() {
        return parse(System.getProperty(PROPERTY, "auto"));
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package adreview.llava.net;

import java.util.Locale;

/**
 * What runs a decode step: libtorch op by op (every device), or the Java Vector API kernel (CPU, FP32 compute, FP32
 * or int8 weights; see {@link adreview.llava.cpu}). Chosen when the model loads, by {@code -Dadreview.llava.kernel}
 * ({@code auto}, the default: the Vector API where it can run, else libtorch).
 */
public enum DecodeKernel {
    TORCH("libtorch"),
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
            case "vector", "java" -> VECTOR;
            default -> throw new IllegalArgumentException("decode kernel " + text + " is not one of auto, torch, vector");
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

package adreview.llava;

/** Where the model runs: {@code AUTO} picks the GPU when DJL sees CUDA, else the CPU. */
public enum Device {
    AUTO,
    CPU,
    GPU;

    /** Parses "auto", "cpu", "gpu" (also "cuda", "gpu:0"); the message names the accepted values. */
    public static Device parse(String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        if (t.startsWith("cuda") || t.startsWith("gpu")) {
            return GPU;
        }
        return switch (t) {
            case "auto" -> AUTO;
            case "cpu" -> CPU;
            default -> throw new IllegalArgumentException("device " + text + " is not one of auto, cpu, gpu");
        };
    }
}

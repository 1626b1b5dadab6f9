package adreview.llava;

import adreview.llava.config.LlavaConfig;

/**
 * What is loaded and how: the folder's name, device ("cpu" / "gpu:0"), the precision in use (after any fallback),
 * the engine (name, libtorch version, flavour), resident weight bytes, load time and config.
 */
public record ModelInfo(String folderName, String device, Precision precision, String precisionDetail, String engine,
                        long residentWeightBytes, double loadMs, LlavaConfig config) {

    /** One line for a status bar. */
    public String summary() {
        return String.format(java.util.Locale.ROOT, "%s on %s, %s, %.2f GB weights, %s", folderName, device,
                precisionDetail, residentWeightBytes / 1e9, engine);
    }
}

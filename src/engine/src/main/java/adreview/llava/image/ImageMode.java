package adreview.llava.image;

/** How a non-square image is fitted into the vision tower's square input. */
public enum ImageMode {
    /**
     * Pad to a square with the mean colour first (what LLaVA-1.5 was trained with): the whole ad stays in view,
     * including text near its edges. The desk's default.
     */
    PAD,
    /** Resize the short side and cut the centre out (what llava-hf's CLIPImageProcessor does): kept for parity. */
    CROP;

    /** {@code "pad"} or {@code "crop"}, any case (for {@code --image-mode}). */
    public static ImageMode parse(String text) {
        for (ImageMode mode : values()) {
            if (mode.name().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return mode;
            }
        }
        throw new IllegalArgumentException("image mode '" + text + "' is not one of pad, crop");
    }
}

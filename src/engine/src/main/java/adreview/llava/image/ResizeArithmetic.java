package adreview.llava.image;

/**
 * Which fixed-point arithmetic the 8-bit antialiased resize uses. Both are Pillow's separable algorithm (filter
 * support scaled by the downscale factor, coefficients normalised per output pixel, horizontal pass first, results
 * rounded and clipped to 8 bits between and after the passes); they differ only in how the coefficients are
 * rounded to integers.
 */
public enum ResizeArithmetic {
    /**
     * torch's uint8 antialiased interpolate, which transformers 5 runs for {@code CLIPImageProcessor} and
     * {@code LlavaImageProcessor} (torchvision backend): int16 coefficients with the largest precision (at most 22
     * bits) at which the biggest coefficient of the axis still fits. The references in the fixtures were made this way.
     */
    TORCHVISION,
    /** Pillow's {@code ImagingResample}: int32 coefficients with 22 fractional bits (transformers 4's PIL path). */
    PILLOW
}

package adreview.llava.image;

/**
 * The resampling filters a {@code preprocessor_config.json} may name, by their Pillow codes ({@code "resample": 3}
 * is bicubic, the only one LLaVA-1.5 uses). Each filter is evaluated exactly as Pillow's and torch's antialiased
 * resize evaluate it, so that the fixed-point coefficients come out bit-identical.
 */
public enum ResampleFilter {
    BILINEAR(2, 1.0),
    BICUBIC(3, 2.0);

    /** Pillow's and torch's cubic coefficient for antialiased resizing (not torch's -0.75 for plain bicubic). */
    private static final double A = -0.5;

    private final int pillowCode;
    private final double support;

    ResampleFilter(int pillowCode, double support) {
        this.pillowCode = pillowCode;
        this.support = support;
    }

    /** The Pillow resample code ({@code PIL.Image.Resampling}), as written in preprocessor_config.json. */
    public int pillowCode() {
        return pillowCode;
    }

    /** Half-width of the filter at scale 1, in input pixels. */
    double support() {
        return support;
    }

    /**
     * The filter weight at distance {@code x}. {@code torchOrder} selects torch's operation order for the outer
     * cubic lobe ({@code ((a*x - 5a)*x + 8a)*x - 4a}) instead of Pillow's ({@code (((x-5)*x + 8)*x - 4)*a}); the two
     * differ in the last bits of a double, which can move a rounded fixed-point coefficient by one.
     */
    double weight(double x, boolean torchOrder) {
        x = Math.abs(x);
        if (this == BILINEAR) {
            return x < 1.0 ? 1.0 - x : 0.0;
        }
        if (x < 1.0) {
            return ((A + 2.0) * x - (A + 3.0)) * x * x + 1;
        }
        if (x < 2.0) {
            return torchOrder
                    ? ((A * x - 5 * A) * x + 8 * A) * x - 4 * A
                    : (((x - 5) * x + 8) * x - 4) * A;
        }
        return 0.0;
    }

    /** The filter for a Pillow resample code. */
    public static ResampleFilter ofPillowCode(int code) {
        for (ResampleFilter f : values()) {
            if (f.pillowCode == code) {
                return f;
            }
        }
        throw new IllegalArgumentException("resample " + code + " is not supported (only 2 = bilinear and"
                + " 3 = bicubic; LLaVA-1.5 uses 3)");
    }
}

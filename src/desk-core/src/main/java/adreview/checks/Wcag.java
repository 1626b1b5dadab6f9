package adreview.checks;

/**
 * WCAG 2.x colour arithmetic: relative luminance, contrast ratio, the large-text rule and the
 * thresholds of success criteria 1.4.3 (AA) and 1.4.6 (AAA).
 *
 * <p>Ratios are compared unrounded, as WCAG requires (4.48:1 fails 4.5:1); they are rounded to
 * two decimals only for display.
 */
public final class Wcag {

    /** 1.4.3 Contrast (Minimum), normal text. */
    public static final double AA_NORMAL = 4.5;
    /** 1.4.3 Contrast (Minimum), large text. */
    public static final double AA_LARGE = 3.0;
    /** 1.4.6 Contrast (Enhanced), normal text. */
    public static final double AAA_NORMAL = 7.0;
    /** 1.4.6 Contrast (Enhanced), large text. */
    public static final double AAA_LARGE = 4.5;

    /** CSS pixels per point: 1 pt = 1/72 in, 1 px = 1/96 in. */
    public static final double PX_PER_PT = 96.0 / 72.0;
    /** Large text: at least 18 pt = 24 px. */
    public static final double LARGE_PX = 18.0 * PX_PER_PT;
    /** Large bold text: at least 14 pt = 18.67 px; 18.66 px is accepted, the usual CSS rounding of 14 pt. */
    public static final double LARGE_BOLD_PX = 18.66;

    private static final double[] LINEAR = new double[256];

    static {
        for (int v = 0; v < 256; v++) {
            double c = v / 255.0;
            // sRGB transfer function. WCAG 2.0 printed 0.03928 as the knee; no 8-bit value lies
            // between 0.03928 and 0.04045, so both give identical results.
            LINEAR[v] = c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
    }

    private Wcag() {
    }

    /** Relative luminance (0 = black, 1 = white) of an sRGB colour given as 0xRRGGBB (alpha ignored). */
    public static double relativeLuminance(int rgb) {
        return 0.2126 * LINEAR[(rgb >> 16) & 0xFF] + 0.7152 * LINEAR[(rgb >> 8) & 0xFF] + 0.0722 * LINEAR[rgb & 0xFF];
    }

    /** Contrast ratio (1 to 21) of two luminances, order irrelevant. */
    public static double contrastRatio(double luminanceA, double luminanceB) {
        double lighter = Math.max(luminanceA, luminanceB);
        double darker = Math.min(luminanceA, luminanceB);
        return (lighter + 0.05) / (darker + 0.05);
    }

    /** Contrast ratio (1 to 21) of two sRGB colours 0xRRGGBB. */
    public static double contrastRatio(int rgbA, int rgbB) {
        return contrastRatio(relativeLuminance(rgbA), relativeLuminance(rgbB));
    }

    /** Whether text of this CSS pixel size and weight counts as large text for WCAG. */
    public static boolean isLargeText(double sizePx, boolean bold) {
        return sizePx >= LARGE_PX - 1e-9 || (bold && sizePx >= LARGE_BOLD_PX);
    }

    public static double requiredAa(boolean large) {
        return large ? AA_LARGE : AA_NORMAL;
    }

    public static double requiredAaa(boolean large) {
        return large ? AAA_LARGE : AAA_NORMAL;
    }

    /** Ratio rounded to two decimals, for display and JSON. */
    public static double round2(double ratio) {
        return Math.round(ratio * 100.0) / 100.0;
    }

    /** "#RRGGBB", upper case. */
    public static String hex(int rgb) {
        return String.format(java.util.Locale.ROOT, "#%06X", rgb & 0xFFFFFF);
    }

    /** Parses "#RRGGBB" or "RRGGBB"; returns -1 for anything else. */
    public static int parseHex(String s) {
        if (s == null) {
            return -1;
        }
        String t = s.trim();
        if (t.startsWith("#")) {
            t = t.substring(1);
        }
        if (t.length() != 6) {
            return -1;
        }
        try {
            return Integer.parseInt(t, 16);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}

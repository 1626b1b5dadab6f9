package adreview.checks;

/**
 * Measured contrast of one text box on the render.
 *
 * @param ratio            WCAG contrast ratio of text and background colour, rounded to two decimals
 *                         (the verdicts use the unrounded value); an estimate when the verdict is undetermined
 * @param worstRatio       contrast of the text colour against the lowest-contrast 5% of the
 *                         background (anti-aliased glyph rims excluded); equals the ratio on a flat
 *                         fill, lower on gradients. The verdicts use this one (never above ratio):
 *                         it is the ratio to show as "the" contrast
 * @param textColour       most frequent colour on the text side of the luminance split, "#RRGGBB"
 * @param backgroundColour most frequent colour on the background side, "#RRGGBB"
 * @param designerColour   the layout's intended text colour, for comparison only (may be null)
 * @param dominantShare    share of the box's pixels near the two colours; below the threshold the
 *                         background is too busy to judge
 * @param aa               WCAG 1.4.3 verdict (4.5:1, large text 3:1)
 * @param aaa              WCAG 1.4.6 verdict (7:1, large text 4.5:1)
 * @param note             why a verdict is undetermined, or other remarks; may be null
 */
public record BoxContrast(int box, String role, String text, int x, int y, int w, int h,
                          double ratio, double worstRatio, String textColour, String backgroundColour, String designerColour,
                          boolean largeText, double dominantShare,
                          double requiredAa, double requiredAaa, Verdict aa, Verdict aaa, String note) {
}

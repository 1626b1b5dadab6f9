package adreview.checks;

/**
 * Every tunable number of the measured checks, in one place. {@link #defaults()} holds the values
 * the desk uses; each one's reason is written beside it.
 *
 * @param contrastDominance  minimum share of a text box's pixels that must lie near the two
 *                           estimated colours (text, background) for a contrast verdict. Solid
 *                           anti-aliased text on a flat fill measured 0.75 (12 px, box tight around
 *                           the glyphs) to 0.98 (120 px), NanumGothic, Latin and Hangul: the
 *                           anti-aliased rim is what is left. A black-to-white gradient behind 40–120 px
 *                           text measured 0.32–0.55, photographs lower. 0.6 sits between, with room
 *                           for JPEG noise and a soft shadow; a gradient gentle enough to pass this is
 *                           caught by the worst-background ratio instead.
 * @param colourTolerance    per-channel distance (0–255) within which a pixel counts as "near" one of
 *                           the two colours: two 8-level quantisation bins, wider than JPEG noise on
 *                           flat fills (±4) and narrower than any contrast that matters.
 * @param occlusionFlag      a text box is flagged when at least this share of its area lies over the
 *                           subject: a quarter of a box covers a meaningful part of a product.
 * @param saliency           how the subject is found; the threshold over the saliency map's mean is
 *                           the method's paper's (see {@link SaliencyMethod})
 * @param saliencyBlurSigma  Gaussian smoothing of the 64×64 spectral-residual map, in map cells
 *                           (about the 5-cell smoothing of the paper's implementation)
 * @param quality            image quality thresholds for Stage 1
 */
public record CheckThresholds(double contrastDominance, int colourTolerance, double occlusionFlag,
                              SaliencyMethod saliency, double saliencyBlurSigma, QualityThresholds quality) {

    public static CheckThresholds defaults() {
        return new CheckThresholds(0.6, 16, 0.25, SaliencyMethod.COLOUR, 2.5, QualityThresholds.defaults());
    }
}

package adreview.checks;

/**
 * Thresholds of the Stage 1 image quality measurements, in one place.
 *
 * @param maxUpscale           the image may be enlarged at most by this factor to cover the placement
 *                             (1.0: never; enlargement softens every edge the viewer sees)
 * @param maxCropShare         share of the image lost when cropping it to the placement's aspect
 *                             ratio above which the aspect is reported as wrong (a tenth of the picture)
 * @param minLaplacianVariance variance of the Laplacian of luma (0–255 scale) over the detailed tiles
 *                             below which the image is called blurry. Measured on the demo images
 *                             (crisp Java2D drawings): 54–248; the same after a 3×3 box blur: 8–35,
 *                             after 5×5: 3–11. Photographs, with texture everywhere, measure higher;
 *                             the 100 often quoted for whole photographs would call every crisp
 *                             flat-design ad blurry, so 40
 * @param shadowLevel          luma at or below which a pixel counts as clipped black
 * @param highlightLevel       luma at or above which a pixel counts as clipped white
 * @param maxClippedShare      share of clipped pixels (either end) above which exposure is reported bad:
 *                             a quarter of the frame burnt out or crushed is plainly visible. A product
 *                             shot on a pure white backdrop exceeds it too and is reported, for the
 *                             reviewer to judge
 */
public record QualityThresholds(double maxUpscale, double maxCropShare, double minLaplacianVariance,
                                int shadowLevel, int highlightLevel, double maxClippedShare) {

    public static QualityThresholds defaults() {
        return new QualityThresholds(1.0, 0.10, 40.0, 5, 250, 0.25);
    }
}

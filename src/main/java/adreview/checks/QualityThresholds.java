package adreview.checks;

/**
 * Thresholds of the Stage 1 image quality measurements, in one place.
 *
 * @param maxUpscale           the image may be enlarged at most by this factor to cover the placement
 *                             (1.0: never; enlargement softens every edge the viewer sees)
 * @param maxCropShare         share of the image lost when cropping it to the placement's aspect
 *                             ratio above which the aspect is reported as wrong (a tenth of the picture)
 * @param minLaplacianVariance variance of the 3×3 Laplacian of luma (0–255 scale) below which the image
 *                             is called blurry; 100 is the value usually quoted for photographs since
 *                             Pech-Pacheco et al. (2000) proposed the measure
 * @param shadowLevel          luma at or below which a pixel counts as clipped black
 * @param highlightLevel       luma at or above which a pixel counts as clipped white
 * @param maxClippedShare      share of clipped pixels (either end) above which exposure is reported bad;
 *                             a quarter tolerates a product shot on a pure white backdrop, which is
 *                             common in ads, while catching burnt-out or crushed images
 */
public record QualityThresholds(double maxUpscale, double maxCropShare, double minLaplacianVariance,
                                int shadowLevel, int highlightLevel, double maxClippedShare) {

    public static QualityThresholds defaults() {
        return new QualityThresholds(1.0, 0.10, 100.0, 5, 250, 0.25);
    }
}

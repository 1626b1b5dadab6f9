package adreview.checks;

/**
 * Stage 1 image quality measured on the generated image.
 *
 * @param upscale           factor by which the image must be enlarged to cover the placement (≤ 1: none)
 * @param cropShare         share of the image cut away to fit the placement's aspect ratio
 * @param laplacianVariance variance of the 3×3 Laplacian of luma (0–255 scale) over the whole image,
 *                          for reference: flat designed backdrops pull it down
 * @param detailLaplacianVariance the same over the detailed 64×64 tiles only: the sharpness judged
 * @param shadowsClipped    share of pixels with luma at or below the shadow level
 * @param highlightsClipped share of pixels with luma at or above the highlight level
 * @param problems          one line per failed aspect, empty when all pass
 */
public record QualityReport(int width, int height, Placement placement,
                            double upscale, double cropShare, boolean resolutionOk,
                            double laplacianVariance, double detailLaplacianVariance, boolean sharpOk,
                            double shadowsClipped, double highlightsClipped, boolean exposureOk,
                            boolean ok, java.util.List<String> problems) {

    public QualityReport {
        problems = java.util.List.copyOf(problems);
    }
}

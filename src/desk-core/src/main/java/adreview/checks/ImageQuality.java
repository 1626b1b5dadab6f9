package adreview.checks;

import java.util.ArrayList;
import java.util.List;

/** Resolution against the placement, sharpness and exposure of the generated image. */
public final class ImageQuality {

    /** Tile side for the detail-region sharpness, in pixels. */
    static final int TILE = 64;
    /** A tile with at least this luma standard deviation (0–255) holds detail. */
    static final double DETAIL_STD = 8.0;

    private final QualityThresholds t;

    public ImageQuality(QualityThresholds thresholds) {
        this.t = thresholds;
    }

    public QualityReport measure(RgbPixels image, Placement placement) {
        int w = image.width();
        int h = image.height();
        // "Cover" fit: scale until both sides reach the placement, crop the overflow.
        double upscale = Math.max((double) placement.width() / w, (double) placement.height() / h);
        double imageAspect = (double) w / h;
        double placeAspect = (double) placement.width() / placement.height();
        double cropShare = 1 - Math.min(imageAspect, placeAspect) / Math.max(imageAspect, placeAspect);
        boolean resolutionOk = upscale <= t.maxUpscale() + 1e-9 && cropShare <= t.maxCropShare();

        float[] luma = image.luma();
        double lapVar = laplacianVariance(luma, w, h);
        double[] detail = detailLaplacianVariance(luma, w, h);
        double detailVar = detail[0];
        boolean sharpOk = detail[1] > 0 && detailVar >= t.minLaplacianVariance();

        long dark = 0;
        long bright = 0;
        for (float l : luma) {
            // Luma is rounded so that the levels compare with whole 8-bit values.
            int v = Math.round(l);
            if (v <= t.shadowLevel()) {
                dark++;
            } else if (v >= t.highlightLevel()) {
                bright++;
            }
        }
        double shadows = (double) dark / luma.length;
        double highlights = (double) bright / luma.length;
        boolean exposureOk = shadows <= t.maxClippedShare() && highlights <= t.maxClippedShare();

        List<String> problems = new ArrayList<>();
        if (upscale > t.maxUpscale() + 1e-9) {
            problems.add(String.format(java.util.Locale.ROOT, "resolution %dx%d is too small for %s %dx%d: it must be enlarged %.2fx",
                    w, h, placement.name(), placement.width(), placement.height(), upscale));
        }
        if (cropShare > t.maxCropShare()) {
            problems.add(String.format(java.util.Locale.ROOT, "aspect ratio %dx%d does not fit %s %dx%d: %.0f%% would be cropped",
                    w, h, placement.name(), placement.width(), placement.height(), cropShare * 100));
        }
        if (detail[1] == 0) {
            problems.add("no detailed region to judge sharpness: the image is flat");
        } else if (!sharpOk) {
            problems.add(String.format(java.util.Locale.ROOT, "blurry: Laplacian variance %.1f over the detailed regions is below %.1f",
                    detailVar, t.minLaplacianVariance()));
        }
        if (shadows > t.maxClippedShare()) {
            problems.add(String.format(java.util.Locale.ROOT, "underexposed: %.0f%% of pixels are clipped black", shadows * 100));
        }
        if (highlights > t.maxClippedShare()) {
            problems.add(String.format(java.util.Locale.ROOT, "overexposed: %.0f%% of pixels are clipped white", highlights * 100));
        }
        return new QualityReport(w, h, placement, round(upscale, 3), round(cropShare, 3), resolutionOk,
                round(lapVar, 1), round(detailVar, 1), sharpOk, round(shadows, 4), round(highlights, 4), exposureOk,
                resolutionOk && sharpOk && exposureOk, problems);
    }

    /**
     * Variance of the Laplacian over the image's detailed regions: the mean of the per-tile variance
     * over 64×64 tiles whose luma standard deviation is at least {@value #DETAIL_STD}. Flat areas (sky,
     * studio backdrop, the smooth gradients of designed ads) have no Laplacian to measure and would
     * otherwise dilute the measure, so that a crisp product on a plain backdrop reads as "blurry".
     *
     * @return {mean over detailed tiles, number of detailed tiles}
     */
    static double[] detailLaplacianVariance(float[] l, int w, int h) {
        double sum = 0;
        int n = 0;
        float[] tile = new float[TILE * TILE];
        for (int ty = 0; ty + TILE <= h; ty += TILE) {
            for (int tx = 0; tx + TILE <= w; tx += TILE) {
                double m = 0;
                double m2 = 0;
                for (int y = 0; y < TILE; y++) {
                    int row = (ty + y) * w + tx;
                    for (int x = 0; x < TILE; x++) {
                        float v = l[row + x];
                        tile[y * TILE + x] = v;
                        m += v;
                        m2 += (double) v * v;
                    }
                }
                m /= TILE * TILE;
                double sd = Math.sqrt(Math.max(0, m2 / (TILE * TILE) - m * m));
                if (sd >= DETAIL_STD) {
                    sum += laplacianVariance(tile, TILE, TILE);
                    n++;
                }
            }
        }
        return new double[]{n == 0 ? 0 : sum / n, n};
    }

    /** Variance of the 4-neighbour Laplacian over the interior pixels. */
    static double laplacianVariance(float[] l, int w, int h) {
        if (w < 3 || h < 3) {
            return 0;
        }
        double sum = 0;
        double sumSq = 0;
        long n = (long) (w - 2) * (h - 2);
        for (int y = 1; y < h - 1; y++) {
            int row = y * w;
            for (int x = 1; x < w - 1; x++) {
                int i = row + x;
                double lap = l[i - 1] + l[i + 1] + l[i - w] + l[i + w] - 4 * l[i];
                sum += lap;
                sumSq += lap * lap;
            }
        }
        double mean = sum / n;
        return sumSq / n - mean * mean;
    }

    private static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }
}

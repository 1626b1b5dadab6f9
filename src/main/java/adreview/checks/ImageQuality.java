package adreview.checks;

import java.util.ArrayList;
import java.util.List;

/** Resolution against the placement, sharpness and exposure of the generated image. */
public final class ImageQuality {

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
        boolean sharpOk = lapVar >= t.minLaplacianVariance();

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
            problems.add(String.format("resolution %dx%d is too small for %s %dx%d: it must be enlarged %.2fx",
                    w, h, placement.name(), placement.width(), placement.height(), upscale));
        }
        if (cropShare > t.maxCropShare()) {
            problems.add(String.format("aspect ratio %dx%d does not fit %s %dx%d: %.0f%% would be cropped",
                    w, h, placement.name(), placement.width(), placement.height(), cropShare * 100));
        }
        if (!sharpOk) {
            problems.add(String.format("blurry: Laplacian variance %.1f is below %.1f", lapVar, t.minLaplacianVariance()));
        }
        if (shadows > t.maxClippedShare()) {
            problems.add(String.format("underexposed: %.0f%% of pixels are clipped black", shadows * 100));
        }
        if (highlights > t.maxClippedShare()) {
            problems.add(String.format("overexposed: %.0f%% of pixels are clipped white", highlights * 100));
        }
        return new QualityReport(w, h, placement, round(upscale, 3), round(cropShare, 3), resolutionOk,
                round(lapVar, 1), sharpOk, round(shadows, 4), round(highlights, 4), exposureOk,
                resolutionOk && sharpOk && exposureOk, problems);
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

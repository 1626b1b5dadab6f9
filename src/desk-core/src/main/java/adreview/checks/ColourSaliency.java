package adreview.checks;

/**
 * Frequency-tuned colour saliency (Achanta, Hemami, Estrada &amp; Süsstrunk, "Frequency-tuned Salient
 * Region Detection", CVPR 2009) on the 64×64 thumbnail: each cell's saliency is the CIELAB distance
 * between its (area-averaged, hence low-passed) colour and the image's mean colour.
 *
 * <p>Why beside spectral residual: an ad's product is the region whose colour departs most from the
 * designed backdrop, and this measure marks that region's whole body evenly, where spectral
 * residual marks small details and outlines and misses the body of a product that fills half the
 * frame (measured on the demo shoe: spectral residual found the laces and the sole's ends only).
 */
final class ColourSaliency {

    private ColourSaliency() {
    }

    /** Saliency map, SIZE×SIZE row-major, normalised to a maximum of 1 (all zeros for a flat image). */
    static double[] saliency(RgbPixels image) {
        int n = SpectralResidualSaliency.SIZE;
        double[][] lab = labThumbnail(image, n);
        double mL = 0;
        double mA = 0;
        double mB = 0;
        for (double[] c : lab) {
            mL += c[0];
            mA += c[1];
            mB += c[2];
        }
        mL /= lab.length;
        mA /= lab.length;
        mB /= lab.length;
        double[] s = new double[lab.length];
        double max = 0;
        for (int i = 0; i < s.length; i++) {
            double dl = lab[i][0] - mL;
            double da = lab[i][1] - mA;
            double db = lab[i][2] - mB;
            s[i] = Math.sqrt(dl * dl + da * da + db * db);
            max = Math.max(max, s[i]);
        }
        // Below one just-noticeable difference everywhere: a flat image has no subject.
        if (max < 2.3) {
            return new double[s.length];
        }
        for (int i = 0; i < s.length; i++) {
            s[i] /= max;
        }
        return s;
    }

    private static double[][] labThumbnail(RgbPixels image, int n) {
        int w = image.width();
        int h = image.height();
        double[][] sum = new double[n * n][3];
        int[] cnt = new int[n * n];
        int[] px = image.array();
        int[] cx = new int[w];
        for (int x = 0; x < w; x++) {
            cx[x] = (int) ((long) x * n / w);
        }
        for (int y = 0; y < h; y++) {
            int cy = (int) ((long) y * n / h) * n;
            int row = y * w;
            for (int x = 0; x < w; x++) {
                int c = px[row + x];
                double[] acc = sum[cy + cx[x]];
                acc[0] += (c >> 16) & 0xFF;
                acc[1] += (c >> 8) & 0xFF;
                acc[2] += c & 0xFF;
                cnt[cy + cx[x]]++;
            }
        }
        double[][] lab = new double[n * n][];
        for (int i = 0; i < lab.length; i++) {
            int k = cnt[i] > 0 ? i : (i >= n ? i - n : Math.max(0, i - 1));
            int c = Math.max(1, cnt[k]);
            lab[i] = toLab(sum[k][0] / c, sum[k][1] / c, sum[k][2] / c);
        }
        return lab;
    }

    /** sRGB (0–255) to CIELAB, D65 white. */
    static double[] toLab(double r, double g, double b) {
        double rl = lin(r / 255);
        double gl = lin(g / 255);
        double bl = lin(b / 255);
        double x = (0.4124 * rl + 0.3576 * gl + 0.1805 * bl) / 0.95047;
        double y = 0.2126 * rl + 0.7152 * gl + 0.0722 * bl;
        double z = (0.0193 * rl + 0.1192 * gl + 0.9505 * bl) / 1.08883;
        double fx = f(x);
        double fy = f(y);
        double fz = f(z);
        return new double[]{116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
    }

    private static double lin(double c) {
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static double f(double t) {
        return t > 216.0 / 24389 ? Math.cbrt(t) : (24389.0 / 27 * t + 16) / 116;
    }
}

package adreview.checks;

/**
 * Spectral residual saliency (Hou &amp; Zhang, "Saliency Detection: A Spectral Residual Approach",
 * CVPR 2007) on a 64×64 grey thumbnail.
 *
 * <p>It needs no training, runs in a millisecond, and marks what stands out from the image's own
 * statistics, while smooth gradients and regular textures score low. Steps, as in the paper: grey
 * thumbnail 64×64; log amplitude spectrum minus its 3×3 local mean is the spectral residual;
 * back-transform with the original phase, square, smooth with a Gaussian. The paper's object map is
 * where saliency exceeds 3× its mean. Its weakness for ads: it marks small details and outlines, so
 * on a product that fills half the frame it finds the laces and the sole's ends, not the shoe
 * (see {@link ColourSaliency}, the desk's default; {@link SubjectDetector} turns either map into a mask).
 */
public final class SpectralResidualSaliency {

    public static final int SIZE = 64;

    private final double blurSigma;

    public SpectralResidualSaliency(double blurSigma) {
        this.blurSigma = blurSigma;
    }

    /** Saliency map, SIZE×SIZE row-major, normalised to a maximum of 1. */
    public double[] saliency(RgbPixels image) {
        double[] re = thumbnail(image);
        double[] im = new double[SIZE * SIZE];
        Fft2d.transform(re, im, SIZE, false);
        double[] logAmp = new double[SIZE * SIZE];
        double[] phaseRe = new double[SIZE * SIZE];
        double[] phaseIm = new double[SIZE * SIZE];
        for (int i = 0; i < logAmp.length; i++) {
            double a = Math.hypot(re[i], im[i]);
            logAmp[i] = Math.log(a + 1e-9);
            phaseRe[i] = a > 0 ? re[i] / a : 1;
            phaseIm[i] = a > 0 ? im[i] / a : 0;
        }
        double[] local = boxBlur3(logAmp);
        for (int i = 0; i < logAmp.length; i++) {
            double mag = Math.exp(logAmp[i] - local[i]);
            re[i] = mag * phaseRe[i];
            im[i] = mag * phaseIm[i];
        }
        Fft2d.transform(re, im, SIZE, true);
        double[] s = new double[SIZE * SIZE];
        for (int i = 0; i < s.length; i++) {
            s[i] = re[i] * re[i] + im[i] * im[i];
        }
        s = gaussian(s, blurSigma);
        double max = 0;
        for (double v : s) {
            max = Math.max(max, v);
        }
        if (max > 0) {
            for (int i = 0; i < s.length; i++) {
                s[i] /= max;
            }
        }
        return s;
    }

    /** Area-averaged grey (luma) thumbnail, SIZE×SIZE, ignoring aspect ratio as the paper does. */
    static double[] thumbnail(RgbPixels image) {
        int w = image.width();
        int h = image.height();
        double[] sum = new double[SIZE * SIZE];
        int[] cnt = new int[SIZE * SIZE];
        int[] px = image.array();
        int[] cx = new int[w];
        for (int x = 0; x < w; x++) {
            cx[x] = (int) ((long) x * SIZE / w);
        }
        for (int y = 0; y < h; y++) {
            int cy = (int) ((long) y * SIZE / h) * SIZE;
            int row = y * w;
            for (int x = 0; x < w; x++) {
                int c = cy + cx[x];
                sum[c] += RgbPixels.luma(px[row + x]);
                cnt[c]++;
            }
        }
        for (int i = 0; i < sum.length; i++) {
            sum[i] = cnt[i] == 0 ? 0 : sum[i] / cnt[i] / 255.0;
        }
        // Images smaller than 64 px in a direction leave empty cells: fill them from the row above/left.
        for (int i = 0; i < sum.length; i++) {
            if (cnt[i] == 0) {
                sum[i] = i >= SIZE ? sum[i - SIZE] : (i > 0 ? sum[i - 1] : 0);
            }
        }
        return sum;
    }

    /** 3×3 mean with wrap-around: the spectrum is periodic. */
    private static double[] boxBlur3(double[] a) {
        double[] out = new double[a.length];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                double s = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        s += a[((y + dy + SIZE) % SIZE) * SIZE + (x + dx + SIZE) % SIZE];
                    }
                }
                out[y * SIZE + x] = s / 9;
            }
        }
        return out;
    }

    /** Separable Gaussian with clamped edges. */
    private static double[] gaussian(double[] a, double sigma) {
        if (sigma <= 0) {
            return a;
        }
        int r = (int) Math.ceil(3 * sigma);
        double[] k = new double[2 * r + 1];
        double ks = 0;
        for (int i = -r; i <= r; i++) {
            k[i + r] = Math.exp(-i * i / (2 * sigma * sigma));
            ks += k[i + r];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= ks;
        }
        double[] tmp = new double[a.length];
        double[] out = new double[a.length];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                double s = 0;
                for (int i = -r; i <= r; i++) {
                    s += k[i + r] * a[y * SIZE + clamp(x + i)];
                }
                tmp[y * SIZE + x] = s;
            }
        }
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                double s = 0;
                for (int i = -r; i <= r; i++) {
                    s += k[i + r] * tmp[clamp(y + i) * SIZE + x];
                }
                out[y * SIZE + x] = s;
            }
        }
        return out;
    }

    private static int clamp(int v) {
        return v < 0 ? 0 : (v >= SIZE ? SIZE - 1 : v);
    }

}

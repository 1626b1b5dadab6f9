package adreview.checks;

/**
 * Spectral residual saliency (Hou &amp; Zhang, "Saliency Detection: A Spectral Residual Approach",
 * CVPR 2007) and the subject mask derived from it.
 *
 * <p>Why this measure: it needs no training, runs in a millisecond on a 64×64 thumbnail, and it
 * marks what stands out from the image's own statistics — a product against a studio backdrop, a
 * face against a wall — while smooth gradients and regular textures, typical ad backgrounds, score
 * low. Steps, as in the paper: grey thumbnail 64×64; log amplitude spectrum minus its 3×3 local
 * mean is the spectral residual; back-transform with the original phase, square, smooth with a
 * Gaussian. The object map is where saliency exceeds 3× its mean (the paper's rule). Saliency
 * concentrates on an object's outline and on its parts that differ most from the backdrop, so the
 * mask is then closed (dilate three cells, erode three cells) to join the pieces of one object,
 * specks under a fifth of the largest component are dropped, and each component is filled between
 * its outermost cells in every row and every column: the subject is the object's silhouette, not its
 * edges. On a large uniform product (a bottle filling a third of the frame) the raw map marks only
 * the rim; the fill recovers the body, erring on the side of covering slightly more than the object.
 */
public final class SpectralResidualSaliency {

    public static final int SIZE = 64;
    /**
     * Closing radius in cells: pieces of one object up to 2×3 cells (about a tenth of the image)
     * apart are joined before holes are filled.
     */
    static final int CLOSING_RADIUS = 3;

    private final double meanFactor;
    private final double blurSigma;

    public SpectralResidualSaliency(double meanFactor, double blurSigma) {
        this.meanFactor = meanFactor;
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

    /** The subject mask of an image (before any text is overlaid). */
    public SubjectMask subject(RgbPixels image) {
        double[] s = saliency(image);
        double mean = 0;
        for (double v : s) {
            mean += v;
        }
        mean /= s.length;
        boolean[] mask = new boolean[s.length];
        boolean any = false;
        for (int i = 0; i < s.length; i++) {
            mask[i] = mean > 0 && s[i] > meanFactor * mean;
            any |= mask[i];
        }
        if (any) {
            for (int i = 0; i < CLOSING_RADIUS; i++) {
                mask = dilate(mask);
            }
            for (int i = 0; i < CLOSING_RADIUS; i++) {
                mask = erode(mask);
            }
            mask = dropSpecks(mask, 0.2);
            mask = fillSpans(mask);
            mask = fillHoles(mask);
        }
        return new SubjectMask(SIZE, mask, image.width(), image.height());
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

    private static boolean[] dilate(boolean[] m) {
        boolean[] out = new boolean[m.length];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                boolean v = false;
                for (int dy = -1; dy <= 1 && !v; dy++) {
                    for (int dx = -1; dx <= 1 && !v; dx++) {
                        int yy = y + dy;
                        int xx = x + dx;
                        v = yy >= 0 && yy < SIZE && xx >= 0 && xx < SIZE && m[yy * SIZE + xx];
                    }
                }
                out[y * SIZE + x] = v;
            }
        }
        return out;
    }

    private static boolean[] erode(boolean[] m) {
        boolean[] out = new boolean[m.length];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                boolean v = true;
                for (int dy = -1; dy <= 1 && v; dy++) {
                    for (int dx = -1; dx <= 1 && v; dx++) {
                        int yy = clamp(y + dy);
                        int xx = clamp(x + dx);
                        v = m[yy * SIZE + xx];
                    }
                }
                out[y * SIZE + x] = v;
            }
        }
        return out;
    }

    /**
     * For each 8-connected component, fills every row between its leftmost and rightmost cell and
     * every column between its top and bottom cell (an orthogonally convex cover of the component).
     */
    private static boolean[] fillSpans(boolean[] m) {
        int[] label = labels(m);
        int n = 0;
        for (int l : label) {
            n = Math.max(n, l);
        }
        boolean[] out = m.clone();
        for (int comp = 1; comp <= n; comp++) {
            for (int y = 0; y < SIZE; y++) {
                int lo = SIZE;
                int hi = -1;
                for (int x = 0; x < SIZE; x++) {
                    if (label[y * SIZE + x] == comp) {
                        lo = Math.min(lo, x);
                        hi = x;
                    }
                }
                for (int x = lo; x <= hi; x++) {
                    out[y * SIZE + x] = true;
                }
            }
            for (int x = 0; x < SIZE; x++) {
                int lo = SIZE;
                int hi = -1;
                for (int y = 0; y < SIZE; y++) {
                    if (label[y * SIZE + x] == comp) {
                        lo = Math.min(lo, y);
                        hi = y;
                    }
                }
                for (int y = lo; y <= hi; y++) {
                    out[y * SIZE + x] = true;
                }
            }
        }
        return out;
    }

    /** Cells not reachable from the border through unmasked cells are holes: fill them. */
    private static boolean[] fillHoles(boolean[] m) {
        boolean[] outside = new boolean[m.length];
        int[] stack = new int[m.length];
        int sp = 0;
        for (int i = 0; i < SIZE; i++) {
            int[] border = {i, (SIZE - 1) * SIZE + i, i * SIZE, i * SIZE + SIZE - 1};
            for (int c : border) {
                if (!m[c] && !outside[c]) {
                    outside[c] = true;
                    stack[sp++] = c;
                }
            }
        }
        while (sp > 0) {
            int c = stack[--sp];
            int x = c % SIZE;
            int y = c / SIZE;
            int[] nb = {x > 0 ? c - 1 : -1, x < SIZE - 1 ? c + 1 : -1, y > 0 ? c - SIZE : -1, y < SIZE - 1 ? c + SIZE : -1};
            for (int d : nb) {
                if (d >= 0 && !m[d] && !outside[d]) {
                    outside[d] = true;
                    stack[sp++] = d;
                }
            }
        }
        boolean[] out = new boolean[m.length];
        for (int i = 0; i < m.length; i++) {
            out[i] = !outside[i];
        }
        return out;
    }

    /** Keeps 8-connected components of at least {@code minShareOfLargest} of the largest one's area. */
    private static boolean[] dropSpecks(boolean[] m, double minShareOfLargest) {
        int[] label = labels(m);
        int n = 0;
        for (int l : label) {
            n = Math.max(n, l);
        }
        int[] sizes = new int[n + 1];
        for (int l : label) {
            sizes[l]++;
        }
        int largest = 0;
        for (int c = 1; c <= n; c++) {
            largest = Math.max(largest, sizes[c]);
        }
        boolean[] out = new boolean[m.length];
        for (int i = 0; i < m.length; i++) {
            out[i] = label[i] != 0 && sizes[label[i]] >= minShareOfLargest * largest;
        }
        return out;
    }

    /** 8-connected component labels, 1..n; 0 for unmasked cells. */
    private static int[] labels(boolean[] m) {
        int[] label = new int[m.length];
        int[] stack = new int[m.length];
        int next = 1;
        for (int i = 0; i < m.length; i++) {
            if (!m[i] || label[i] != 0) {
                continue;
            }
            int sp = 0;
            stack[sp++] = i;
            label[i] = next;
            while (sp > 0) {
                int c = stack[--sp];
                int x = c % SIZE;
                int y = c / SIZE;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int xx = x + dx;
                        int yy = y + dy;
                        if (xx >= 0 && xx < SIZE && yy >= 0 && yy < SIZE) {
                            int d = yy * SIZE + xx;
                            if (m[d] && label[d] == 0) {
                                label[d] = next;
                                stack[sp++] = d;
                            }
                        }
                    }
                }
            }
            next++;
        }
        return label;
    }
}

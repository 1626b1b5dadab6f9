package adreview.checks;

/**
 * Turns a 64×64 saliency map into the subject mask: cells above {@code factor} × the map's mean
 * (the object-map rule of both source papers: 3× for spectral residual, 2× for frequency-tuned
 * colour saliency), closed by three cells (dilate, erode) to join the pieces of one object, specks
 * under a fifth of the largest component dropped, and each component filled between its outermost
 * cells in every row and column, then holes filled: the subject is a silhouette, not an outline,
 * erring towards covering slightly more than the object.
 */
public final class SubjectDetector {

    static final int SIZE = SpectralResidualSaliency.SIZE;
    /** Pieces of one object up to 2×3 cells (about a tenth of the image) apart are joined. */
    static final int CLOSING_RADIUS = 3;

    private final SaliencyMethod method;
    private final SpectralResidualSaliency spectral;

    public SubjectDetector(SaliencyMethod method, double spectralBlurSigma) {
        this.method = method;
        this.spectral = new SpectralResidualSaliency(spectralBlurSigma);
    }

    public SaliencyMethod method() {
        return method;
    }

    /** The subject of an image before any text is overlaid. */
    public SubjectMask subject(RgbPixels image) {
        double[] map = method == SaliencyMethod.COLOUR ? ColourSaliency.saliency(image) : spectral.saliency(image);
        return new SubjectMask(SIZE, mask(map, method.meanFactor()), image.width(), image.height());
    }

    static boolean[] mask(double[] s, double meanFactor) {
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
        if (!any) {
            return mask;
        }
        for (int i = 0; i < CLOSING_RADIUS; i++) {
            mask = dilate(mask);
        }
        for (int i = 0; i < CLOSING_RADIUS; i++) {
            mask = erode(mask);
        }
        mask = dropSpecks(mask, 0.2);
        mask = fillSpans(mask);
        return fillHoles(mask);
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

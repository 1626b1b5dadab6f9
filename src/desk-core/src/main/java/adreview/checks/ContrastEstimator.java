package adreview.checks;

import java.util.Locale;

/**
 * Estimates the text and background colour inside a text box and judges their WCAG contrast.
 *
 * <p>The method is the one Google's Accessibility Test Framework uses for screenshots
 * ({@code ContrastSwatch}, single-foreground variant): build a histogram of the box's colours, split
 * the distinct colours at their mean luminance (an unweighted mean over distinct colours, so that
 * the anti-aliased in-between shades pull the split towards the middle rather than the background
 * dragging it to its own side), take the most frequent colour of each side, and call the more
 * frequent of the two the background. Two additions for rendered ads rather than flat UI: colours
 * are quantised lightly (5 bits per channel) to absorb compression noise, the chosen bins being
 * reported by their most frequent exact colour; the background's worst part is checked too (see
 * {@link BoxContrast#worstRatio()}); and the verdict is withheld
 * ({@link Verdict#UNDETERMINED}) unless the two colours dominate the box, because on a photograph or
 * gradient the "most frequent background colour" describes only a sliver of what the text sits on.
 */
public final class ContrastEstimator {

    private static final int BINS = 1 << 15;
    /** Luminance resolution of the worst-background percentile. */
    private static final int LUM_BUCKETS = 4096;
    /** Fewer clean background pixels than this (a box filled by text) and the worst case is taken to be the main ratio. */
    private static final int MIN_BACKGROUND_PIXELS = 50;
    /** The background "varies" when its worst part is more than 10% below the main ratio. */
    private static final double VARYING = 0.9;

    private final CheckThresholds thresholds;

    public ContrastEstimator(CheckThresholds thresholds) {
        this.thresholds = thresholds;
    }

    /** Measures one box; the box is in the image's pixel coordinates and is clipped to the image. */
    public BoxContrast measure(RgbPixels image, TextBox box) {
        int x0 = Math.max(0, box.x());
        int y0 = Math.max(0, box.y());
        int x1 = Math.min(image.width(), box.x() + box.w());
        int y1 = Math.min(image.height(), box.y() + box.h());
        boolean large = box.largeText();
        if (x1 <= x0 || y1 <= y0) {
            return result(box, 0, 0, -1, -1, large, 0, Verdict.UNDETERMINED, Verdict.UNDETERMINED,
                    "box lies outside the " + image.width() + "x" + image.height() + " render");
        }
        int bw = x1 - x0;
        int bh = y1 - y0;
        int[] pixels = new int[bw * bh];
        Histogram hist = new Histogram();
        int[] px = image.array();
        for (int y = y0; y < y1; y++) {
            int row = y * image.width();
            for (int x = x0; x < x1; x++) {
                int c = px[row + x];
                pixels[(y - y0) * bw + (x - x0)] = c;
                hist.add(c);
            }
        }
        return judge(box, hist, pixels, bw, bh, large);
    }

    private BoxContrast judge(TextBox box, Histogram hist, int[] pixels, int bw, int bh, boolean large) {
        int n = hist.used;
        if (n == 1) {
            int only = hist.colour(0);
            return result(box, 1.0, 1.0, only, only, large, 1.0, Verdict.FAIL, Verdict.FAIL,
                    "the box holds a single colour: no text is visible against its background");
        }
        double[] lum = new double[n];
        double mean = 0;
        for (int i = 0; i < n; i++) {
            lum[i] = Wcag.relativeLuminance(hist.colour(i));
            mean += lum[i];
        }
        mean /= n;
        int low = -1;
        int high = -1;
        for (int i = 0; i < n; i++) {
            int count = hist.count(i);
            if (lum[i] < mean) {
                if (low < 0 || count > hist.count(low)) {
                    low = i;
                }
            } else if (high < 0 || count > hist.count(high)) {
                high = i;
            }
        }
        if (low < 0) {
            // Every colour has the same luminance: whatever text there is cannot be told apart by luminance.
            int c = hist.colour(high);
            return result(box, 1.0, 1.0, c, c, large, 1.0, Verdict.FAIL, Verdict.FAIL,
                    "all colours in the box have the same luminance");
        }
        int bgIdx = hist.count(high) > hist.count(low) ? high : low;
        int fgIdx = bgIdx == high ? low : high;
        // Which of the two is the text: the more frequent side is the background (ATF's rule), unless
        // the layout's intended text colour is clearly nearer the other one (large bold text over a
        // varied product can outnumber any single background shade). The colours themselves are
        // always measured; the layout only names them.
        int intended = Wcag.parseHex(box.colour());
        if (intended >= 0) {
            int fgGuess = hist.colour(fgIdx);
            int bgGuess = hist.colour(bgIdx);
            if (distance(intended, bgGuess) * 2 < distance(intended, fgGuess)) {
                int t = bgIdx;
                bgIdx = fgIdx;
                fgIdx = t;
            }
        }
        int bg = modeInBin(pixels, hist.colour(bgIdx));
        int fg = modeInBin(pixels, hist.colour(fgIdx));
        double dominant = hist.shareNear(bg, fg, thresholds.colourTolerance());
        double ratio = Wcag.contrastRatio(fg, bg);
        // "Behind the text": within half the font size of a glyph (at least 4 px; a quarter of the
        // box's height when the layout gives no size).
        int band = Math.max(4, (int) Math.round(box.sizePx() > 0 ? box.sizePx() / 2 : bh / 4.0));
        double worst = Math.min(ratio, worstBackgroundRatio(pixels, bw, bh, mean, fg, bgIdx == high, band));
        if (dominant < thresholds.contrastDominance()) {
            return result(box, ratio, worst, fg, bg, large, dominant, Verdict.UNDETERMINED, Verdict.UNDETERMINED,
                    String.format(Locale.ROOT, "busy background: the two main colours cover %.0f%% of the box (need %.0f%%)",
                            dominant * 100, thresholds.contrastDominance() * 100));
        }
        // WCAG's advice for a varying background is to test where contrast is lowest.
        Verdict aa = worst >= Wcag.requiredAa(large) ? Verdict.PASS : Verdict.FAIL;
        Verdict aaa = worst >= Wcag.requiredAaa(large) ? Verdict.PASS : Verdict.FAIL;
        String note = worst < ratio * VARYING ? String.format(Locale.ROOT,
                "the background varies: %.2f:1 against its main colour, %.2f:1 where it is lightest or darkest "
                        + "behind the text (judged)", ratio, worst) : null;
        return result(box, ratio, worst, fg, bg, large, dominant, aa, aaa, note);
    }

    /**
     * Contrast of the text colour against the lowest-contrast part of the background behind it: the
     * 5th percentile, by contrast, of the background-side pixels within {@code band} pixels of a
     * text-side pixel but not touching one (the one-pixel anti-aliased rim around glyphs is not
     * background; a button's rounded corners far from the label are not behind the text). On a flat
     * fill this equals the main ratio; on a gradient or scrim it finds where the text is hardest to read.
     */
    private static double worstBackgroundRatio(int[] px, int bw, int bh, double split, int fg, boolean bgIsHigh,
                                               int band) {
        boolean[] textSide = new boolean[px.length];
        for (int i = 0; i < px.length; i++) {
            boolean high = Wcag.relativeLuminance(px[i]) >= split;
            textSide[i] = high != bgIsHigh;
        }
        boolean[] nearText = dilate(textSide, bw, bh, band);
        int[] buckets = new int[LUM_BUCKETS + 1];
        double[] lowest = new double[LUM_BUCKETS + 1];
        double[] highest = new double[LUM_BUCKETS + 1];
        int n = 0;
        for (int y = 0; y < bh; y++) {
            for (int x = 0; x < bw; x++) {
                int i = y * bw + x;
                if (textSide[i] || !nearText[i] || touchesText(textSide, bw, bh, x, y)) {
                    continue;
                }
                double lum = Wcag.relativeLuminance(px[i]);
                int b = (int) (lum * LUM_BUCKETS);
                if (buckets[b]++ == 0) {
                    lowest[b] = lum;
                    highest[b] = lum;
                } else {
                    lowest[b] = Math.min(lowest[b], lum);
                    highest[b] = Math.max(highest[b], lum);
                }
                n++;
            }
        }
        double fgLum = Wcag.relativeLuminance(fg);
        if (n < MIN_BACKGROUND_PIXELS) {
            return Double.POSITIVE_INFINITY;
        }
        // Background brighter than the text: the lowest contrast is at the darkest background pixels.
        int need = (int) Math.ceil(n * 0.05);
        int seen = 0;
        for (int k = 0; k <= LUM_BUCKETS; k++) {
            int b = bgIsHigh ? k : LUM_BUCKETS - k;
            seen += buckets[b];
            if (seen >= need) {
                return Wcag.contrastRatio(fgLum, bgIsHigh ? lowest[b] : highest[b]);
            }
        }
        return 1.0;
    }

    /**
     * The most frequent exact colour among the pixels in the same quantisation bin as {@code binColour}:
     * the bin finds the dominant colour despite noise, the mode reports it without the bin's
     * anti-aliased shades averaged in (black text is #000000, not #030303).
     */
    private static int modeInBin(int[] px, int binColour) {
        int key = Histogram.key(binColour);
        java.util.HashMap<Integer, int[]> counts = new java.util.HashMap<>();
        int best = binColour;
        int bestCount = 0;
        for (int c : px) {
            if (Histogram.key(c) == key) {
                int[] n = counts.computeIfAbsent(c, k -> new int[1]);
                if (++n[0] > bestCount) {
                    bestCount = n[0];
                    best = c;
                }
            }
        }
        return best;
    }

    /** Square dilation by r pixels, separable, with running counts (linear in the box area). */
    private static boolean[] dilate(boolean[] m, int w, int h, int r) {
        boolean[] horiz = new boolean[m.length];
        for (int y = 0; y < h; y++) {
            int row = y * w;
            int count = 0;
            for (int x = 0; x < Math.min(r, w); x++) {
                count += m[row + x] ? 1 : 0;
            }
            for (int x = 0; x < w; x++) {
                if (x + r < w && m[row + x + r]) {
                    count++;
                }
                if (x - r - 1 >= 0 && m[row + x - r - 1]) {
                    count--;
                }
                horiz[row + x] = count > 0;
            }
        }
        boolean[] out = new boolean[m.length];
        for (int x = 0; x < w; x++) {
            int count = 0;
            for (int y = 0; y < Math.min(r, h); y++) {
                count += horiz[y * w + x] ? 1 : 0;
            }
            for (int y = 0; y < h; y++) {
                if (y + r < h && horiz[(y + r) * w + x]) {
                    count++;
                }
                if (y - r - 1 >= 0 && horiz[(y - r - 1) * w + x]) {
                    count--;
                }
                out[y * w + x] = count > 0;
            }
        }
        return out;
    }

    private static double distance(int a, int b) {
        double dr = ((a >> 16) & 0xFF) - ((b >> 16) & 0xFF);
        double dg = ((a >> 8) & 0xFF) - ((b >> 8) & 0xFF);
        double db = (a & 0xFF) - (b & 0xFF);
        return Math.sqrt(dr * dr + dg * dg + db * db);
    }

    private static boolean touchesText(boolean[] textSide, int bw, int bh, int x, int y) {
        for (int dy = -1; dy <= 1; dy++) {
            int yy = y + dy;
            if (yy < 0 || yy >= bh) {
                continue;
            }
            for (int dx = -1; dx <= 1; dx++) {
                int xx = x + dx;
                if (xx >= 0 && xx < bw && textSide[yy * bw + xx]) {
                    return true;
                }
            }
        }
        return false;
    }

    private static BoxContrast result(TextBox box, double ratio, double worst, int fg, int bg, boolean large,
                                      double dominant, Verdict aa, Verdict aaa, String note) {
        return new BoxContrast(box.index(), box.role(), box.text(), box.x(), box.y(), box.w(), box.h(),
                Wcag.round2(ratio), Wcag.round2(worst), fg < 0 ? null : Wcag.hex(fg), bg < 0 ? null : Wcag.hex(bg),
                box.colour(), large, Math.round(dominant * 1000) / 1000.0,
                Wcag.requiredAa(large), Wcag.requiredAaa(large), aa, aaa, note);
    }

    /** Sparse 5-bit-per-channel colour histogram that remembers the mean colour of each bin. */
    private static final class Histogram {
        private final int[] slot = new int[BINS];
        private int[] counts = new int[64];
        private long[] sums = new long[64 * 3];
        private int used;
        private int total;

        Histogram() {
            java.util.Arrays.fill(slot, -1);
        }

        void add(int rgb) {
            int r = (rgb >> 16) & 0xFF;
            int g = (rgb >> 8) & 0xFF;
            int b = rgb & 0xFF;
            int s = slot[key(rgb)];
            if (s < 0) {
                s = used++;
                slot[key(rgb)] = s;
                if (s == counts.length) {
                    counts = java.util.Arrays.copyOf(counts, s * 2);
                    sums = java.util.Arrays.copyOf(sums, s * 6);
                }
            }
            counts[s]++;
            sums[3 * s] += r;
            sums[3 * s + 1] += g;
            sums[3 * s + 2] += b;
            total++;
        }

        static int key(int rgb) {
            return ((rgb >> 19) & 0x1F) << 10 | ((rgb >> 11) & 0x1F) << 5 | ((rgb >> 3) & 0x1F);
        }

        int count(int i) {
            return counts[i];
        }

        int colour(int i) {
            int c = counts[i];
            int r = (int) Math.round((double) sums[3 * i] / c);
            int g = (int) Math.round((double) sums[3 * i + 1] / c);
            int b = (int) Math.round((double) sums[3 * i + 2] / c);
            return r << 16 | g << 8 | b;
        }

        /** Share of pixels whose bin colour lies within {@code tol} per channel of a or b. */
        double shareNear(int a, int b, int tol) {
            long near = 0;
            for (int i = 0; i < used; i++) {
                int c = colour(i);
                if (close(c, a, tol) || close(c, b, tol)) {
                    near += counts[i];
                }
            }
            return (double) near / total;
        }

        private static boolean close(int c, int d, int tol) {
            return Math.abs(((c >> 16) & 0xFF) - ((d >> 16) & 0xFF)) <= tol
                    && Math.abs(((c >> 8) & 0xFF) - ((d >> 8) & 0xFF)) <= tol
                    && Math.abs((c & 0xFF) - (d & 0xFF)) <= tol;
        }
    }
}

package adreview.llava.image;

import java.util.Arrays;

/**
 * Pillow's separable antialiased resize of an 8-bit interleaved RGB image ({@code ImagingResample}; torch's uint8
 * antialiased interpolate is a port of it). Per axis: the filter's support is widened by the downscale factor, each
 * output pixel gets the normalised filter weights of the input pixels under it, the weights are rounded to fixed
 * point. The horizontal pass runs first and its result is rounded and clipped to 8 bits before the vertical pass,
 * exactly as both libraries do; that intermediate rounding is what makes bit-exact parity possible.
 *
 * <p>Only a window of the output is computed (the centre crop): every output pixel depends on its own coefficients
 * alone, so the window is identical to cropping the full result.
 */
final class AntialiasResize {

    private AntialiasResize() {
    }

    /**
     * Fixed-point coefficients of one axis, for the output pixels {@code first .. first + starts.length - 1} only
     * (the crop window): output pixel {@code first + j} reads {@code counts[j]} inputs from {@code starts[j]} with
     * the weights {@code coeffs[j * ksize ..]}.
     */
    record Axis(int inSize, int outSize, int first, int ksize, int precision, int[] starts, int[] counts,
                int[] coeffs) {

        /** Same size in and out: both libraries skip the pass, the pixels pass through unchanged. */
        boolean identity() {
            return inSize == outSize;
        }

        int count() {
            return starts.length;
        }
    }

    /** Coefficients for the output pixels {@code first .. first + count - 1} of resizing {@code inSize} to {@code outSize}. */
    static Axis axis(int inSize, int outSize, int first, int count, ResampleFilter filter,
                     ResizeArithmetic arithmetic) {
        if (first < 0 || count <= 0 || first + count > outSize) {
            throw new IllegalArgumentException("window " + first + "+" + count + " outside 0.." + outSize);
        }
        boolean torch = arithmetic == ResizeArithmetic.TORCHVISION;
        double scale = (double) inSize / outSize;
        double filterScale = Math.max(scale, 1.0);
        double support = filter.support() * filterScale;
        int ksize = (int) Math.ceil(support) * 2 + 1;
        double inverse = 1.0 / filterScale;

        // torch picks the precision from the largest weight of the whole axis, so with TORCHVISION every output
        // pixel's weights are computed; only the window's are kept.
        int from = torch ? 0 : first;
        int to = torch ? outSize : first + count;
        double[] weights = new double[count * ksize];
        double[] scratch = new double[ksize];
        int[] starts = new int[count];
        int[] counts = new int[count];
        double maxWeight = 0.0;
        for (int i = from; i < to; i++) {
            double center = (i + 0.5) * scale;
            int min = Math.max((int) (center - support + 0.5), 0);
            int max = Math.min((int) (center + support + 0.5), inSize);
            int n = Math.max(0, Math.min(max - min, ksize));
            double total = 0.0;
            for (int k = 0; k < n; k++) {
                double w = filter.weight((k + min - center + 0.5) * inverse, torch);
                scratch[k] = w;
                total += w;
            }
            if (total != 0.0) {
                for (int k = 0; k < n; k++) {
                    scratch[k] /= total;
                    maxWeight = Math.max(maxWeight, scratch[k]);
                }
            }
            int j = i - first;
            if (j >= 0 && j < count) {
                System.arraycopy(scratch, 0, weights, j * ksize, n);
                starts[j] = min;
                counts[j] = n;
            }
        }

        int precision = torch ? torchPrecision(maxWeight) : 22;
        double one = 1 << precision;
        int[] coeffs = new int[weights.length];
        for (int j = 0; j < weights.length; j++) {
            double v = weights[j] * one;
            int c = v < 0 ? (int) (-0.5 + v) : (int) (0.5 + v);
            coeffs[j] = torch ? (short) c : c; // torch stores int16 coefficients
        }
        return new Axis(inSize, outSize, first, ksize, precision, starts, counts, coeffs);
    }

    /** torch's choice: the most fractional bits (below 22) at which the largest weight, doubled, still fits in int16. */
    private static int torchPrecision(double maxWeight) {
        int precision = 0;
        for (; precision < 22; precision++) {
            int next = (int) (0.5 + maxWeight * (1 << (precision + 1)));
            if (next >= (1 << 15)) {
                break;
            }
        }
        return precision;
    }

    /**
     * Resizes {@code src} (interleaved RGB, {@code srcWidth × srcHeight}) and returns the window of output pixels the
     * two axes were made for, interleaved RGB, {@code horizontal.count() × vertical.count()} pixels.
     */
    static byte[] resizeWindow(byte[] src, int srcWidth, int srcHeight, Axis horizontal, Axis vertical) {
        return resizeWindow(Canvas.of(src, srcWidth, srcHeight), horizontal, vertical);
    }

    /**
     * An image placed at ({@code x0}, {@code y0}) on a {@code width × height} canvas whose other pixels all have the
     * colour {@code pad}: LLaVA's pad-to-square. The canvas is never allocated: a 4 × 12000 strip padded to a
     * square is read row by row from its own 144 KB, not from a 432 MB square. Filtering a run of equal values gives
     * the same integers wherever it is, so a column whose taps all fall on the pad, and a row that is all pad, are
     * computed once: bit-identical results, and about half the work for a 9:16 ad.
     *
     * @param pixels the image itself, interleaved RGB, {@code imageWidth × imageHeight}
     */
    record Canvas(byte[] pixels, int imageWidth, int imageHeight, int x0, int y0, int width, int height, byte[] pad) {

        /** The image alone, no padding. */
        static Canvas of(byte[] pixels, int width, int height) {
            return new Canvas(pixels, width, height, 0, 0, width, height, null);
        }

        /** The image centred on a {@code side × side} square of {@code pad} (offsets rounded down, as LLaVA). */
        static Canvas square(byte[] pixels, int width, int height, byte[] pad) {
            int side = Math.max(width, height);
            return new Canvas(pixels, width, height, (side - width) / 2, (side - height) / 2, side, side, pad);
        }

        boolean padded() {
            return width != imageWidth || height != imageHeight;
        }

        boolean padRow(int y) {
            return y < y0 || y >= y0 + imageHeight;
        }

        /** Columns {@code [from, to)} of the canvas are all pad. */
        boolean padColumns(int from, int to) {
            return to <= x0 || from >= x0 + imageWidth;
        }
    }

    /** Canvas rows as the passes read them: row y of the canvas starts at {@link #offset} in {@link #buffer}. */
    private static final class RowReader {
        private final Canvas canvas;
        private final byte[] line;
        byte[] buffer;
        int offset;

        RowReader(Canvas canvas) {
            this.canvas = canvas;
            if (canvas.padded()) {
                // One canvas row: the pad written once, the image's part of each row copied over it.
                line = new byte[canvas.width() * 3];
                for (int x = 0; x < canvas.width(); x++) {
                    System.arraycopy(canvas.pad(), 0, line, x * 3, 3);
                }
            } else {
                line = null;
            }
        }

        /** Positions {@link #buffer} and {@link #offset} on row {@code y} (not a pad row). */
        void load(int y) {
            if (line == null) {
                buffer = canvas.pixels();
                offset = y * canvas.width() * 3;
                return;
            }
            int rowBytes = canvas.imageWidth() * 3;
            System.arraycopy(canvas.pixels(), (y - canvas.y0()) * rowBytes, line, canvas.x0() * 3, rowBytes);
            buffer = line;
            offset = 0;
        }
    }

    /** Resizes a {@link Canvas} and returns the window of output pixels the axes were made for. */
    static byte[] resizeWindow(Canvas canvas, Axis horizontal, Axis vertical) {
        if (horizontal.inSize() != canvas.width() || vertical.inSize() != canvas.height()) {
            throw new IllegalArgumentException("axes do not match a " + canvas.width() + "x" + canvas.height()
                    + " image");
        }
        int height = vertical.count();
        // Input rows the vertical pass reads for the window's rows.
        int rowFirst = vertical.identity() ? vertical.first() : vertical.starts()[0];
        int rowEnd = vertical.identity() ? vertical.first() + height
                : vertical.starts()[height - 1] + vertical.counts()[height - 1];
        byte[] rows = horizontal.identity()
                ? copyColumns(canvas, rowFirst, rowEnd, horizontal.first(), horizontal.count())
                : horizontalPass(canvas, rowFirst, rowEnd, horizontal);
        if (vertical.identity()) {
            return rows;
        }
        return verticalPass(rows, rowFirst, vertical, horizontal.count());
    }

    private static byte[] copyColumns(Canvas canvas, int rowFirst, int rowEnd, int x0, int width) {
        byte[] out = new byte[(rowEnd - rowFirst) * width * 3];
        RowReader reader = new RowReader(canvas);
        for (int y = rowFirst; y < rowEnd; y++) {
            int o = (y - rowFirst) * width * 3;
            if (canvas.padded() && canvas.padRow(y)) {
                for (int x = 0; x < width; x++) {
                    System.arraycopy(canvas.pad(), 0, out, o + x * 3, 3);
                }
                continue;
            }
            reader.load(y);
            System.arraycopy(reader.buffer, reader.offset + x0 * 3, out, o, width * 3);
        }
        return out;
    }

    private static byte[] horizontalPass(Canvas canvas, int rowFirst, int rowEnd, Axis axis) {
        int width = axis.count();
        int[] starts = axis.starts();
        int[] counts = axis.counts();
        int[] coeffs = axis.coeffs();
        int ksize = axis.ksize();
        int precision = axis.precision();
        int half = 1 << (precision - 1);
        byte[] out = new byte[(rowEnd - rowFirst) * width * 3];
        // The value of each output column over pad alone: what a pad row gives everywhere, and what a column whose
        // taps all fall on the pad gives in every row. The sum of pad * c over the taps is pad * (sum of c).
        boolean[] uniformColumn = new boolean[width];
        byte[] padValue = new byte[width * 3];
        if (canvas.padded()) {
            byte[] pad = canvas.pad();
            for (int x = 0; x < width; x++) {
                int sum = 0;
                for (int k = x * ksize, kEnd = k + counts[x]; k < kEnd; k++) {
                    sum += coeffs[k];
                }
                uniformColumn[x] = canvas.padColumns(starts[x], starts[x] + counts[x]);
                for (int c = 0; c < 3; c++) {
                    padValue[x * 3 + c] = clip8(half + (pad[c] & 0xFF) * sum, precision);
                }
            }
        }
        RowReader reader = new RowReader(canvas);
        int o = 0;
        for (int y = rowFirst; y < rowEnd; y++) {
            if (canvas.padded() && canvas.padRow(y)) {
                System.arraycopy(padValue, 0, out, o, width * 3);
                o += width * 3;
                continue;
            }
            reader.load(y);
            byte[] src = reader.buffer;
            int row = reader.offset;
            for (int x = 0; x < width; x++) {
                if (uniformColumn[x]) {
                    out[o++] = padValue[x * 3];
                    out[o++] = padValue[x * 3 + 1];
                    out[o++] = padValue[x * 3 + 2];
                    continue;
                }
                int r = half;
                int g = half;
                int b = half;
                int p = row + starts[x] * 3;
                int k = x * ksize;
                int kEnd = k + counts[x];
                for (; k < kEnd; k++, p += 3) {
                    int c = coeffs[k];
                    r += (src[p] & 0xFF) * c;
                    g += (src[p + 1] & 0xFF) * c;
                    b += (src[p + 2] & 0xFF) * c;
                }
                out[o++] = clip8(r, precision);
                out[o++] = clip8(g, precision);
                out[o++] = clip8(b, precision);
            }
        }
        return out;
    }

    private static byte[] verticalPass(byte[] rows, int rowFirst, Axis axis, int width) {
        int height = axis.count();
        int[] starts = axis.starts();
        int[] counts = axis.counts();
        int[] coeffs = axis.coeffs();
        int ksize = axis.ksize();
        int precision = axis.precision();
        int half = 1 << (precision - 1);
        int stride = width * 3;
        byte[] out = new byte[height * stride];
        int[] acc = new int[stride];
        for (int y = 0; y < height; y++) {
            Arrays.fill(acc, half);
            int k = y * ksize;
            int row = (starts[y] - rowFirst) * stride;
            for (int n = 0; n < counts[y]; n++, k++, row += stride) {
                int c = coeffs[k];
                for (int i = 0; i < stride; i++) {
                    acc[i] += (rows[row + i] & 0xFF) * c;
                }
            }
            int o = y * stride;
            for (int i = 0; i < stride; i++) {
                out[o + i] = clip8(acc[i], precision);
            }
        }
        return out;
    }

    private static byte clip8(int value, int precision) {
        int v = value >> precision;
        return (byte) (v < 0 ? 0 : Math.min(v, 255));
    }
}

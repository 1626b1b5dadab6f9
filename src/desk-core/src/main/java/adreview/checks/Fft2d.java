package adreview.checks;

/**
 * A small in-place radix-2 complex FFT, in one and two dimensions, for the saliency map
 * (64×64). Sizes must be powers of two. The inverse transform is scaled by 1/N so that
 * {@code inverse(forward(x)) == x}.
 */
final class Fft2d {

    private Fft2d() {
    }

    /** 2-D transform of an n×n array stored row-major in re/im. */
    static void transform(double[] re, double[] im, int n, boolean inverse) {
        if (Integer.bitCount(n) != 1 || re.length != n * n || im.length != n * n) {
            throw new IllegalArgumentException("FFT size must be a power of two with n*n samples, got n=" + n
                    + " and " + re.length + " samples");
        }
        double[] rr = new double[n];
        double[] ri = new double[n];
        for (int y = 0; y < n; y++) {
            System.arraycopy(re, y * n, rr, 0, n);
            System.arraycopy(im, y * n, ri, 0, n);
            transform(rr, ri, inverse);
            System.arraycopy(rr, 0, re, y * n, n);
            System.arraycopy(ri, 0, im, y * n, n);
        }
        for (int x = 0; x < n; x++) {
            for (int y = 0; y < n; y++) {
                rr[y] = re[y * n + x];
                ri[y] = im[y * n + x];
            }
            transform(rr, ri, inverse);
            for (int y = 0; y < n; y++) {
                re[y * n + x] = rr[y];
                im[y * n + x] = ri[y];
            }
        }
    }

    /** 1-D iterative Cooley–Tukey transform, in place. */
    static void transform(double[] re, double[] im, boolean inverse) {
        int n = re.length;
        if (Integer.bitCount(n) != 1 || im.length != n) {
            throw new IllegalArgumentException("FFT length must be a power of two, got " + n);
        }
        for (int i = 1, j = 0; i < n; i++) {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) {
                j ^= bit;
            }
            j ^= bit;
            if (i < j) {
                double t = re[i];
                re[i] = re[j];
                re[j] = t;
                t = im[i];
                im[i] = im[j];
                im[j] = t;
            }
        }
        for (int len = 2; len <= n; len <<= 1) {
            double angle = 2 * Math.PI / len * (inverse ? 1 : -1);
            double wr = Math.cos(angle);
            double wi = Math.sin(angle);
            for (int i = 0; i < n; i += len) {
                double cr = 1;
                double ci = 0;
                for (int k = 0; k < len / 2; k++) {
                    int a = i + k;
                    int b = a + len / 2;
                    double xr = re[b] * cr - im[b] * ci;
                    double xi = re[b] * ci + im[b] * cr;
                    re[b] = re[a] - xr;
                    im[b] = im[a] - xi;
                    re[a] += xr;
                    im[a] += xi;
                    double nr = cr * wr - ci * wi;
                    ci = cr * wi + ci * wr;
                    cr = nr;
                }
            }
        }
        if (inverse) {
            for (int i = 0; i < n; i++) {
                re[i] /= n;
                im[i] /= n;
            }
        }
    }
}

package adreview.checks;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class Fft2dTest {

    @Test
    void oneDimensionalTransformMatchesTheDefinition() {
        int n = 16;
        Random rnd = new Random(1);
        double[] re = new double[n];
        double[] im = new double[n];
        for (int i = 0; i < n; i++) {
            re[i] = rnd.nextGaussian();
            im[i] = rnd.nextGaussian();
        }
        double[] fr = re.clone();
        double[] fi = im.clone();
        Fft2d.transform(fr, fi, false);
        for (int k = 0; k < n; k++) {
            double sr = 0;
            double si = 0;
            for (int t = 0; t < n; t++) {
                double a = -2 * Math.PI * k * t / n;
                sr += re[t] * Math.cos(a) - im[t] * Math.sin(a);
                si += re[t] * Math.sin(a) + im[t] * Math.cos(a);
            }
            assertThat(fr[k]).isCloseTo(sr, within(1e-9));
            assertThat(fi[k]).isCloseTo(si, within(1e-9));
        }
    }

    @Test
    void twoDimensionalInverseUndoesForward() {
        int n = 64;
        Random rnd = new Random(2);
        double[] re = new double[n * n];
        double[] im = new double[n * n];
        for (int i = 0; i < re.length; i++) {
            re[i] = rnd.nextDouble();
        }
        double[] orig = re.clone();
        Fft2d.transform(re, im, n, false);
        // DC term of a 2-D transform is the sum of all samples.
        double sum = 0;
        for (double v : orig) {
            sum += v;
        }
        assertThat(re[0]).isCloseTo(sum, within(1e-9));
        Fft2d.transform(re, im, n, true);
        for (int i = 0; i < re.length; i++) {
            assertThat(re[i]).isCloseTo(orig[i], within(1e-12));
            assertThat(im[i]).isCloseTo(0.0, within(1e-12));
        }
    }

    @Test
    void rejectsSizesThatAreNotPowersOfTwo() {
        assertThatThrownBy(() -> Fft2d.transform(new double[12], new double[12], false))
                .hasMessageContaining("power of two").hasMessageContaining("12");
    }
}

package adreview.checks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.awt.Color;
import java.awt.image.BufferedImage;

import static org.assertj.core.api.Assertions.assertThat;

class OcclusionTest {

    @ParameterizedTest
    @EnumSource(SaliencyMethod.class)
    void subjectMaskCoversTheDrawnProductAndNotTheEmptyBackdrop(SaliencyMethod method) {
        int w = 1080;
        int h = 1920;
        BufferedImage scene = Drawn.productScene(w, h);
        Rect product = Drawn.productBounds(w, h);

        SubjectMask mask = new SubjectDetector(method, 2.5).subject(RgbPixels.of(scene));

        // A box in the middle of the bottle body lies over the subject...
        int cx = product.x() + product.w() / 2;
        int cy = product.y() + product.h() / 2;
        assertThat(mask.overlap(cx - 100, cy - 60, 200, 120)).isGreaterThan(0.9);
        // ...a box in the empty top third does not.
        assertThat(mask.overlap(90, 150, 900, 200)).isZero();
        // The subject's bounds contain the product's centre and stay within a margin of its box.
        int[] b = mask.bounds();
        assertThat(b).isNotNull();
        assertThat(b[0]).isBetween(product.x() - 120, product.x() + 20);
        assertThat(b[0] + b[2]).isBetween(product.x() + product.w() - 20, product.x() + product.w() + 120);
        assertThat(b[1]).isBetween(product.y() - 120, product.y() + 40);
        assertThat(b[1] + b[3]).isBetween(product.y() + product.h() - 60, product.y() + product.h() + 120);
        assertThat(mask.share()).isBetween(0.08, 0.35);
    }

    @ParameterizedTest
    @EnumSource(SaliencyMethod.class)
    void flatImageHasNoSubject(SaliencyMethod method) {
        SubjectMask mask = new SubjectDetector(method, 2.5).subject(RgbPixels.of(Drawn.fill(640, 480, new Color(0xDDE4EA))));

        assertThat(mask.share()).isZero();
        assertThat(mask.bounds()).isNull();
        assertThat(mask.overlap(0, 0, 640, 480)).isZero();
    }

    @Test
    void colourSaliencyCoversTheBodyOfALargeProductWhereSpectralResidualSeesOnlyItsOutline() {
        // A wide, flat-coloured product filling most of the frame: the case spectral residual misses.
        BufferedImage img = Drawn.verticalGradient(1080, 1350, new Color(0xFF9A3C), new Color(0xF24E6A));
        java.awt.Graphics2D g = img.createGraphics();
        g.setColor(new Color(0x2D6CDF));
        g.fillRoundRect(120, 560, 840, 300, 120, 120);
        g.dispose();
        int cx = 540 - 150;
        int cy = 710 - 60;

        double colour = new SubjectDetector(SaliencyMethod.COLOUR, 2.5).subject(RgbPixels.of(img)).overlap(cx, cy, 300, 120);
        double spectral = new SubjectDetector(SaliencyMethod.SPECTRAL_RESIDUAL, 2.5).subject(RgbPixels.of(img))
                .overlap(cx, cy, 300, 120);

        assertThat(colour).isGreaterThan(0.95);
        assertThat(spectral).isLessThan(colour);
    }

    @Test
    void overlapIsExactForCellAlignedRectangles() {
        boolean[] cells = new boolean[4 * 4];
        cells[0] = true; // top-left cell of a 4×4 grid over a 400×200 image covers 100×50 px
        SubjectMask mask = new SubjectMask(4, cells, 400, 200);

        assertThat(mask.overlap(0, 0, 100, 50)).isEqualTo(1.0);
        assertThat(mask.overlap(0, 0, 200, 100)).isEqualTo(0.25);
        assertThat(mask.overlap(50, 0, 100, 50)).isEqualTo(0.5);
        assertThat(mask.overlap(-100, -50, 200, 100)).isEqualTo(1.0); // clipped to the image first
        assertThat(mask.overlap(500, 0, 10, 10)).isZero();
        assertThat(mask.bounds()).containsExactly(0, 0, 100, 50);
    }
}

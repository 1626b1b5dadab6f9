package adreview.checks;

import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.image.BufferedImage;

import static org.assertj.core.api.Assertions.assertThat;

class ImageQualityTest {

    private final ImageQuality quality = new ImageQuality(QualityThresholds.defaults());

    /** A detailed scene: the product, fine stripes and small text, as a sharp photo would have. */
    private static BufferedImage detailed(int w, int h) {
        BufferedImage img = Drawn.productScene(w, h);
        java.awt.Graphics2D g = img.createGraphics();
        g.setColor(new Color(0x5A4632));
        for (int x = 0; x < w; x += 6) {
            g.fillRect(x, (int) (h * 0.86), 3, (int) (h * 0.12));
        }
        g.dispose();
        for (int i = 0; i < 12; i++) {
            Drawn.text(img, i, "body", "Single origin, roasted weekly", 40, 40 + i * 40, 22, false, new Color(0x3A2A1A), 2);
        }
        return img;
    }

    @Test
    void laplacianVarianceSeparatesSharpFromBlurred() {
        BufferedImage sharp = detailed(1080, 1350);
        BufferedImage soft = Drawn.blurred(sharp, 3);

        QualityReport s = quality.measure(RgbPixels.of(sharp), Placement.FEED);
        QualityReport b = quality.measure(RgbPixels.of(soft), Placement.FEED);

        assertThat(s.laplacianVariance()).isGreaterThan(10 * b.laplacianVariance());
        assertThat(s.detailLaplacianVariance()).isGreaterThan(10 * b.detailLaplacianVariance());
        assertThat(s.detailLaplacianVariance()).isGreaterThan(s.laplacianVariance());
        assertThat(s.sharpOk()).isTrue();
        assertThat(b.sharpOk()).isFalse();
        assertThat(b.problems()).anyMatch(p -> p.startsWith("blurry"));
        assertThat(s.ok()).isTrue();
        assertThat(s.problems()).isEmpty();
    }

    @Test
    void laplacianVarianceOfAFlatImageIsZeroAndAFlatImageIsNotCalledSharp() {
        float[] flat = new float[50 * 40];
        java.util.Arrays.fill(flat, 128f);
        assertThat(ImageQuality.laplacianVariance(flat, 50, 40)).isZero();

        QualityReport q = quality.measure(RgbPixels.of(Drawn.fill(1080, 1350, new Color(0x808080))), Placement.FEED);
        assertThat(q.sharpOk()).isFalse();
        assertThat(q.problems()).anyMatch(p -> p.contains("flat"));
    }

    @Test
    void aCrispProductOnAPlainBackdropIsSharpThoughMostOfTheFrameIsFlat() {
        BufferedImage crisp = Drawn.productScene(1080, 1350);

        QualityReport q = quality.measure(RgbPixels.of(crisp), Placement.FEED);
        QualityReport soft = quality.measure(RgbPixels.of(Drawn.blurred(crisp, 2)), Placement.FEED);

        assertThat(q.sharpOk()).as("%s", q).isTrue();
        assertThat(soft.sharpOk()).as("%s", soft).isFalse();
    }

    @Test
    void resolutionIsJudgedAgainstThePlacement() {
        BufferedImage small = detailed(720, 1280);
        BufferedImage square = detailed(1080, 1080);

        QualityReport story = quality.measure(RgbPixels.of(small), Placement.STORY);
        QualityReport feedFromSquare = quality.measure(RgbPixels.of(square), Placement.STORY);

        assertThat(story.upscale()).isEqualTo(1.5);
        assertThat(story.resolutionOk()).isFalse();
        assertThat(story.problems()).anyMatch(p -> p.contains("too small for story 1080x1920"));
        // A square image for a 9:16 story: enlarged and 44% cropped.
        assertThat(feedFromSquare.cropShare()).isEqualTo(0.438);
        assertThat(feedFromSquare.problems()).anyMatch(p -> p.contains("aspect ratio"));
        assertThat(quality.measure(RgbPixels.of(detailed(1080, 1920)), Placement.STORY).resolutionOk()).isTrue();
    }

    @Test
    void clippedHighlightsAndShadowsAreCounted() {
        BufferedImage img = detailed(1000, 1000);
        java.awt.Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 1000, 400); // 40% burnt out
        g.setColor(Color.BLACK);
        g.fillRect(0, 900, 1000, 100); // 10% crushed
        g.dispose();

        QualityReport q = quality.measure(RgbPixels.of(img), Placement.SQUARE);

        assertThat(q.highlightsClipped()).isBetween(0.40, 0.41);
        assertThat(q.shadowsClipped()).isBetween(0.10, 0.11);
        assertThat(q.exposureOk()).isFalse();
        assertThat(q.problems()).anyMatch(p -> p.startsWith("overexposed: 40%"));
        assertThat(q.problems()).noneMatch(p -> p.startsWith("underexposed"));
    }

    @Test
    void placementsParseByNameOrSize() {
        assertThat(Placement.parse("Story")).isEqualTo(Placement.STORY);
        assertThat(Placement.parse("1200x628").width()).isEqualTo(1200);
        assertThat(Placement.closestTo(1080, 1920)).isEqualTo(Placement.STORY);
        assertThat(Placement.closestTo(1024, 1024)).isEqualTo(Placement.SQUARE);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Placement.parse("billboard"))
                .hasMessageContaining("billboard").hasMessageContaining("feed, story");
    }
}

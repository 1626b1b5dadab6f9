package adreview.checks;

import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class ContrastEstimatorTest {

    private final ContrastEstimator estimator = new ContrastEstimator(CheckThresholds.defaults());

    @Test
    void blackTextOnWhiteMeasuresTwentyOneToOneAndPassesEverything() {
        BufferedImage img = Drawn.fill(900, 200, Color.WHITE);
        TextBox box = Drawn.text(img, 0, "headline", "Fresh roast, every morning", 20, 40, 40, true, Color.BLACK, 8);

        BoxContrast c = estimator.measure(RgbPixels.of(img), box);

        assertThat(c.ratio()).isEqualTo(21.0);
        assertThat(c.worstRatio()).isEqualTo(21.0);
        assertThat(c.textColour()).isEqualTo("#000000");
        assertThat(c.backgroundColour()).isEqualTo("#FFFFFF");
        assertThat(c.aa()).isEqualTo(Verdict.PASS);
        assertThat(c.aaa()).isEqualTo(Verdict.PASS);
        assertThat(c.note()).isNull();
    }

    @Test
    void grey777OnWhiteFailsAaForNormalTextButPassesAaForLargeText() {
        BufferedImage img = Drawn.fill(1000, 300, Color.WHITE);
        TextBox normal = Drawn.text(img, 0, "body", "지금 바로 만나보세요 today", 20, 20, 20, false, new Color(0x777777), 4);
        TextBox large = Drawn.text(img, 1, "headline", "Large grey headline", 20, 120, 32, false, new Color(0x777777), 6);
        RgbPixels px = RgbPixels.of(img);

        BoxContrast n = estimator.measure(px, normal);
        BoxContrast l = estimator.measure(px, large);

        assertThat(n.ratio()).isEqualTo(4.48);
        assertThat(n.textColour()).isEqualTo("#777777");
        assertThat(n.largeText()).isFalse();
        assertThat(n.requiredAa()).isEqualTo(4.5);
        assertThat(n.aa()).isEqualTo(Verdict.FAIL);
        assertThat(n.aaa()).isEqualTo(Verdict.FAIL);

        assertThat(l.ratio()).isEqualTo(4.48);
        assertThat(l.largeText()).isTrue();
        assertThat(l.aa()).isEqualTo(Verdict.PASS);
        // AAA large text needs 4.5:1 and 4.48 is compared unrounded... and rounded it is still below.
        assertThat(l.aaa()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void whiteTextOnDarkFillPicksTheMoreFrequentSideAsBackground() {
        BufferedImage img = Drawn.fill(800, 200, new Color(0x1B3A5C));
        TextBox box = Drawn.text(img, 0, "cta", "Shop now", 30, 30, 48, true, Color.WHITE, 10);

        BoxContrast c = estimator.measure(RgbPixels.of(img), box);

        assertThat(c.backgroundColour()).isEqualTo("#1B3A5C");
        assertThat(c.textColour()).isEqualTo("#FFFFFF");
        assertThat(c.ratio()).isEqualTo(Wcag.round2(Wcag.contrastRatio(0xFFFFFF, 0x1B3A5C)));
        assertThat(c.aa()).isEqualTo(Verdict.PASS);
    }

    @Test
    void layoutColourOnlyNamesWhichMeasuredColourIsTheText() {
        // Huge bold white text on a small dark strip: white pixels outnumber the background.
        BufferedImage img = Drawn.fill(700, 140, new Color(0x203040));
        TextBox drawn = Drawn.text(img, 0, "headline", "WWWWWW", 0, 0, 120, true, Color.WHITE, 0);
        TextBox withoutColour = new TextBox(0, drawn.text(), "headline", drawn.x(), drawn.y(), drawn.w(), drawn.h(),
                Drawn.FONT, true, 120, null);
        RgbPixels px = RgbPixels.of(img);

        BoxContrast named = estimator.measure(px, drawn);
        BoxContrast unnamed = estimator.measure(px, withoutColour);

        assertThat(named.textColour()).isEqualTo("#FFFFFF");
        assertThat(named.backgroundColour()).isEqualTo("#203040");
        assertThat(named.ratio()).isEqualTo(unnamed.ratio());
        // A wrong intended colour does not change what is measured.
        TextBox lying = new TextBox(0, drawn.text(), "headline", drawn.x(), drawn.y(), drawn.w(), drawn.h(),
                Drawn.FONT, true, 120, "#FF00FF");
        assertThat(estimator.measure(px, lying).ratio()).isEqualTo(named.ratio());
    }

    @Test
    void textOverAStrongGradientIsNeverPassed() {
        // Horizontal black-to-white gradient behind white text: the right end of the text is unreadable.
        int w = 900;
        BufferedImage img = new BufferedImage(w, 200, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = img.createGraphics();
        g.setPaint(new java.awt.GradientPaint(0, 0, Color.BLACK, w, 0, Color.WHITE));
        g.fillRect(0, 0, w, 200);
        g.dispose();
        for (int size : new int[]{20, 40, 72}) {
            BufferedImage copy = copy(img);
            TextBox box = Drawn.text(copy, 0, "headline", "Summer sale on now", 10, 40, size, true, Color.WHITE, 6);

            BoxContrast c = estimator.measure(RgbPixels.of(copy), box);

            assertThat(c.aa()).as("gradient behind %d px text: %s", size, c).isNotEqualTo(Verdict.PASS);
            assertThat(c.aaa()).isNotEqualTo(Verdict.PASS);
        }
    }

    @Test
    void aGentleVerticalScrimIsJudgedAtItsLowestContrast() {
        // Dark scrim from #404040 at the top of the box to #545454 at its bottom, white text.
        BufferedImage img = Drawn.verticalGradient(900, 36, new Color(0x404040), new Color(0x545454));
        TextBox box = Drawn.text(img, 0, "body", "Free delivery over 30,000 won", 10, 0, 22, false, Color.WHITE, 4);

        BoxContrast c = estimator.measure(RgbPixels.of(img), box);

        // The verdict must rest on the light bottom of the scrim (white on #545454 is 7.57:1), not on
        // the most frequent shade, which is darker.
        assertThat(c.worstRatio()).isBetween(Wcag.round2(Wcag.contrastRatio(0xFFFFFF, 0x545454)), 9.0);
        assertThat(c.ratio()).isGreaterThan(c.worstRatio() / 0.9);
        assertThat(c.note()).contains("background varies");
        assertThat(c.aa()).isEqualTo(Verdict.PASS);
    }

    @Test
    void busyPhotographicBackgroundIsUndetermined() {
        BufferedImage img = new BufferedImage(800, 200, BufferedImage.TYPE_INT_RGB);
        Random rnd = new Random(7);
        // Blobs of many colours: no two colours dominate.
        for (int y = 0; y < 200; y += 4) {
            for (int x = 0; x < 800; x += 4) {
                int c = rnd.nextInt(0xFFFFFF);
                for (int dy = 0; dy < 4; dy++) {
                    for (int dx = 0; dx < 4; dx++) {
                        img.setRGB(x + dx, y + dy, c);
                    }
                }
            }
        }
        TextBox box = Drawn.text(img, 0, "headline", "Hidden in the noise", 10, 40, 40, true, Color.WHITE, 6);

        BoxContrast c = estimator.measure(RgbPixels.of(img), box);

        assertThat(c.aa()).isEqualTo(Verdict.UNDETERMINED);
        assertThat(c.aaa()).isEqualTo(Verdict.UNDETERMINED);
        assertThat(c.dominantShare()).isLessThan(0.6);
        assertThat(c.note()).contains("busy background");
    }

    @Test
    void boxWithOneColourHasNoVisibleTextAndFails() {
        BufferedImage img = Drawn.fill(300, 100, new Color(0xEEEEEE));
        TextBox box = new TextBox(0, "invisible", "body", 10, 10, 200, 40, Drawn.FONT, false, 24, "#EEEEEE");

        BoxContrast c = estimator.measure(RgbPixels.of(img), box);

        assertThat(c.ratio()).isEqualTo(1.0);
        assertThat(c.aa()).isEqualTo(Verdict.FAIL);
        assertThat(c.note()).contains("single colour");
    }

    @Test
    void boxOutsideTheRenderIsUndeterminedAndSaysWhy() {
        BufferedImage img = Drawn.fill(300, 100, Color.WHITE);
        TextBox box = new TextBox(3, "off canvas", "body", 400, 10, 100, 40, Drawn.FONT, false, 24, null);

        BoxContrast c = estimator.measure(RgbPixels.of(img), box);

        assertThat(c.aa()).isEqualTo(Verdict.UNDETERMINED);
        assertThat(c.note()).contains("outside").contains("300x100");
    }

    @Test
    void translucentRenderIsCompositedOverWhite() {
        BufferedImage img = new BufferedImage(600, 120, BufferedImage.TYPE_INT_ARGB);
        TextBox box = Drawn.text(img, 0, "body", "Half-transparent black", 10, 10, 40, true, new Color(0, 0, 0, 255), 6);

        BoxContrast c = estimator.measure(RgbPixels.of(img), box);

        // Transparent background becomes white; opaque black text stays black.
        assertThat(c.backgroundColour()).isEqualTo("#FFFFFF");
        assertThat(c.ratio()).isEqualTo(21.0);
    }

    private static BufferedImage copy(BufferedImage src) {
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        out.getGraphics().drawImage(src, 0, 0, null);
        return out;
    }
}

package adreview.checks;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class WcagTest {

    @Test
    void blackOnWhiteIsTwentyOneToOne() {
        assertThat(Wcag.contrastRatio(0x000000, 0xFFFFFF)).isCloseTo(21.0, within(1e-9));
        assertThat(Wcag.contrastRatio(0xFFFFFF, 0x000000)).isCloseTo(21.0, within(1e-9));
    }

    @Test
    void grey777OnWhiteIsJustBelowFourAndAHalf() {
        double r = Wcag.contrastRatio(0x777777, 0xFFFFFF);
        assertThat(Wcag.round2(r)).isEqualTo(4.48);
        assertThat(r).isLessThan(Wcag.AA_NORMAL).isGreaterThan(Wcag.AA_LARGE);
    }

    @Test
    void relativeLuminanceFollowsTheSrgbCurve() {
        assertThat(Wcag.relativeLuminance(0xFFFFFF)).isCloseTo(1.0, within(1e-12));
        assertThat(Wcag.relativeLuminance(0x000000)).isZero();
        // Pure primaries weigh by their Rec. 709 coefficients.
        assertThat(Wcag.relativeLuminance(0xFF0000)).isCloseTo(0.2126, within(1e-12));
        assertThat(Wcag.relativeLuminance(0x00FF00)).isCloseTo(0.7152, within(1e-12));
        // Mid grey 0x80 is about 21.6% luminance, not 50%.
        assertThat(Wcag.relativeLuminance(0x808080)).isCloseTo(0.2159, within(1e-4));
    }

    @Test
    void largeTextIsEighteenPointOrFourteenPointBold() {
        assertThat(Wcag.isLargeText(24, false)).isTrue();
        assertThat(Wcag.isLargeText(23.9, false)).isFalse();
        assertThat(Wcag.isLargeText(18.67, true)).isTrue();
        assertThat(Wcag.isLargeText(18.66, true)).isTrue();
        assertThat(Wcag.isLargeText(18.6, true)).isFalse();
        assertThat(Wcag.isLargeText(20, false)).isFalse();
        assertThat(Wcag.isLargeText(0, true)).isFalse();
    }

    @Test
    void hexRoundTrips() {
        assertThat(Wcag.hex(0x1a2b3c)).isEqualTo("#1A2B3C");
        assertThat(Wcag.parseHex("#1A2B3C")).isEqualTo(0x1A2B3C);
        assertThat(Wcag.parseHex("1a2b3c")).isEqualTo(0x1A2B3C);
        assertThat(Wcag.parseHex("#12345")).isEqualTo(-1);
        assertThat(Wcag.parseHex("#GG0000")).isEqualTo(-1);
        assertThat(Wcag.parseHex(null)).isEqualTo(-1);
    }
}

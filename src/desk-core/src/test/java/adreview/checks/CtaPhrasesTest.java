package adreview.checks;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CtaPhrasesTest {

    private final CtaPhrases phrases = CtaPhrases.bundled();
    private final CtaDetector detector = new CtaDetector(phrases);

    @Test
    void bundledListHoldsEnglishAndKoreanPhrases() {
        assertThat(phrases.phrases()).contains("shop now", "buy", "learn more", "order today", "sign up",
                "get started", "지금 구매", "자세히 보기", "구매하기", "지금 주문", "더 알아보기");
    }

    @Test
    void englishMatchesIgnoreCaseAndWhitespace() {
        assertThat(phrases.match("SHOP   NOW")).contains("shop now");
        assertThat(phrases.match("  Learn\tmore \u2192")).contains("learn more");
        assertThat(phrases.match("Order today!")).contains("order today");
        assertThat(phrases.match("Sign-up for the newsletter")).contains("sign up");
        assertThat(phrases.match("Buy 2, get 1 free")).contains("buy");
    }

    @Test
    void englishPhrasesMustBeWholeWords() {
        assertThat(phrases.match("Loved by every buyer")).isEmpty();
        assertThat(phrases.match("Workshop nowhere else")).isEmpty();
        assertThat(phrases.match("Fresh roast, every morning")).isEmpty();
    }

    @Test
    void longestPhraseIsReported() {
        assertThat(phrases.match("Buy now")).contains("buy now");
    }

    @Test
    void koreanMatchesInsideWordsAndWithoutSpaces() {
        assertThat(phrases.match("지금 구매하세요")).contains("지금 구매");
        assertThat(phrases.match("자세히보기")).contains("자세히 보기");
        assertThat(phrases.match("▶ 더  알아보기")).contains("더 알아보기");
        assertThat(phrases.match("오늘 지금주문 시 무료배송")).contains("지금 주문");
        assertThat(phrases.match("갓 볶은 원두의 향")).isEmpty();
    }

    @Test
    void decomposedHangulIsNormalisedBeforeMatching() {
        String nfd = java.text.Normalizer.normalize("구매하기", java.text.Normalizer.Form.NFD);
        assertThat(nfd).isNotEqualTo("구매하기");
        assertThat(phrases.match(nfd)).contains("구매하기");
    }

    @Test
    void roleCtaCountsEvenWithoutAListedPhrase() {
        List<TextBox> boxes = List.of(
                box(0, "headline", "Slow mornings, better coffee"),
                box(1, "cta", "Taste the difference"));

        CtaResult r = detector.detect(boxes);

        assertThat(r.status()).isEqualTo(CtaResult.Status.PRESENT);
        assertThat(r.present()).isTrue();
        assertThat(r.matches()).singleElement().satisfies(m -> {
            assertThat(m.box()).isEqualTo(1);
            assertThat(m.byRole()).isTrue();
            assertThat(m.phrase()).isNull();
            assertThat(m.text()).isEqualTo("Taste the difference");
        });
    }

    @Test
    void phraseInABodyBoxCountsAndIsReportedWithItsText() {
        CtaResult r = detector.detect(List.of(box(0, "headline", "가을 신상품"), box(1, "body", "지금 구매하고 10% 할인")));

        assertThat(r.status()).isEqualTo(CtaResult.Status.PRESENT);
        assertThat(r.matches()).singleElement().satisfies(m -> {
            assertThat(m.byRole()).isFalse();
            assertThat(m.phrase()).isEqualTo("지금 구매");
            assertThat(m.text()).isEqualTo("지금 구매하고 10% 할인");
        });
    }

    @Test
    void noCtaIsAbsentAndNoBoxesIsNotMeasured() {
        assertThat(detector.detect(List.of(box(0, "headline", "Fresh roast"), box(1, "body", "Since 1998"))).status())
                .isEqualTo(CtaResult.Status.ABSENT);
        assertThat(detector.detect(List.of(box(0, "cta", "   "))).status()).isEqualTo(CtaResult.Status.ABSENT);
        CtaResult none = detector.detect(List.of());
        assertThat(none.status()).isEqualTo(CtaResult.Status.NOT_MEASURED);
        assertThat(none.present()).isNull();
    }

    private static TextBox box(int i, String role, String text) {
        return new TextBox(i, text, role, 0, 0, 10, 10, Drawn.FONT, false, 24, "#000000");
    }
}

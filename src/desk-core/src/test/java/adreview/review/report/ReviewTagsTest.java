package adreview.review.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReviewTagsTest {

    @Test
    void tagsAreHashWordsInAnyCaseNotGluedToOtherWords() {
        assertThat(ReviewTags.has("#CTA too small", "cta")).isTrue();
        assertThat(ReviewTags.has("low #contrast.", "contrast")).isTrue();
        assertThat(ReviewTags.has("(#occlusion)", "occlusion")).isTrue();
        assertThat(ReviewTags.has("#off-brief: wrong product", "offbrief")).isTrue();
        assertThat(ReviewTags.has("#offbrief", "offbrief")).isTrue();
        assertThat(ReviewTags.has("#ctabutton", "cta")).isFalse();
        assertThat(ReviewTags.has("issue#cta", "cta")).isFalse();
        assertThat(ReviewTags.has("contrast is low", "contrast")).isFalse();
        assertThat(ReviewTags.has(null, "cta")).isFalse();
        assertThatThrownBy(() -> ReviewTags.has("x", "font")).hasMessageContaining("Unknown criterion");
    }
}

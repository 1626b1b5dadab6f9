package adreview.ui.review;

import adreview.review.result.FontRecommendation;
import adreview.review.result.Stage1Result;
import adreview.review.result.Stage2Result;
import adreview.store.Trace;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ResultViewModelsTest {

    private static FontRecommendation font(String style, String size, String color) {
        return new FontRecommendation(FontRecommendation.Style.of(style), FontRecommendation.Size.of(size),
                FontRecommendation.Color.of(color));
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void koreanCopyGetsKoreanFontsAndEachStyleItsFamily() {
        var serif = FontPreviewSpec.of(font("serif", "large", "light"), "여름 세일 30% 할인");
        assertThat(serif.families().get(0)).isEqualTo("NanumMyeongjo");
        assertThat(serif.bold()).isFalse();
        assertThat(serif.sizeFraction()).isEqualTo(0.085);

        var bold = FontPreviewSpec.of(font("bold", "medium", "dark"), "Summer Sale");
        assertThat(bold.families().get(0)).isEqualTo("DejaVu Sans");
        assertThat(bold.bold()).isTrue();
        assertThat(bold.fill()).isEqualTo("#15171a");
        assertThat(bold.caption()).isEqualTo("Bold · Medium · Dark");
        assertThat(bold.note()).isEmpty();

        var sans = FontPreviewSpec.of(font("sans-serif", "small", "light"), "가을");
        assertThat(sans.families().get(0)).isEqualTo("NanumGothic");
        assertThat(sans.fill()).isEqualTo("#f8f8f4");
    }

    @Test
    void noFontAdviceShowsTheDefaultsAndSaysSo() {
        var spec = FontPreviewSpec.of(null, "Sale");
        assertThat(spec.caption()).isEqualTo("Sans-serif · Medium · Light");
        assertThat(spec.note()).contains("(none)");
    }

    @Test
    void stage1ScoreIsShownAndBanded() {
        var vm = new Stage1ResultViewModel();
        vm.show(new Stage1Result(true, true, 0.97, "x", List.of("a"), List.of("b", "c"), null), "file:/x.png", null,
                "Run just now");
        assertThat(vm.scoreProperty().get()).isEqualTo(0.97);
        assertThat(vm.scoreTextProperty().get()).isEqualTo("0.97");
        assertThat(vm.scoreLevelProperty().get()).isEqualTo(Stage1ResultViewModel.ScoreLevel.GOOD);
        assertThat(vm.previewCopyProperty().get()).isEqualTo("Your ad copy here");
        assertThat(vm.recommendations()).containsExactly("b", "c");
        assertThat(Stage1ResultViewModel.ScoreLevel.of(0.55)).isEqualTo(Stage1ResultViewModel.ScoreLevel.FAIR);
        vm.clear("nothing");
        assertThat(vm.presentProperty().get()).isFalse();
        assertThat(vm.issues()).isEmpty();
    }

    @Test
    void stage2OcclusionTrueIsAFail() {
        var rows = Stage2ResultViewModel.rowsOf(new Stage2Result(true, true, false, true, "", List.of()));
        assertThat(rows).extracting(Stage2ResultViewModel.CheckRow::pass).containsExactly(true, false, false, true);
        assertThat(rows.get(1).detail()).contains("covers something important");
        var vm = new Stage2ResultViewModel();
        vm.show(new Stage2Result(true, false, true, true, "fine", List.of()), null, "t");
        assertThat(vm.summaryProperty().get()).isEqualTo("4 of 4 checks pass");
        assertThat(vm.allPassProperty().get()).isTrue();
    }

    @Test
    void traceComparisonMarksExactlyTheFieldsThatDiffer() throws Exception {
        var a = new Trace(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "llava", "analyze",
                JSON.readTree("{\"prompt\":\"Analyze A\",\"ad_copy_text\":\"Sale\",\"model\":{\"folder\":\"llava-1.5-7b-hf\",\"precision\":\"int8\",\"device\":\"gpu(0)\"}}"),
                JSON.readTree("{\"is_valid\":true,\"relevance_score\":0.8,\"issues\":[\"x\"]}"), 1000,
                Instant.parse("2026-11-26T06:00:00Z"), Instant.parse("2026-11-26T06:00:00Z"));
        var b = new Trace(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "llava", "analyze",
                JSON.readTree("{\"prompt\":\"Analyze B\",\"ad_copy_text\":\"Sale\",\"model\":{\"folder\":\"llava-1.5-7b-hf\",\"precision\":\"fp16\",\"device\":\"gpu(0)\"},\"rejudge\":true,\"reviewer\":\"kim\"}"),
                JSON.readTree("{\"is_valid\":true,\"relevance_score\":0.6,\"issues\":[\"x\",\"y\"]}"), 1000,
                Instant.parse("2026-11-26T06:00:00Z"), Instant.parse("2026-11-26T06:00:00Z"));
        var rows = TraceComparisonViewModel.compare(a, b);
        assertThat(rows).filteredOn(TraceComparisonViewModel.Row::changed).extracting(TraceComparisonViewModel.Row::field)
                .containsExactlyInAnyOrder("re-judge", "reviewer", "prompt", "model.precision", "relevance_score", "issues");
        assertThat(rows).filteredOn(r -> r.field().equals("model.precision")).singleElement()
                .satisfies(r -> assertThat(r.section()).isEqualTo("Model"));
        assertThat(rows).filteredOn(r -> r.field().equals("reviewer")).singleElement()
                .satisfies(r -> assertThat(r.left()).isEqualTo(TraceComparisonViewModel.ABSENT));
        assertThat(rows).filteredOn(r -> r.field().equals("issues")).singleElement()
                .satisfies(r -> assertThat(r.right()).isEqualTo("• x\n• y"));

        var vm = new TraceComparisonViewModel();
        vm.setTraces(List.of(b, a));
        assertThat(vm.summaryProperty().get()).isEqualTo("6 of " + rows.size() + " fields differ");
    }
}

package adreview.ui.json;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TraceResultTest {

    @Test
    void stage1ShowsScoreAndValidity() {
        assertThat(TraceResult.summarize("{\"is_valid\":false,\"relevance_score\":0.4}")).isEqualTo("score 0.40 · not valid");
        assertThat(TraceResult.relevanceScore("{\"relevance_score\":0.86}")).isEqualTo(0.86);
    }

    @Test
    void stage2NamesEveryFailedCheck() {
        assertThat(TraceResult.summarize("{\"on_brief\":true,\"occlusion\":false,\"contrast_ok\":true,\"cta_present\":true}"))
                .isEqualTo("pass");
        assertThat(TraceResult.summarize("{\"on_brief\":false,\"occlusion\":true,\"contrast_ok\":false,\"cta_present\":false}"))
                .isEqualTo("fail: off brief, occlusion, contrast, no cta");
    }

    @Test
    void errorsWin() {
        assertThat(TraceResult.summarize("{\"error\":\"model output is not valid JSON\",\"raw_text\":\"x\"}"))
                .isEqualTo("error: model output is not valid JSON");
        assertThat(TraceResult.summarize("{\"error\":{\"message\":\"CUDA out of memory\"}}"))
                .isEqualTo("error: CUDA out of memory");
        assertThat(TraceResult.stage2Verdict("{\"error\":\"x\"}")).isEqualTo("error");
    }

    @Test
    void unparsableOrMissingResponses() {
        assertThat(TraceResult.summarize("not json")).isEqualTo("unparsable response");
        assertThat(TraceResult.summarize(null)).isEmpty();
        assertThat(TraceResult.relevanceScore("{\"relevance_score\":\"high\"}")).isNull();
    }
}

package adreview.review.result;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResultsTest {

    static final String STAGE1 = "{\"is_valid\":true,\"image_quality_ok\":false,\"relevance_score\":0.85,\"analysis\":\"ok\","
            + "\"issues\":[\"a\"],\"recommendations\":[],\"font_recommendation\":{\"style\":\"sans-serif\",\"size\":\"large\",\"color\":\"dark\"}}";

    @Test
    void stage1RoundTripsInTheSpecsSnakeCase() throws Exception {
        Stage1Result r = Results.stage1(STAGE1, true);
        assertThat(r).isEqualTo(new Stage1Result(true, false, 0.85, "ok", List.of("a"), List.of(),
                new FontRecommendation(FontRecommendation.Style.SANS_SERIF, FontRecommendation.Size.LARGE, FontRecommendation.Color.DARK)));
        assertThat(Results.json().writeValueAsString(r)).isEqualTo(STAGE1);
        assertThat(Results.json().readValue(STAGE1, Stage1Result.class)).isEqualTo(r);
    }

    @Test
    void stage1WithoutFontOmitsTheField() throws Exception {
        Stage1Result r = new Stage1Result(false, true, 0.0, "", List.of(), List.of(), null);
        JsonNode n = Results.toJson(r);
        assertThat(n.has("font_recommendation")).isFalse();
        assertThat(Results.stage1(n, false)).isEqualTo(r);
        assertThatThrownBy(() -> Results.stage1(n, true)).isInstanceOf(AnswerFormatException.class)
                .hasMessageContaining("font_recommendation is missing");
    }

    @Test
    void stage2RoundTrips() throws Exception {
        Stage2Result r = new Stage2Result(true, false, true, false, "no CTA", List.of("no call to action"));
        String json = Results.json().writeValueAsString(r);
        assertThat(json).isEqualTo("{\"on_brief\":true,\"occlusion\":false,\"contrast_ok\":true,\"cta_present\":false,"
                + "\"analysis\":\"no CTA\",\"issues\":[\"no call to action\"]}");
        assertThat(Results.stage2(json)).isEqualTo(r);
    }

    @Test
    void strictReadingNamesTheWrongField() {
        assertThatThrownBy(() -> Results.stage1(STAGE1.replace("0.85", "1.5"), true))
                .isInstanceOf(AnswerFormatException.class).hasMessageContaining("relevance_score must be within 0.0-1.0");
        assertThatThrownBy(() -> Results.stage1(STAGE1.replace("\"is_valid\":true", "\"is_valid\":\"yes\""), true))
                .hasMessageContaining("is_valid must be true or false");
        assertThatThrownBy(() -> Results.stage1(STAGE1.replace("sans-serif", "italic"), true))
                .hasMessageContaining("font_recommendation.style must be one of [bold, serif, sans-serif]");
        assertThatThrownBy(() -> Results.stage1(STAGE1.replace("[\"a\"]", "[1]"), true))
                .hasMessageContaining("issues must hold only strings");
        assertThatThrownBy(() -> Results.stage2("{\"on_brief\":true}")).hasMessageContaining("occlusion is missing");
        assertThatThrownBy(() -> Results.stage2("{not json")).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> new Stage1Result(true, true, Double.NaN, "", List.of(), List.of(), null))
                .hasMessageContaining("relevance_score");
    }
}

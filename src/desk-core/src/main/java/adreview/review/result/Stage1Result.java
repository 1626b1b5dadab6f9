package adreview.review.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;
import java.util.Objects;

/**
 * Stage 1's answer (SPEC §2). {@code font} is null only for an answer to the prompt without ad
 * copy, which does not ask for one. The constructor validates: a score outside [0, 1] or a missing
 * field is an {@link IllegalArgumentException} naming the field.
 */
@JsonPropertyOrder({"is_valid", "image_quality_ok", "relevance_score", "analysis", "issues", "recommendations", "font_recommendation"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Stage1Result(
        @JsonProperty("is_valid") boolean isValid,
        @JsonProperty("image_quality_ok") boolean imageQualityOk,
        @JsonProperty("relevance_score") double relevanceScore,
        @JsonProperty("analysis") String analysis,
        @JsonProperty("issues") List<String> issues,
        @JsonProperty("recommendations") List<String> recommendations,
        @JsonProperty("font_recommendation") FontRecommendation font) implements StageResult {

    public Stage1Result {
        if (!(relevanceScore >= 0.0 && relevanceScore <= 1.0)) {
            throw new IllegalArgumentException("relevance_score must be within 0.0-1.0, got " + relevanceScore);
        }
        Objects.requireNonNull(analysis, "analysis");
        issues = Results.copyItems(issues, "issues");
        recommendations = Results.copyItems(recommendations, "recommendations");
    }
}

package adreview.review.result;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;
import java.util.Objects;

/** Stage 2's answer (SPEC §3): {@code occlusion} true means the text covers something important. */
@JsonPropertyOrder({"on_brief", "occlusion", "contrast_ok", "cta_present", "analysis", "issues"})
public record Stage2Result(
        @JsonProperty("on_brief") boolean onBrief,
        @JsonProperty("occlusion") boolean occlusion,
        @JsonProperty("contrast_ok") boolean contrastOk,
        @JsonProperty("cta_present") boolean ctaPresent,
        @JsonProperty("analysis") String analysis,
        @JsonProperty("issues") List<String> issues) {

    public Stage2Result {
        Objects.requireNonNull(analysis, "analysis");
        issues = Results.copyItems(issues, "issues");
    }
}

package adreview.review.result;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.ArrayList;
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
        @JsonProperty("issues") List<String> issues) implements StageResult {

    /** The four checks of a finished ad; each names the way it fails. */
    public enum Check {
        ON_BRIEF("off brief"), OCCLUSION("occlusion"), CONTRAST("contrast"), CTA("no cta");

        private final String failure;

        Check(String failure) {
            this.failure = failure;
        }

        /** How a failed check reads in the list and the CLI: "off brief", "no cta". */
        public String failure() {
            return failure;
        }
    }

    public Stage2Result {
        Objects.requireNonNull(analysis, "analysis");
        issues = Results.copyItems(issues, "issues");
    }

    /** The checks this ad fails, in {@link Check} order: the one verdict rule of the desk. */
    @JsonIgnore
    public List<Check> failedChecks() {
        List<Check> failed = new ArrayList<>();
        if (!onBrief) {
            failed.add(Check.ON_BRIEF);
        }
        if (occlusion) {
            failed.add(Check.OCCLUSION);
        }
        if (!contrastOk) {
            failed.add(Check.CONTRAST);
        }
        if (!ctaPresent) {
            failed.add(Check.CTA);
        }
        return failed;
    }

    /** True when every check passes. */
    @JsonIgnore
    public boolean passes() {
        return failedChecks().isEmpty();
    }

    /** "pass", or "fail: " and the failed checks: the verdict's one-line form. */
    @JsonIgnore
    public String verdict() {
        List<Check> failed = failedChecks();
        return failed.isEmpty() ? "pass" : "fail: " + String.join(", ", failed.stream().map(Check::failure).toList());
    }
}

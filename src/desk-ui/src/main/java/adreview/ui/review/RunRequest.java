package adreview.ui.review;

import java.util.Objects;

/** One queued model run: which stage, on which variant, how. */
public record RunRequest(StageKind stage, VariantRef variant, RunOptions options) {
    public RunRequest {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(variant, "variant");
        options = options == null ? RunOptions.pipeline() : options;
    }

    /** "Stage 1 · 3f2a9c1e" or "Re-judge Stage 2 · …": the line a progress list shows. */
    public String title() {
        return (options.rejudge() ? "Re-judge " : "") + stage.label() + " · " + variant.label();
    }
}

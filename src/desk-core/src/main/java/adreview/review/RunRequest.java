package adreview.review;

import adreview.review.prompt.Prompt;

import java.util.Objects;
import java.util.UUID;

/**
 * One Stage 1 or Stage 2 run on a variant.
 *
 * @param adCopy      Stage 1: ad copy the reviewer typed (null/blank: resolve from the database)
 * @param renderUrl   Stage 2: render URL given explicitly (null/blank: resolve)
 * @param promptText  an edited prompt for this run (null: the shipped prompt); {@code {ad_copy}} is filled in
 * @param rejudge     a reviewer's re-judge: stores a trace, leaves the variant's state alone (SPEC §4)
 * @param reviewer    who asked (recorded for re-judges), may be null
 * @param reason      why (recorded for re-judges), may be null
 * @param constrained decode under the stage's JSON schema (default); false: free text + tolerant parser
 * @param promptVersion a shipped prompt version to run with ({@code stage1-v2}, ...); null: the default.
 *                    An edited prompt ({@code promptText}) wins over it
 */
public record RunRequest(Prompt.Stage stage, UUID variantId, String adCopy, String renderUrl, String promptText,
                         boolean rejudge, String reviewer, String reason, boolean constrained, int maxNewTokens,
                         String promptVersion) {

    public static final int MAX_NEW_TOKENS = 512;

    public RunRequest {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(variantId, "variantId");
        if (maxNewTokens < 1) {
            throw new IllegalArgumentException("maxNewTokens must be positive");
        }
        if (promptVersion != null && promptVersion.isBlank()) {
            promptVersion = null;
        }
    }

    /** A run with the default prompt version. */
    public RunRequest(Prompt.Stage stage, UUID variantId, String adCopy, String renderUrl, String promptText,
                      boolean rejudge, String reviewer, String reason, boolean constrained, int maxNewTokens) {
        this(stage, variantId, adCopy, renderUrl, promptText, rejudge, reviewer, reason, constrained, maxNewTokens, null);
    }

    /** A pipeline run with everything resolved from the database. */
    public static RunRequest pipeline(Prompt.Stage stage, UUID variantId) {
        return new RunRequest(stage, variantId, null, null, null, false, null, null, true, MAX_NEW_TOKENS);
    }

    /** A re-judge by {@code reviewer} for {@code reason} (either may be null). */
    public static RunRequest rejudge(Prompt.Stage stage, UUID variantId, String reviewer, String reason) {
        return new RunRequest(stage, variantId, null, null, null, true, reviewer, reason, true, MAX_NEW_TOKENS);
    }

    public RunRequest withAdCopy(String text) {
        return new RunRequest(stage, variantId, text, renderUrl, promptText, rejudge, reviewer, reason, constrained, maxNewTokens, promptVersion);
    }

    public RunRequest withRenderUrl(String url) {
        return new RunRequest(stage, variantId, adCopy, url, promptText, rejudge, reviewer, reason, constrained, maxNewTokens, promptVersion);
    }

    public RunRequest withPrompt(String text) {
        return new RunRequest(stage, variantId, adCopy, renderUrl, text, rejudge, reviewer, reason, constrained, maxNewTokens, promptVersion);
    }

    public RunRequest withConstrained(boolean on) {
        return new RunRequest(stage, variantId, adCopy, renderUrl, promptText, rejudge, reviewer, reason, on, maxNewTokens, promptVersion);
    }

    /** Runs with this shipped prompt version (null or blank: the default). */
    public RunRequest withPromptVersion(String version) {
        return new RunRequest(stage, variantId, adCopy, renderUrl, promptText, rejudge, reviewer, reason, constrained, maxNewTokens, version);
    }

    public RunRequest withMaxNewTokens(int n) {
        return new RunRequest(stage, variantId, adCopy, renderUrl, promptText, rejudge, reviewer, reason, constrained, n, promptVersion);
    }
}

package adreview.ui.review;

/**
 * How one run is made. A pipeline run moves the variant's state (SPEC §2/§3); a re-judge only adds a
 * trace (SPEC §4). Ad copy and prompt overrides apply to this one run; null means "use the default".
 */
public record RunOptions(boolean rejudge, String adCopyOverride, String promptOverride, String reviewer, String reason) {

    public RunOptions {
        adCopyOverride = blankToNull(adCopyOverride);
        promptOverride = blankToNull(promptOverride);
        reviewer = blankToNull(reviewer);
        reason = blankToNull(reason);
    }

    public static RunOptions pipeline() {
        return new RunOptions(false, null, null, null, null);
    }

    public static RunOptions rejudge(String reviewer, String reason) {
        return new RunOptions(true, null, null, reviewer, reason);
    }

    public RunOptions withOverrides(String adCopy, String prompt) {
        return new RunOptions(rejudge, adCopy, prompt, reviewer, reason);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

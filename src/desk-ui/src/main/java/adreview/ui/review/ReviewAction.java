package adreview.ui.review;

/** Every keyboard action of the review side, with the keys the help overlay lists (see {@link ReviewKeymap}). */
public enum ReviewAction {
    NEXT_VARIANT("J", "Next variant", "Navigate"),
    PREVIOUS_VARIANT("K", "Previous variant", "Navigate"),
    RUN_STAGE1("1", "Run Stage 1 on the selection (image fits the ad copy)", "Run"),
    RUN_STAGE2("2", "Run Stage 2 on the selection (finished ad)", "Run"),
    REJUDGE_STAGE1("Shift+1", "Re-judge Stage 1: a new trace, variant state untouched", "Run"),
    REJUDGE_STAGE2("Shift+2", "Re-judge Stage 2: a new trace, variant state untouched", "Run"),
    EDIT_RUN_OPTIONS("E", "Edit ad copy / prompt for the next run", "Run"),
    CANCEL_RUN("Esc", "Cancel the running model call (stops within one token)", "Run"),
    CANCEL_ALL("Shift+Esc", "Cancel the running call and everything queued", "Run"),
    ACCEPT("A", "Accept, then go to the next variant", "Decide"),
    NEEDS_FIX("F", "Needs fix, then go to the next variant", "Decide"),
    REJECT("R", "Reject, then go to the next variant", "Decide"),
    COMMENT("C", "Write a comment for the next decision (Enter or Esc returns)", "Decide"),
    SHOW_STAGE1("S", "Show Stage 1 results", "View"),
    SHOW_STAGE2("D", "Show Stage 2 results", "View"),
    COMPARE_TRACES("T", "Compare two traces side by side", "View"),
    HELP("? / F1", "Show or hide this list of keys", "View");

    private final String keys;
    private final String description;
    private final String group;

    ReviewAction(String keys, String description, String group) {
        this.keys = keys;
        this.description = description;
        this.group = group;
    }

    /** The keys as the help overlay writes them. */
    public String keys() {
        return keys;
    }

    public String description() {
        return description;
    }

    /** Navigate, Run, Decide or View: the help overlay's columns. */
    public String group() {
        return group;
    }
}

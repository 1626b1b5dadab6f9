package adreview.checks;

import java.util.List;

/**
 * Whether the ad has a call to action, from the layout's text boxes.
 *
 * @param status  PRESENT, ABSENT, or NOT_MEASURED when there is no layout with text boxes
 * @param matches every box that is a call to action, with why
 */
public record CtaResult(Status status, List<Match> matches) {

    public enum Status { PRESENT, ABSENT, NOT_MEASURED }

    /**
     * @param byRole the box's role is "cta"
     * @param phrase the phrase-list entry found in the text, or null
     */
    public record Match(int box, String text, boolean byRole, String phrase) {
    }

    public CtaResult {
        matches = List.copyOf(matches);
    }

    public Boolean present() {
        return switch (status) {
            case PRESENT -> Boolean.TRUE;
            case ABSENT -> Boolean.FALSE;
            case NOT_MEASURED -> null;
        };
    }
}

package adreview.ui.review;

import javafx.scene.input.KeyCode;

import java.util.Optional;

/**
 * Which key does what. Single keys without Ctrl/Alt, so a reviewer can work with one hand on the keyboard;
 * the descriptions in {@link ReviewAction} are the help overlay's text, so the two never disagree.
 */
public final class ReviewKeymap {

    private ReviewKeymap() {
    }

    public static Optional<ReviewAction> actionFor(KeyStroke k) {
        if (k.code() == KeyCode.F1 || "?".equals(k.text()) || (k.code() == KeyCode.SLASH && k.shift())) {
            return Optional.of(ReviewAction.HELP);
        }
        if (k.shortcut() || k.alt()) {
            return Optional.empty(); // leave Ctrl/Alt combinations to menus and text fields
        }
        ReviewAction a = switch (k.code()) {
            case J -> ReviewAction.NEXT_VARIANT;
            case K -> ReviewAction.PREVIOUS_VARIANT;
            case DIGIT1, NUMPAD1 -> k.shift() ? ReviewAction.REJUDGE_STAGE1 : ReviewAction.RUN_STAGE1;
            case DIGIT2, NUMPAD2 -> k.shift() ? ReviewAction.REJUDGE_STAGE2 : ReviewAction.RUN_STAGE2;
            case E -> ReviewAction.EDIT_RUN_OPTIONS;
            case ESCAPE -> k.shift() ? ReviewAction.CANCEL_ALL : ReviewAction.CANCEL_RUN;
            case A -> ReviewAction.ACCEPT;
            case F -> ReviewAction.NEEDS_FIX;
            case R -> ReviewAction.REJECT;
            case C -> ReviewAction.COMMENT;
            case S -> ReviewAction.SHOW_STAGE1;
            case D -> ReviewAction.SHOW_STAGE2;
            case T -> ReviewAction.COMPARE_TRACES;
            default -> null;
        };
        if (a == null && k.shift() && ("!".equals(k.text()) || "@".equals(k.text()))) {
            // Some layouts report Shift+1 / Shift+2 with another key code; the produced character still tells.
            a = "!".equals(k.text()) ? ReviewAction.REJUDGE_STAGE1 : ReviewAction.REJUDGE_STAGE2;
        }
        return Optional.ofNullable(a);
    }
}

package adreview.ui.keys;

import javafx.scene.input.KeyCode;

import java.util.List;

import static adreview.ui.keys.KeyStroke.of;
import static adreview.ui.keys.KeyStroke.shift;
import static adreview.ui.keys.KeyStroke.shortcut;

/**
 * The desk's keys: one row per action, with the keys as the help and the README write them. Single keys without
 * Ctrl, so that a reviewer can work with one hand on the keyboard; Ctrl (Cmd) only where an action changes data that
 * an accidental key must not change (undo) or the key is the platform's habit (copy). Text fields keep their keys:
 * while one has the focus only Esc (leave the field) counts.
 */
public enum KeyBinding {
    NEXT_VARIANT(Group.NAVIGATE, Scope.WINDOW, "J", of(KeyCode.J)),
    PREVIOUS_VARIANT(Group.NAVIGATE, Scope.WINDOW, "K", of(KeyCode.K)),
    LARGE_VIEW(Group.NAVIGATE, Scope.WINDOW, "Space", of(KeyCode.SPACE)),
    LARGE_VIEW_NEXT(Group.NAVIGATE, Scope.LARGE_VIEW, "→", of(KeyCode.RIGHT)),
    LARGE_VIEW_PREVIOUS(Group.NAVIGATE, Scope.LARGE_VIEW, "←", of(KeyCode.LEFT)),
    LARGE_VIEW_CLOSE(Group.NAVIGATE, Scope.LARGE_VIEW, "Esc / Space", of(KeyCode.ESCAPE), of(KeyCode.SPACE)),
    TOGGLE_GRID(Group.NAVIGATE, Scope.WINDOW, "Ctrl+G", shortcut(KeyCode.G)),
    REFRESH(Group.NAVIGATE, Scope.WINDOW, "F5", of(KeyCode.F5)),
    COPY_ID(Group.NAVIGATE, Scope.WINDOW, "Ctrl+Shift+C", new KeyStroke(KeyCode.C, true, true, false, "")),

    RUN_STAGE1(Group.RUN, Scope.WINDOW, "1", of(KeyCode.DIGIT1), of(KeyCode.NUMPAD1)),
    RUN_STAGE2(Group.RUN, Scope.WINDOW, "2", of(KeyCode.DIGIT2), of(KeyCode.NUMPAD2)),
    REJUDGE_STAGE1(Group.RUN, Scope.WINDOW, "Shift+1", shift(KeyCode.DIGIT1), shift(KeyCode.NUMPAD1),
            KeyStroke.typed("!")),
    REJUDGE_STAGE2(Group.RUN, Scope.WINDOW, "Shift+2", shift(KeyCode.DIGIT2), shift(KeyCode.NUMPAD2),
            KeyStroke.typed("@")),
    EDIT_RUN_OPTIONS(Group.RUN, Scope.WINDOW, "E", of(KeyCode.E)),
    CANCEL_RUN(Group.RUN, Scope.WINDOW, "Esc", of(KeyCode.ESCAPE)),
    CANCEL_ALL(Group.RUN, Scope.WINDOW, "Shift+Esc", shift(KeyCode.ESCAPE)),

    ACCEPT(Group.DECIDE, Scope.WINDOW, "A", of(KeyCode.A)),
    NEEDS_FIX(Group.DECIDE, Scope.WINDOW, "F", of(KeyCode.F)),
    REJECT(Group.DECIDE, Scope.WINDOW, "R", of(KeyCode.R)),
    COMMENT(Group.DECIDE, Scope.WINDOW, "C", of(KeyCode.C)),
    UNDO_DECISION(Group.DECIDE, Scope.WINDOW, "Ctrl+Z", shortcut(KeyCode.Z)),

    SHOW_STAGE1(Group.VIEW, Scope.WINDOW, "S", of(KeyCode.S)),
    SHOW_STAGE2(Group.VIEW, Scope.WINDOW, "D", of(KeyCode.D)),
    COMPARE_TRACES(Group.VIEW, Scope.WINDOW, "T", of(KeyCode.T)),
    SHOW_GENERATED(Group.VIEW, Scope.WINDOW, "G", of(KeyCode.G)),
    SHOW_RENDER(Group.VIEW, Scope.WINDOW, "V", of(KeyCode.V)),
    SIDE_BY_SIDE(Group.VIEW, Scope.WINDOW, "W", of(KeyCode.W)),
    SWAP_IMAGES(Group.VIEW, Scope.WINDOW, "Q", of(KeyCode.Q)),
    BOXES(Group.VIEW, Scope.WINDOW, "B", of(KeyCode.B)),
    ZOOM_IN(Group.VIEW, Scope.WINDOW, "+", of(KeyCode.PLUS), of(KeyCode.ADD), of(KeyCode.EQUALS), shift(KeyCode.EQUALS)),
    ZOOM_OUT(Group.VIEW, Scope.WINDOW, "−", of(KeyCode.MINUS), of(KeyCode.SUBTRACT)),
    ZOOM_FIT(Group.VIEW, Scope.WINDOW, "0", of(KeyCode.DIGIT0), of(KeyCode.NUMPAD0)),
    ZOOM_ACTUAL(Group.VIEW, Scope.WINDOW, "Z", of(KeyCode.Z)),
    HELP(Group.VIEW, Scope.WINDOW, "? / F1", of(KeyCode.F1), shift(KeyCode.SLASH), KeyStroke.typed("?"));

    /** The help overlay's columns. */
    public enum Group { NAVIGATE, RUN, DECIDE, VIEW }

    /** Where a binding applies: the whole window, or only while the large image view is open (it wins there). */
    public enum Scope { WINDOW, LARGE_VIEW }

    private final Group group;
    private final Scope scope;
    private final String keysText;
    private final List<KeyStroke> strokes;

    KeyBinding(Group group, Scope scope, String keysText, KeyStroke... strokes) {
        this.group = group;
        this.scope = scope;
        this.keysText = keysText;
        this.strokes = List.of(strokes);
    }

    public Group group() {
        return group;
    }

    public Scope scope() {
        return scope;
    }

    /** The keys as the help and the README write them ("Shift+1", "? / F1"). */
    public String keysText() {
        return keysText;
    }

    public List<KeyStroke> strokes() {
        return strokes;
    }

    /** The message key of the binding's description in the UI's resource bundles. */
    public String messageKey() {
        return "key." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '.');
    }

    /** True when {@code pressed} is one of this binding's keys. */
    public boolean matches(KeyStroke pressed) {
        for (KeyStroke k : strokes) {
            if (k.matches(pressed)) {
                return true;
            }
        }
        return false;
    }
}

package adreview.ui.keys;

import javafx.scene.input.KeyCode;

/**
 * A key with its modifiers, reduced to what the key table needs; made from a {@code KeyEvent} by the views and
 * directly by tests (no JavaFX toolkit needed). A stroke with {@code text} and no code stands for "the key that
 * types this character" (Shift+1 is "!" on a US layout but another code elsewhere).
 *
 * @param shortcut Ctrl (Cmd on a Mac)
 * @param text     the character the key produced, if any
 */
public record KeyStroke(KeyCode code, boolean shift, boolean shortcut, boolean alt, String text) {

    public KeyStroke {
        text = text == null ? "" : text;
    }

    public static KeyStroke of(KeyCode code) {
        return new KeyStroke(code, false, false, false, "");
    }

    public static KeyStroke shift(KeyCode code) {
        return new KeyStroke(code, true, false, false, "");
    }

    public static KeyStroke shortcut(KeyCode code) {
        return new KeyStroke(code, false, true, false, "");
    }

    /** The key that types {@code character}, whatever its code and Shift state. */
    public static KeyStroke typed(String character) {
        return new KeyStroke(null, false, false, false, character);
    }

    public static KeyStroke fromEvent(javafx.scene.input.KeyEvent e) {
        return new KeyStroke(e.getCode(), e.isShiftDown(), e.isShortcutDown(), e.isAltDown(), e.getText());
    }

    /** True when {@code pressed} is this key (a binding's stroke against a pressed one). */
    boolean matches(KeyStroke pressed) {
        if (pressed.alt() || pressed.shortcut() != shortcut) {
            return false;
        }
        if (code == null) {
            return !text.isEmpty() && text.equals(pressed.text());
        }
        return code == pressed.code() && shift == pressed.shift();
    }
}

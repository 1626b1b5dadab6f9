package adreview.ui.review;

import javafx.scene.input.KeyCode;

/**
 * A pressed key, reduced to what the keymap needs; made from a {@code KeyEvent} by the view and directly
 * by tests (no JavaFX toolkit needed).
 *
 * @param text the character the key produced, if any (for "?" on layouts where it is not Shift+/)
 */
public record KeyStroke(KeyCode code, boolean shift, boolean shortcut, boolean alt, String text) {

    public static KeyStroke of(KeyCode code) {
        return new KeyStroke(code, false, false, false, "");
    }

    public static KeyStroke shift(KeyCode code) {
        return new KeyStroke(code, true, false, false, "");
    }

    public static KeyStroke fromEvent(javafx.scene.input.KeyEvent e) {
        return new KeyStroke(e.getCode(), e.isShiftDown(), e.isShortcutDown(), e.isAltDown(), e.getText());
    }
}

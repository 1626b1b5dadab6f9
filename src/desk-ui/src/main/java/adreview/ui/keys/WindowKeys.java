package adreview.ui.keys;

import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Puts the {@link KeyBinding} table on a scene: a key-pressed filter, so the keys work wherever the focus is, except
 * that typing in a text field stays typing (only Esc counts there: it leaves the field). A key that did something
 * swallows the character it would type, so C or E do not land in the field they just focused.
 */
public final class WindowKeys {

    private final Map<KeyBinding, Runnable> actions = new EnumMap<>(KeyBinding.class);
    private final BooleanSupplier largeViewOpen;
    private final Runnable leaveField;
    private boolean swallowTyped;

    /**
     * @param largeViewOpen true while the large view covers the window (its own keys win there)
     * @param leaveField    what Esc does while a text field has the focus
     */
    public WindowKeys(BooleanSupplier largeViewOpen, Runnable leaveField) {
        this.largeViewOpen = largeViewOpen;
        this.leaveField = leaveField;
    }

    /** What a binding does; a binding without an action is left to the focused control. */
    public WindowKeys on(KeyBinding binding, Runnable action) {
        actions.put(binding, action);
        return this;
    }

    public void install(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            swallowTyped = false;
            if (handle(KeyStroke.fromEvent(e), scene.getFocusOwner() instanceof TextInputControl)) {
                e.consume();
                swallowTyped = true;
            }
        });
        scene.addEventFilter(KeyEvent.KEY_TYPED, e -> {
            if (swallowTyped) {
                swallowTyped = false;
                e.consume();
            }
        });
    }

    /** Carries out the key; true when it was used. */
    public boolean handle(KeyStroke pressed, boolean typing) {
        if (typing) {
            if (pressed.code() == KeyCode.ESCAPE) {
                leaveField.run();
                return true;
            }
            return false;
        }
        KeyBinding.Scope scope = largeViewOpen.getAsBoolean() ? KeyBinding.Scope.LARGE_VIEW : KeyBinding.Scope.WINDOW;
        var binding = KeyBindings.lookup(pressed, scope);
        if (binding.isEmpty()) {
            return false;
        }
        Runnable action = actions.get(binding.get());
        if (action == null) {
            return false;
        }
        action.run();
        return true;
    }
}

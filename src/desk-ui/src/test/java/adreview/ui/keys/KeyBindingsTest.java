package adreview.ui.keys;

import adreview.ui.i18n.Messages;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class KeyBindingsTest {

    @Test
    void noTwoBindingsOfAScopeShareAKey() {
        assertThat(KeyBindings.clashes()).isEmpty();
    }

    @Test
    void theStageKeysAndTheZoomKeysAreDistinct() {
        assertThat(KeyBindings.lookup(KeyStroke.of(KeyCode.DIGIT1), KeyBinding.Scope.WINDOW)).contains(KeyBinding.RUN_STAGE1);
        assertThat(KeyBindings.lookup(KeyStroke.of(KeyCode.DIGIT0), KeyBinding.Scope.WINDOW)).contains(KeyBinding.ZOOM_FIT);
        assertThat(KeyBindings.lookup(KeyStroke.of(KeyCode.Z), KeyBinding.Scope.WINDOW)).contains(KeyBinding.ZOOM_ACTUAL);
        assertThat(KeyBindings.lookup(KeyStroke.shortcut(KeyCode.Z), KeyBinding.Scope.WINDOW)).contains(KeyBinding.UNDO_DECISION);
    }

    @Test
    void theLargeViewsOwnKeysWinThereAndTheWindowsStillWork() {
        assertThat(KeyBindings.lookup(KeyStroke.of(KeyCode.ESCAPE), KeyBinding.Scope.LARGE_VIEW)).contains(KeyBinding.LARGE_VIEW_CLOSE);
        assertThat(KeyBindings.lookup(KeyStroke.of(KeyCode.ESCAPE), KeyBinding.Scope.WINDOW)).contains(KeyBinding.CANCEL_RUN);
        assertThat(KeyBindings.lookup(KeyStroke.of(KeyCode.RIGHT), KeyBinding.Scope.LARGE_VIEW)).contains(KeyBinding.LARGE_VIEW_NEXT);
        assertThat(KeyBindings.lookup(KeyStroke.of(KeyCode.RIGHT), KeyBinding.Scope.WINDOW)).isEmpty();
        assertThat(KeyBindings.lookup(KeyStroke.of(KeyCode.A), KeyBinding.Scope.LARGE_VIEW)).contains(KeyBinding.ACCEPT);
    }

    @Test
    void shiftDigitsAreRejudgesOnAnyLayout() {
        assertThat(KeyBindings.lookup(KeyStroke.shift(KeyCode.DIGIT1), KeyBinding.Scope.WINDOW)).contains(KeyBinding.REJUDGE_STAGE1);
        // A layout that reports Shift+1 with another code still types "!".
        assertThat(KeyBindings.lookup(new KeyStroke(KeyCode.EXCLAMATION_MARK, true, false, false, "!"), KeyBinding.Scope.WINDOW))
                .contains(KeyBinding.REJUDGE_STAGE1);
    }

    @Test
    void typingInAFieldKeepsTheKeysButEscLeavesIt() {
        int[] left = {0};
        int[] accepted = {0};
        WindowKeys keys = new WindowKeys(() -> false, () -> left[0]++).on(KeyBinding.ACCEPT, () -> accepted[0]++);
        assertThat(keys.handle(KeyStroke.of(KeyCode.A), true)).isFalse();
        assertThat(keys.handle(KeyStroke.of(KeyCode.ESCAPE), true)).isTrue();
        assertThat(keys.handle(KeyStroke.of(KeyCode.A), false)).isTrue();
        assertThat(left[0]).isEqualTo(1);
        assertThat(accepted[0]).isEqualTo(1);
    }

    @Test
    void everyBindingIsDescribedInBothLanguages() {
        for (Locale l : Messages.LANGUAGES) {
            Messages.use(l);
            for (KeyBinding b : KeyBinding.values()) {
                assertThat(Messages.get(b.messageKey())).as(b + " in " + l).isNotEqualTo(b.messageKey());
            }
        }
        Messages.use(Locale.ENGLISH);
    }
}

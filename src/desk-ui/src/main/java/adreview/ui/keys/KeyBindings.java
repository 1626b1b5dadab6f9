package adreview.ui.keys;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Looks pressed keys up in the {@link KeyBinding} table and finds clashes in it. */
public final class KeyBindings {

    private KeyBindings() {
    }

    /**
     * The binding a key means in a scope; in the large view its own bindings win and the window's still work.
     * Bindings that are typed characters match last, so that a key's code decides before its character.
     */
    public static Optional<KeyBinding> lookup(KeyStroke pressed, KeyBinding.Scope scope) {
        if (scope == KeyBinding.Scope.LARGE_VIEW) {
            Optional<KeyBinding> own = find(pressed, KeyBinding.Scope.LARGE_VIEW);
            if (own.isPresent()) {
                return own;
            }
        }
        return find(pressed, KeyBinding.Scope.WINDOW);
    }

    private static Optional<KeyBinding> find(KeyStroke pressed, KeyBinding.Scope scope) {
        KeyBinding byCharacter = null;
        for (KeyBinding b : KeyBinding.values()) {
            if (b.scope() != scope) {
                continue;
            }
            for (KeyStroke k : b.strokes()) {
                if (k.matches(pressed)) {
                    if (k.code() != null) {
                        return Optional.of(b);
                    }
                    byCharacter = byCharacter == null ? b : byCharacter;
                }
            }
        }
        return Optional.ofNullable(byCharacter);
    }

    /** Pairs of bindings of one scope that share a key: must be none. */
    public static List<String> clashes() {
        List<String> found = new ArrayList<>();
        KeyBinding[] all = KeyBinding.values();
        for (int i = 0; i < all.length; i++) {
            for (int j = i + 1; j < all.length; j++) {
                if (all[i].scope() != all[j].scope()) {
                    continue;
                }
                for (KeyStroke k : all[i].strokes()) {
                    if (k.code() != null && all[j].matches(k)) {
                        found.add(all[i] + " and " + all[j] + " both use " + k);
                    }
                }
            }
        }
        return found;
    }

    /** The table by group, in table order: what the help overlay lists. */
    public static Map<KeyBinding.Group, List<KeyBinding>> byGroup() {
        Map<KeyBinding.Group, List<KeyBinding>> groups = new EnumMap<>(KeyBinding.Group.class);
        for (KeyBinding b : KeyBinding.values()) {
            groups.computeIfAbsent(b.group(), g -> new ArrayList<>()).add(b);
        }
        return groups;
    }
}

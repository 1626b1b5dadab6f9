package adreview.ui.list;

import adreview.ui.prefs.UiPreferences;
import adreview.ui.state.VariantFilter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Filters saved under a name ("failed Stage 2 this week"), remembered between starts in the UI preferences as
 * {@code views.<name> = statuses|steps|text} (comma-separated sets).
 */
public final class SavedViews {

    static final String PREFIX = "views.";

    private final UiPreferences preferences;

    public SavedViews(UiPreferences preferences) {
        this.preferences = preferences;
    }

    public List<String> names() {
        List<String> names = new ArrayList<>();
        preferences.withPrefix(PREFIX).keySet().forEach(k -> names.add(k.substring(PREFIX.length())));
        return names;
    }

    public void save(String name, VariantFilter filter) {
        String key = name == null ? "" : name.strip();
        if (key.isEmpty()) {
            return;
        }
        preferences.put(PREFIX + key, String.join(",", filter.statuses()) + "|" + String.join(",", filter.steps())
                + "|" + filter.text().replace('|', ' '));
    }

    public Optional<VariantFilter> find(String name) {
        return preferences.get(PREFIX + name).map(SavedViews::parse);
    }

    public void delete(String name) {
        preferences.put(PREFIX + name, null);
    }

    static VariantFilter parse(String stored) {
        String[] parts = stored.split("\\|", -1);
        return new VariantFilter(set(parts[0]), set(parts.length > 1 ? parts[1] : ""), parts.length > 2 ? parts[2] : "");
    }

    private static Set<String> set(String csv) {
        Set<String> out = new LinkedHashSet<>();
        Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(out::add);
        return out;
    }
}

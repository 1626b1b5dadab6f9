package adreview.ui.state;

import adreview.desk.ListedVariant;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The variant list's filter: statuses and steps to show (empty = all) and free text matched,
 * case-insensitively and word by word, against ids, tenant, step, status and verdict.
 */
public record VariantFilter(Set<String> statuses, Set<String> steps, String text) implements Predicate<ListedVariant> {

    public static final VariantFilter ALL = new VariantFilter(Set.of(), Set.of(), "");

    public VariantFilter {
        statuses = Set.copyOf(statuses);
        steps = Set.copyOf(steps);
        text = text == null ? "" : text.strip();
    }

    @Override
    public boolean test(ListedVariant v) {
        if (!statuses.isEmpty() && !statuses.contains(v.row().status())) {
            return false;
        }
        if (!steps.isEmpty() && !steps.contains(v.row().currentStep())) {
            return false;
        }
        if (text.isEmpty()) {
            return true;
        }
        String haystack = v.searchableText().toLowerCase(Locale.ROOT);
        for (String word : text.toLowerCase(Locale.ROOT).split("\\s+")) {
            if (!haystack.contains(word)) {
                return false;
            }
        }
        return true;
    }

    public VariantFilter withStatuses(Set<String> s) {
        return new VariantFilter(s, steps, text);
    }

    public VariantFilter withSteps(Set<String> s) {
        return new VariantFilter(statuses, s, text);
    }

    public VariantFilter withText(String t) {
        return new VariantFilter(statuses, steps, t);
    }
}

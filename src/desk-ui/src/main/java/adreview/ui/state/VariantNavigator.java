package adreview.ui.state;

import adreview.desk.ListedVariant;
import javafx.collections.ObservableList;

import java.util.List;

/**
 * Moves through the variants in the order the list (or grid) shows them: J / K, ←/→ in the large view, and the
 * advance after a decision. Moving selects one variant (the shared selection of the {@link StateManager}).
 */
public final class VariantNavigator {

    private final StateManager state;
    private final ObservableList<ListedVariant> order;

    /** @param order the variants as shown, filtered and sorted */
    public VariantNavigator(StateManager state, ObservableList<ListedVariant> order) {
        this.state = state;
        this.order = order;
    }

    /** The variant shown in the detail area, or null. */
    public ListedVariant current() {
        return state.current();
    }

    /** The selected variants, in list order (one or more for a batch); empty when none. */
    public List<ListedVariant> selection() {
        return List.copyOf(state.selectedVariants());
    }

    /** Moves to the next variant; false at the end. */
    public boolean selectNext() {
        return move(1);
    }

    /** Moves to the previous variant; false at the start. */
    public boolean selectPrevious() {
        return move(-1);
    }

    /** Moves past the last of {@code decided} (a bulk decision): the next variant after them, if any. */
    public boolean selectAfter(List<ListedVariant> decided) {
        int last = -1;
        for (ListedVariant v : decided) {
            last = Math.max(last, order.indexOf(v));
        }
        return select(last + 1);
    }

    private boolean move(int delta) {
        ListedVariant now = state.current();
        int i = now == null ? (delta > 0 ? 0 : order.size() - 1) : order.indexOf(now) + delta;
        return select(i);
    }

    private boolean select(int i) {
        if (i < 0 || i >= order.size()) {
            return false;
        }
        ListedVariant next = order.get(i);
        state.select(List.of(next), next);
        return true;
    }
}

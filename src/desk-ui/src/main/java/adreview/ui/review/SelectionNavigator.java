package adreview.ui.review;

import javafx.collections.ObservableList;
import javafx.scene.control.MultipleSelectionModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A {@link VariantNavigator} over a list or table's selection (the main window's variant list): the
 * current variant is the focused selected row, the selection is every selected row in list order, and
 * J / K / auto-advance move a single selection by one row.
 *
 * @param <T> the row type (e.g. the list's {@code VariantSummary})
 */
public final class SelectionNavigator<T> implements VariantNavigator {

    private final MultipleSelectionModel<T> selection;
    private final ObservableList<T> rows;
    private final Function<T, VariantRef> toRef;
    private final Consumer<Integer> scrollTo;

    /**
     * @param toRef    what the review side needs of a row (id, label, image, render, ad copy)
     * @param scrollTo keeps the new row in view (e.g. {@code table::scrollTo}); may be null
     */
    public SelectionNavigator(MultipleSelectionModel<T> selection, ObservableList<T> rows, Function<T, VariantRef> toRef,
                              Consumer<Integer> scrollTo) {
        this.selection = Objects.requireNonNull(selection);
        this.rows = Objects.requireNonNull(rows);
        this.toRef = Objects.requireNonNull(toRef);
        this.scrollTo = scrollTo == null ? i -> { } : scrollTo;
    }

    @Override
    public VariantRef current() {
        T item = selection.getSelectedItem();
        return item == null ? null : toRef.apply(item);
    }

    @Override
    public List<VariantRef> selection() {
        List<VariantRef> out = new ArrayList<>();
        List<Integer> indices = new ArrayList<>(selection.getSelectedIndices());
        indices.sort(Integer::compare);
        for (int i : indices) {
            if (i >= 0 && i < rows.size()) {
                out.add(toRef.apply(rows.get(i)));
            }
        }
        return out;
    }

    @Override
    public boolean selectNext() {
        return move(1);
    }

    @Override
    public boolean selectPrevious() {
        return move(-1);
    }

    private boolean move(int delta) {
        int i = selection.getSelectedIndex() + delta;
        if (i < 0 || i >= rows.size()) {
            return false;
        }
        selection.clearAndSelect(i);
        scrollTo.accept(i);
        return true;
    }
}

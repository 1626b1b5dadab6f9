package adreview.ui.review;

import java.util.List;

/** A variant list with one selected row, as the main window's list behaves for J/K and auto-advance. */
final class ListNavigator implements VariantNavigator {

    final List<VariantRef> variants;
    int index;

    ListNavigator(List<VariantRef> variants) {
        this.variants = variants;
    }

    @Override
    public VariantRef current() {
        return index < 0 || variants.isEmpty() ? null : variants.get(index);
    }

    @Override
    public List<VariantRef> selection() {
        VariantRef c = current();
        return c == null ? List.of() : List.of(c);
    }

    @Override
    public boolean selectNext() {
        if (index + 1 >= variants.size()) {
            return false;
        }
        index++;
        return true;
    }

    @Override
    public boolean selectPrevious() {
        if (index <= 0) {
            return false;
        }
        index--;
        return true;
    }
}

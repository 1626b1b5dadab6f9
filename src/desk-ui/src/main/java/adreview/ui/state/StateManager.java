package adreview.ui.state;

import adreview.desk.ListedVariant;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Objects;

/**
 * The window's shared state, changed on the UI thread only. The list and the grid write the selection here; the
 * detail, the review side, the measured checks and the large view read it. "Current" is the variant shown in the
 * detail area: the one the reviewer last moved to within the selection.
 */
public final class StateManager {

    private final ObservableList<ListedVariant> selected = FXCollections.observableArrayList();
    private final ObservableList<ListedVariant> selectedView = FXCollections.unmodifiableObservableList(selected);
    private final ReadOnlyObjectWrapper<ListedVariant> current = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<VariantFilter> filter = new SimpleObjectProperty<>(VariantFilter.ALL);

    /** Sets the selection (in list order) and the one shown; {@code shown} null means the first selected. */
    public void select(List<ListedVariant> variants, ListedVariant shown) {
        List<ListedVariant> copy = List.copyOf(variants);
        if (!copy.equals(selected)) {
            selected.setAll(copy);
        }
        ListedVariant now = shown != null && copy.contains(shown) ? shown : copy.isEmpty() ? null : copy.get(0);
        if (!Objects.equals(now, current.get())) {
            current.set(now);
        }
    }

    public void clearSelection() {
        select(List.of(), null);
    }

    /** The selected variants, in list order (a batch runs over them). */
    public ObservableList<ListedVariant> selectedVariants() {
        return selectedView;
    }

    /** The variant shown in the detail area, or null. */
    public ReadOnlyObjectProperty<ListedVariant> currentProperty() {
        return current.getReadOnlyProperty();
    }

    public ListedVariant current() {
        return current.get();
    }

    /** The list's filter; the toolbar and saved views write it. */
    public ObjectProperty<VariantFilter> filterProperty() {
        return filter;
    }
}

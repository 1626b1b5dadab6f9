package adreview.ui.list;

import adreview.desk.DeskService;
import adreview.desk.ListedVariant;
import adreview.desk.Problems;
import adreview.ui.concurrent.TaskExecutor;
import adreview.ui.i18n.Messages;
import adreview.ui.state.StateManager;
import adreview.ui.state.VariantFilter;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The variants the list and the grid show: all of them in the order the reviewer last sorted by, the filter from the
 * {@link StateManager}, and the filtered view. The order changes only when the reviewer sorts or refreshes: a row
 * updated after a run stays where it is, so the selection never jumps. Testable without a window.
 */
public final class VariantListViewModel {

    /** Steps in pipeline order (SPEC §1); steps found in the data but not listed here are appended. */
    public static final List<String> KNOWN_STEPS =
            List.of("img_gen", "vlm_analyze", "yolo_detect", "overlay", "vlm_judge", "ocr_eval");
    public static final List<String> KNOWN_STATUSES = List.of("queued", "running", "done", "failed");
    /** Newest first: the order of a fresh list. */
    public static final Comparator<ListedVariant> NEWEST_FIRST = Comparator.comparing(
            (ListedVariant v) -> v.row().updatedAt(), Comparator.nullsLast(Comparator.reverseOrder()));

    private final TaskExecutor executor;
    private final StateManager state;
    private final ObservableList<ListedVariant> all = FXCollections.observableArrayList();
    private final ObservableList<ListedVariant> allReadOnly = FXCollections.unmodifiableObservableList(all);
    private final FilteredList<ListedVariant> visible = new FilteredList<>(all, v -> true);
    private final ObservableList<String> stepChoices = FXCollections.observableArrayList(KNOWN_STEPS);
    private final ObservableList<String> statusChoices = FXCollections.observableArrayList(KNOWN_STATUSES);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper("");
    private Comparator<ListedVariant> order = NEWEST_FIRST;
    private DeskService service;

    private boolean replacing;

    public VariantListViewModel(TaskExecutor executor, StateManager state) {
        this.executor = executor;
        this.state = state;
        state.filterProperty().addListener((obs, old, f) -> {
            visible.setPredicate(f);
            updateCount();
        });
        visible.setPredicate(state.filterProperty().get());
        visible.addListener((javafx.collections.ListChangeListener<ListedVariant>) c -> updateCount());
    }

    public void connect(DeskService service) {
        this.service = service;
        refresh();
    }

    /** Reloads every variant and puts the list in order again. */
    public void refresh() {
        DeskService s = service;
        if (s == null) {
            return;
        }
        loading.set(true);
        message.set(Messages.get("list.loading"));
        executor.io("list variants", control -> s.variants())
                .onSuccess(variants -> {
                    loading.set(false);
                    List<ListedVariant> sorted = new ArrayList<>(variants);
                    sorted.sort(order);
                    replaceRows(() -> all.setAll(sorted));
                    mergeChoices(sorted);
                    message.set(sorted.isEmpty() ? Messages.get("list.empty") : "");
                })
                .onFailure(error -> {
                    loading.set(false);
                    message.set(Messages.get("list.failed", Problems.describe(error)));
                })
                .execute();
    }

    /**
     * Reloads the rows of {@code variantIds} (a run or a decision changed them) and replaces them where they are:
     * the order stays, the selection stays.
     */
    public void update(Collection<UUID> variantIds) {
        DeskService s = service;
        if (s == null || variantIds.isEmpty()) {
            return;
        }
        Set<UUID> wanted = Set.copyOf(variantIds);
        executor.io("update variants", control -> s.variants())
                .onSuccess(variants -> {
                    Map<UUID, ListedVariant> fresh = new HashMap<>();
                    for (ListedVariant v : variants) {
                        if (wanted.contains(v.row().variantId())) {
                            fresh.put(v.row().variantId(), v);
                        }
                    }
                    replaceRows(() -> {
                        for (int i = 0; i < all.size(); i++) {
                            ListedVariant now = fresh.get(all.get(i).row().variantId());
                            if (now != null && !now.equals(all.get(i))) {
                                all.set(i, now);
                            }
                        }
                    });
                })
                .onFailure(error -> message.set(Messages.get("list.failed", Problems.describe(error))))
                .execute();
    }

    /** Sorts by {@code comparator} (a column header was clicked); null is the fresh list's order. */
    public void sortBy(Comparator<ListedVariant> comparator) {
        order = comparator == null ? NEWEST_FIRST : comparator;
        List<ListedVariant> sorted = new ArrayList<>(all);
        sorted.sort(order);
        if (!sorted.equals(all)) {
            replaceRows(() -> all.setAll(sorted));
        }
    }

    /**
     * Replaces rows, then points the shared selection at the rows with the same ids. A table drops or moves its
     * selection while its rows are replaced; those changes are not the reviewer's ({@link #isReplacing()}), so the
     * selection is read before and put back after: a run or a refresh never moves it.
     */
    private void replaceRows(Runnable change) {
        List<UUID> ids = state.selectedVariants().stream().map(v -> v.row().variantId()).toList();
        UUID current = state.current() == null ? null : state.current().row().variantId();
        replacing = true;
        try {
            change.run();
        } finally {
            replacing = false;
        }
        reselect(ids, current);
        ensureSelection();
    }

    /** The detail area is never empty when there is something to show: the first visible row, if none is. */
    private void ensureSelection() {
        if (state.current() == null && !visible.isEmpty()) {
            state.select(List.of(visible.get(0)), visible.get(0));
        }
    }

    /** True while rows are being replaced: selection changes of the table then are not the reviewer's. */
    public boolean isReplacing() {
        return replacing;
    }

    private void reselect(List<UUID> ids, UUID current) {
        if (ids.isEmpty()) {
            return;
        }
        List<ListedVariant> again = new ArrayList<>();
        ListedVariant shown = null;
        for (ListedVariant v : all) {
            if (ids.contains(v.row().variantId())) {
                again.add(v);
                if (v.row().variantId().equals(current)) {
                    shown = v;
                }
            }
        }
        state.select(again, shown);
    }

    private void mergeChoices(List<ListedVariant> variants) {
        Set<String> steps = new LinkedHashSet<>(KNOWN_STEPS);
        Set<String> statuses = new LinkedHashSet<>(KNOWN_STATUSES);
        for (ListedVariant v : variants) {
            if (v.row().currentStep() != null) {
                steps.add(v.row().currentStep());
            }
            if (v.row().status() != null) {
                statuses.add(v.row().status());
            }
        }
        if (!stepChoices.equals(List.copyOf(steps))) {
            stepChoices.setAll(steps);
        }
        if (!statusChoices.equals(List.copyOf(statuses))) {
            statusChoices.setAll(statuses);
        }
    }

    private void updateCount() {
        countText.set(visible.size() == all.size() ? Messages.get("list.count", all.size())
                : Messages.get("list.count.filtered", visible.size(), all.size()));
    }

    public void setStatusFilter(Set<String> statuses) {
        state.filterProperty().set(state.filterProperty().get().withStatuses(statuses));
    }

    public void setStepFilter(Set<String> steps) {
        state.filterProperty().set(state.filterProperty().get().withSteps(steps));
    }

    public void setSearchText(String text) {
        state.filterProperty().set(state.filterProperty().get().withText(text));
    }

    /** The variants that pass the filter, in the list's order. */
    public ObservableList<ListedVariant> visibleVariants() {
        return visible;
    }

    /** Every loaded variant, unfiltered (read-only). */
    public ObservableList<ListedVariant> allVariants() {
        return allReadOnly;
    }

    public ObservableList<String> stepChoices() {
        return stepChoices;
    }

    public ObservableList<String> statusChoices() {
        return statusChoices;
    }

    public VariantFilter filter() {
        return state.filterProperty().get();
    }

    public StateManager state() {
        return state;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Empty when all is well; otherwise what went wrong or why the list is empty. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** "16 variants" or "3 of 16 variants". */
    public ReadOnlyStringProperty countTextProperty() {
        return countText.getReadOnlyProperty();
    }
}

package adreview.ui.list;

import adreview.ui.Failures;
import adreview.ui.concurrent.BackgroundExecutor;
import adreview.ui.data.DeskData;
import adreview.ui.data.VariantSummary;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * State of the variant list: all variants, the filter, the filtered view and the selection. Loads
 * through the background executor; unit-testable without starting JavaFX.
 */
public final class VariantListViewModel {

    /** Steps in pipeline order (SPEC §1); steps found in the data but not listed here are appended. */
    public static final List<String> KNOWN_STEPS =
            List.of("img_gen", "vlm_analyze", "yolo_detect", "overlay", "vlm_judge", "ocr_eval");
    public static final List<String> KNOWN_STATUSES = List.of("queued", "running", "done", "failed");

    private final BackgroundExecutor executor;
    private final ObservableList<VariantSummary> all = FXCollections.observableArrayList();
    private final ObservableList<VariantSummary> allReadOnly = FXCollections.unmodifiableObservableList(all);
    private final FilteredList<VariantSummary> visible = new FilteredList<>(all, v -> true);
    private final ObservableList<String> stepChoices = FXCollections.observableArrayList(KNOWN_STEPS);
    private final ObservableList<String> statusChoices = FXCollections.observableArrayList(KNOWN_STATUSES);
    private final ReadOnlyObjectWrapper<VariantFilter> filter = new ReadOnlyObjectWrapper<>(VariantFilter.ALL);
    private final ObjectProperty<VariantSummary> selected = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper("");
    private DeskData data;

    public VariantListViewModel(BackgroundExecutor executor) {
        this.executor = executor;
        filter.addListener((obs, old, f) -> {
            visible.setPredicate(f);
            updateCount();
        });
        visible.addListener((javafx.collections.ListChangeListener<VariantSummary>) c -> updateCount());
    }

    public void setData(DeskData data) {
        this.data = data;
    }

    /** Reloads all variants; keeps the selection by variant id when it is still there. */
    public void refresh() {
        if (data == null) {
            return;
        }
        loading.set(true);
        message.set("Loading variants…");
        executor.task("list variants", data::listVariants)
                .onSuccess(variants -> {
                    // The selection when the answer arrives: the reviewer may have moved on while it loaded.
                    UUID keep = selected.get() == null ? null : selected.get().variantId();
                    loading.set(false);
                    all.setAll(variants);
                    mergeChoices(variants);
                    message.set(variants.isEmpty() ? "The database has no variants." : "");
                    if (keep != null) {
                        variants.stream().filter(v -> v.variantId().equals(keep)).findFirst().ifPresent(selected::set);
                    }
                })
                .onFailure(error -> {
                    loading.set(false);
                    message.set("Could not load variants: " + Failures.describe(error));
                })
                .execute();
    }

    private void mergeChoices(List<VariantSummary> variants) {
        Set<String> steps = new LinkedHashSet<>(KNOWN_STEPS);
        Set<String> statuses = new LinkedHashSet<>(KNOWN_STATUSES);
        for (VariantSummary v : variants) {
            if (v.step() != null) {
                steps.add(v.step());
            }
            if (v.status() != null) {
                statuses.add(v.status());
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
        countText.set(visible.size() == all.size()
                ? all.size() + " variants"
                : visible.size() + " of " + all.size() + " variants");
    }

    public void setStatusFilter(Set<String> statuses) {
        filter.set(filter.get().withStatuses(statuses));
    }

    public void setStepFilter(Set<String> steps) {
        filter.set(filter.get().withSteps(steps));
    }

    public void setSearchText(String text) {
        filter.set(filter.get().withText(text));
    }

    /** The variants that pass the filter, in load order (the table sorts its own view of them). */
    public ObservableList<VariantSummary> visibleVariants() {
        return visible;
    }

    /** Every loaded variant, unfiltered (read-only; one instance, so listeners stay attached). */
    public ObservableList<VariantSummary> allVariants() {
        return allReadOnly;
    }

    public ObservableList<String> stepChoices() {
        return stepChoices;
    }

    public ObservableList<String> statusChoices() {
        return statusChoices;
    }

    public ReadOnlyObjectProperty<VariantFilter> filterProperty() {
        return filter.getReadOnlyProperty();
    }

    /** The selected variant; the view writes it from the table's selection. */
    public ObjectProperty<VariantSummary> selectedProperty() {
        return selected;
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

package adreview.ui.trace;

import adreview.ui.Failures;
import adreview.ui.concurrent.BackgroundExecutor;
import adreview.ui.data.DeskData;
import adreview.ui.json.PrettyJson;
import java.util.UUID;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The trace history of one variant and its job, and the pretty-printed request and response of the
 * selected trace. Loads through the background executor; results of an older variant are dropped.
 */
public final class TraceHistoryViewModel {

    private final BackgroundExecutor executor;
    private final ObservableList<TraceRow> rows = FXCollections.observableArrayList();
    private final ObservableList<adreview.ui.data.DecisionEntry> decisions = FXCollections.observableArrayList();
    private final ObjectProperty<TraceRow> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper requestJson = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper responseJson = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("Select a variant to see its traces.");
    private DeskData data;
    private long generation;

    public TraceHistoryViewModel(BackgroundExecutor executor) {
        this.executor = executor;
        selected.addListener((obs, old, row) -> {
            requestJson.set(row == null ? "" : PrettyJson.format(row.trace().requestJson()));
            responseJson.set(row == null ? "" : PrettyJson.format(row.trace().responseJson()));
        });
    }

    public void setData(DeskData data) {
        this.data = data;
    }

    /** Loads the traces of the variant and of its job; {@code null} clears the history. */
    public void load(UUID variantId, UUID jobId) {
        long current = ++generation;
        rows.clear();
        decisions.clear();
        selected.set(null);
        if (variantId == null || data == null) {
            message.set("Select a variant to see its traces.");
            return;
        }
        message.set("Loading traces…");
        DeskData source = data;
        executor.task("traces of " + variantId,
                        () -> new History(source.traces(variantId, jobId), source.decisions(variantId)))
                .onSuccess(history -> {
                    if (current != generation) {
                        return;
                    }
                    var traces = history.traces();
                    rows.setAll(traces.stream().map(TraceRow::of).toList());
                    decisions.setAll(history.decisions());
                    message.set(traces.isEmpty() ? "No model calls recorded for this variant or its job yet." : "");
                })
                .onFailure(error -> {
                    if (current == generation) {
                        message.set("Could not load traces: " + Failures.describe(error));
                    }
                })
                .execute();
    }

    public ObservableList<TraceRow> rows() {
        return rows;
    }

    /** The reviewer decisions on the variant, newest first (apart from the model traces). */
    public ObservableList<adreview.ui.data.DecisionEntry> decisions() {
        return decisions;
    }

    private record History(java.util.List<adreview.ui.data.TraceEntry> traces,
                           java.util.List<adreview.ui.data.DecisionEntry> decisions) {
    }

    /** The selected trace; the view writes it from the table's selection. */
    public ObjectProperty<TraceRow> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty requestJsonProperty() {
        return requestJson.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty responseJsonProperty() {
        return responseJson.getReadOnlyProperty();
    }

    /** Empty when rows are shown; otherwise why there are none. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}

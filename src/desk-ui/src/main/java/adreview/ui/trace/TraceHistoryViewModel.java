package adreview.ui.trace;

import adreview.desk.VariantDetail;
import adreview.review.decision.ReviewerDecision;
import adreview.ui.Formats;
import adreview.ui.i18n.Messages;
import adreview.ui.json.PrettyJson;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The history of one variant: its model calls (and those of its job), its reviewer decisions, and the pretty-printed
 * request and response of the selected call. Filled from the variant's detail, read in the same round trip.
 */
public final class TraceHistoryViewModel {

    private final ObservableList<TraceRow> rows = FXCollections.observableArrayList();
    private final ObservableList<ReviewerDecision> decisions = FXCollections.observableArrayList();
    private final ObjectProperty<TraceRow> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper requestJson = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper responseJson = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(Messages.get("trace.select"));

    public TraceHistoryViewModel() {
        selected.addListener((obs, old, row) -> {
            requestJson.set(row == null || row.trace().request() == null ? "" : PrettyJson.format(row.trace().request()));
            responseJson.set(row == null || row.trace().response() == null ? "" : PrettyJson.format(row.trace().response()));
        });
    }

    /** Shows the history of a variant's detail; {@code null} clears it. */
    public void show(VariantDetail detail) {
        selected.set(null);
        if (detail == null) {
            rows.clear();
            decisions.clear();
            message.set(Messages.get("trace.select"));
            return;
        }
        rows.setAll(detail.traces().stream().map(t -> TraceRow.of(t, detail.variant().variantId())).toList());
        decisions.setAll(detail.decisions());
        message.set(rows.isEmpty() ? Messages.get("trace.none") : "");
    }

    public ObservableList<TraceRow> rows() {
        return rows;
    }

    /**
     * A history line's verdict: "Accept", "Accept (retracted)" for a decision taken back, "Retracted Accept" for the
     * retraction. The history keeps every row; the label says which one no longer counts.
     */
    public String verdictLabel(ReviewerDecision d) {
        if (d.isRetraction()) {
            return decisions.stream().filter(o -> o.decisionId().equals(d.retracts())).findFirst()
                    .map(target -> Messages.get("verdict.retraction", Formats.verdict(d.verdict()), Formats.verdict(target.verdict())))
                    .orElse(Formats.verdict(d.verdict()));
        }
        return d.isRetracted() ? Messages.get("verdict.retracted", Formats.verdict(d.verdict())) : Formats.verdict(d.verdict());
    }

    /** The reviewer decisions on the variant, newest first (apart from the model calls). */
    public ObservableList<ReviewerDecision> decisions() {
        return decisions;
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

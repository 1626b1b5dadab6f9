package adreview.ui.review;

import adreview.review.result.Stage2Result;
import adreview.ui.i18n.Messages;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;

/** What {@link Stage2ResultView} shows: the four Stage 2 checks as pass/fail rows, analysis and issues. */
public final class Stage2ResultViewModel {

    /** One checklist row; {@code detail} says what the pass or the fail means in the reviewer's words. */
    public record CheckRow(String label, boolean pass, String detail) { }

    private final ReadOnlyBooleanWrapper present = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper emptyMessage = new ReadOnlyStringWrapper(Messages.get("stage2.empty"));
    private final ObservableList<CheckRow> checks = FXCollections.observableArrayList();
    private final ObservableList<CheckRow> checksView = FXCollections.unmodifiableObservableList(checks);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper allPass = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper analysis = new ReadOnlyStringWrapper("");
    private final ObservableList<String> issues = FXCollections.observableArrayList();
    private final ObservableList<String> issuesView = FXCollections.unmodifiableObservableList(issues);
    private final ReadOnlyStringWrapper source = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper renderUri = new ReadOnlyStringWrapper();

    public static List<CheckRow> rowsOf(Stage2Result a) {
        return List.of(
                new CheckRow(Messages.get("stage2.check.onBrief"), a.onBrief(), Messages.get(a.onBrief()
                        ? "stage2.check.onBrief.pass" : "stage2.check.onBrief.fail")),
                new CheckRow(Messages.get("stage2.check.clear"), !a.occlusion(), Messages.get(a.occlusion()
                        ? "stage2.check.clear.fail" : "stage2.check.clear.pass")),
                new CheckRow(Messages.get("stage2.check.contrast"), a.contrastOk(), Messages.get(a.contrastOk()
                        ? "stage2.check.contrast.pass" : "stage2.check.contrast.fail")),
                new CheckRow(Messages.get("stage2.check.cta"), a.ctaPresent(), Messages.get(a.ctaPresent()
                        ? "stage2.check.cta.pass" : "stage2.check.cta.fail")));
    }

    /** @param renderUri the judged render as a loadable URI (for the thumbnail), or null */
    public void show(Stage2Result answer, String renderUri, String source) {
        this.renderUri.set(renderUri);
        List<CheckRow> rows = rowsOf(answer);
        checks.setAll(rows);
        long pass = rows.stream().filter(CheckRow::pass).count();
        summary.set(Messages.get("stage2.summary", pass, rows.size()));
        allPass.set(pass == rows.size());
        analysis.set(answer.analysis());
        issues.setAll(answer.issues());
        this.source.set(source == null ? "" : source);
        present.set(true);
    }

    public void clear(String message) {
        present.set(false);
        emptyMessage.set(message);
        checks.clear();
        issues.clear();
        source.set("");
    }

    public ReadOnlyBooleanProperty presentProperty() { return present.getReadOnlyProperty(); }
    public ReadOnlyStringProperty emptyMessageProperty() { return emptyMessage.getReadOnlyProperty(); }
    public ObservableList<CheckRow> checks() { return checksView; }
    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty allPassProperty() { return allPass.getReadOnlyProperty(); }
    public ReadOnlyStringProperty analysisProperty() { return analysis.getReadOnlyProperty(); }
    public ObservableList<String> issues() { return issuesView; }
    public ReadOnlyStringProperty sourceProperty() { return source.getReadOnlyProperty(); }
    /** The judged render, for the thumbnail beside the checklist; null when unknown. */
    public ReadOnlyStringProperty renderUriProperty() { return renderUri.getReadOnlyProperty(); }
}

package adreview.ui.report;

import adreview.review.report.AgreementQueries;
import adreview.review.report.ComparedVariant;
import adreview.review.report.ComparisonRequest;
import adreview.review.report.ReportChoices;
import adreview.review.report.RunComparison;
import adreview.review.report.RunSide;
import adreview.desk.Problems;
import adreview.ui.i18n.Messages;
import adreview.ui.concurrent.TaskExecutor;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Report view's comparison: two prompt versions or two models, each side's latest stored verdict
 * (pipeline runs and re-judges) on the report's decided variants, against the reviewers and each other.
 * Stage, tenant, reviewer and dates come from the report's filters.
 */
public final class CompareViewModel {

    /** What the two sides are. */
    public enum Kind { PROMPT_VERSIONS, MODELS }

    private final AgreementQueries queries;
    private final TaskExecutor executor;
    private final ReportFilters filters;
    private final ObjectProperty<Kind> kind = new SimpleObjectProperty<>(Kind.PROMPT_VERSIONS);
    private final StringProperty sideA = new SimpleStringProperty();
    private final StringProperty sideB = new SimpleStringProperty();
    private final ObservableList<String> choices = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<RunComparison> comparison = new ReadOnlyObjectWrapper<>();
    private final ObservableList<ComparedVariant> worthALook = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(Messages.get("report.compare.pick"));
    private ReportChoices known = ReportChoices.NONE;
    private long generation;

    CompareViewModel(AgreementQueries queries, TaskExecutor executor, ReportFilters filters) {
        this.queries = queries;
        this.executor = executor;
        this.filters = filters;
        kind.addListener((o, a, b) -> offerChoices());
    }

    void setChoices(ReportChoices choices) {
        known = choices;
        offerChoices();
    }

    /** The prompt versions or models present; the first two are picked when nothing is. */
    private void offerChoices() {
        List<String> values = kind.get() == Kind.MODELS ? known.models() : known.promptVersions();
        choices.setAll(values);
        String a = sideA.get();
        String b = sideB.get();
        if (a == null || !values.contains(a)) {
            sideA.set(values.isEmpty() ? null : values.get(0));
        }
        if (b == null || !values.contains(b) || b.equals(sideA.get())) {
            sideB.set(values.size() < 2 ? null : values.get(1));
        }
    }

    /** Compares the two sides; says why not when they are missing or the same. */
    public void compare() {
        String a = sideA.get();
        String b = sideB.get();
        if (a == null || b == null || a.equals(b)) {
            message.set(Messages.get(kind.get() == Kind.MODELS ? "report.compare.pickDifferent.models"
                    : "report.compare.pickDifferent.prompts"));
            return;
        }
        boolean models = kind.get() == Kind.MODELS;
        ComparisonRequest request = new ComparisonRequest(filters.filter(),
                models ? new RunSide(null, a) : new RunSide(a, null), models ? new RunSide(null, b) : new RunSide(b, null),
                List.of(), ReportViewModel.DISAGREEMENT_LIMIT);
        long asked = ++generation;
        message.set(Messages.get("report.compare.comparing"));
        executor.io("compare runs", control -> queries.compare(request))
                .onSuccess(c -> {
                    if (asked != generation) {
                        return;
                    }
                    comparison.set(c);
                    worthALook.setAll(c.worthALook());
                    message.set(c.variants().isEmpty() ? Messages.get("report.compare.noVerdicts") : "");
                })
                .onFailure(error -> {
                    if (asked == generation) {
                        message.set(Messages.get("report.compare.failed", Problems.describe(error)));
                    }
                })
                .execute();
    }

    public ObjectProperty<Kind> kindProperty() {
        return kind;
    }

    public StringProperty sideAProperty() {
        return sideA;
    }

    public StringProperty sideBProperty() {
        return sideB;
    }

    /** What the sides can be: the prompt versions or the models present. */
    public ObservableList<String> choices() {
        return choices;
    }

    public ReadOnlyObjectProperty<RunComparison> comparisonProperty() {
        return comparison.getReadOnlyProperty();
    }

    /** Variants where the sides differ or one contradicts the reviewer. */
    public ObservableList<ComparedVariant> worthALook() {
        return worthALook;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}

package adreview.ui.report;

import adreview.review.report.AgreementQueries;
import adreview.review.report.AgreementReport;
import adreview.review.report.DisagreeingVariant;
import adreview.review.report.GroupBy;
import adreview.review.report.ReportChoices;
import adreview.review.report.ReportFilter;
import adreview.desk.Problems;
import adreview.ui.i18n.Messages;
import adreview.ui.concurrent.TaskExecutor;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Report view's state: its filters, the report and the disagreeing variants they select, and the
 * choices the filters offer. Every query runs on the background executor; changing a filter reloads, and
 * an answer for filters that have changed since is dropped. Testable without a window.
 */
public final class ReportViewModel {

    /** How many disagreeing variants the list shows. */
    public static final int DISAGREEMENT_LIMIT = 500;

    private final AgreementQueries queries;
    private final TaskExecutor executor;
    private final ReportFilters filters = new ReportFilters();
    private final CompareViewModel compare;
    private final ReadOnlyObjectWrapper<AgreementReport> report = new ReadOnlyObjectWrapper<>();
    private final ObservableList<DisagreeingVariant> disagreements = FXCollections.observableArrayList();
    private final ObservableList<String> tenants = FXCollections.observableArrayList(ReportFilters.ALL);
    private final ObservableList<String> reviewers = FXCollections.observableArrayList(ReportFilters.ALL);
    private final ObservableList<String> promptVersions = FXCollections.observableArrayList(ReportFilters.ALL);
    private final ObservableList<String> models = FXCollections.observableArrayList(ReportFilters.ALL);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private Consumer<UUID> onOpenVariant = id -> { };
    private long generation;

    public ReportViewModel(AgreementQueries queries, TaskExecutor executor) {
        this.queries = Objects.requireNonNull(queries);
        this.executor = Objects.requireNonNull(executor);
        this.compare = new CompareViewModel(queries, executor, filters);
        InvalidationListener reload = o -> refresh();
        for (var p : filters.all()) {
            p.addListener(reload);
        }
    }

    /** Loads the filters' choices and the report. */
    public void start() {
        executor.io("report choices", control -> queries.choices())
                .onSuccess(this::setChoices)
                .onFailure(error -> message.set(Messages.get("report.choicesFailed", Problems.describe(error))))
                .execute();
        refresh();
    }

    /** Reloads the report and its disagreements for the current filters. */
    public void refresh() {
        long asked = ++generation;
        ReportFilter filter = filters.filter();
        GroupBy groupBy = filters.groupBy();
        loading.set(true);
        message.set("");
        record Loaded(AgreementReport report, List<DisagreeingVariant> disagreements) {
        }
        executor.io("agreement report", control -> new Loaded(queries.report(filter, groupBy),
                        queries.disagreements(filter, DISAGREEMENT_LIMIT)))
                .onSuccess(loaded -> {
                    if (asked != generation) {
                        return; // the filters changed while it ran; a newer answer is on its way
                    }
                    loading.set(false);
                    report.set(loaded.report());
                    disagreements.setAll(loaded.disagreements());
                    summary.set(ReportTexts.summary(loaded.report().overall()));
                })
                .onFailure(error -> {
                    if (asked != generation) {
                        return;
                    }
                    loading.set(false);
                    message.set(Messages.get("report.failed", Problems.describe(error)));
                })
                .execute();
    }

    private void setChoices(ReportChoices choices) {
        fill(tenants, choices.tenants());
        fill(reviewers, choices.reviewers());
        fill(promptVersions, choices.promptVersions());
        fill(models, choices.models());
        compare.setChoices(choices);
    }

    private static void fill(ObservableList<String> list, List<String> values) {
        List<String> all = new java.util.ArrayList<>();
        all.add(ReportFilters.ALL);
        all.addAll(values);
        list.setAll(all);
    }

    /** Opens a variant in the main window (the callback the window supplies). */
    public void open(UUID variantId) {
        if (variantId != null) {
            onOpenVariant.accept(variantId);
        }
    }

    /** What opening a variant does: the main window selects it in its list. */
    public void setOnOpenVariant(Consumer<UUID> action) {
        this.onOpenVariant = action == null ? id -> { } : action;
    }

    public ReportFilters filters() {
        return filters;
    }

    public CompareViewModel compare() {
        return compare;
    }

    /** The latest report, null until the first one arrives. */
    public ReadOnlyObjectProperty<AgreementReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    /** The disagreeing variants of the report, most recently decided first. */
    public ObservableList<DisagreeingVariant> disagreements() {
        return disagreements;
    }

    public ObservableList<String> tenants() {
        return tenants;
    }

    public ObservableList<String> reviewers() {
        return reviewers;
    }

    public ObservableList<String> promptVersions() {
        return promptVersions;
    }

    public ObservableList<String> models() {
        return models;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** One line: pairs, agree, agreement, kappa with its interval. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Empty, or what went wrong. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}

package adreview.ui.report;

import adreview.review.prompt.Prompt;
import adreview.review.report.GroupBy;
import adreview.review.report.ReportFilter;
import java.time.LocalDate;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * What the Report view's filter bar edits, as plain properties; {@link #filter()} turns them into the
 * report's {@link ReportFilter}. A null or blank text, and {@link #ALL}, mean "no filter".
 */
public final class ReportFilters {

    /** The choice boxes' first entry: no filter. */
    public static final String ALL = "All";

    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final StringProperty tenant = new SimpleStringProperty(ALL);
    private final StringProperty reviewer = new SimpleStringProperty(ALL);
    private final StringProperty promptVersion = new SimpleStringProperty(ALL);
    private final StringProperty model = new SimpleStringProperty(ALL);
    private final ObjectProperty<Prompt.Stage> stage = new SimpleObjectProperty<>(Prompt.Stage.STAGE1);
    private final BooleanProperty includeRejudges = new SimpleBooleanProperty(false);
    private final ObjectProperty<GroupBy> groupBy = new SimpleObjectProperty<>(GroupBy.NONE);

    /** The filter the properties describe; a date range that ends before it starts is read as open at the end. */
    public ReportFilter filter() {
        LocalDate last = to.get() != null && from.get() != null && to.get().isBefore(from.get()) ? null : to.get();
        return ReportFilter.of(stage.get() == null ? Prompt.Stage.STAGE1 : stage.get())
                .withDates(from.get(), last)
                .withTenant(value(tenant.get()))
                .withReviewer(value(reviewer.get()))
                .withPromptVersion(value(promptVersion.get()))
                .withModel(value(model.get()), null, null)
                .withRejudges(includeRejudges.get());
    }

    public GroupBy groupBy() {
        return groupBy.get() == null ? GroupBy.NONE : groupBy.get();
    }

    /** Every property, for a listener that reloads when any changes. */
    Observable[] all() {
        return new Observable[] {from, to, tenant, reviewer, promptVersion, model, stage, includeRejudges, groupBy};
    }

    private static String value(String choice) {
        return choice == null || choice.isBlank() || ALL.equals(choice) ? null : choice;
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    public StringProperty tenantProperty() {
        return tenant;
    }

    public StringProperty reviewerProperty() {
        return reviewer;
    }

    public StringProperty promptVersionProperty() {
        return promptVersion;
    }

    public StringProperty modelProperty() {
        return model;
    }

    public ObjectProperty<Prompt.Stage> stageProperty() {
        return stage;
    }

    public BooleanProperty includeRejudgesProperty() {
        return includeRejudges;
    }

    public ObjectProperty<GroupBy> groupByProperty() {
        return groupBy;
    }
}

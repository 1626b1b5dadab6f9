package adreview.ui.report;

import adreview.review.report.Agreement;
import adreview.review.report.ComparedVariant;
import adreview.review.report.CriterionAgreement;
import adreview.review.report.DisagreeingVariant;
import adreview.review.report.GroupAgreement;
import adreview.ui.Formats;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;

/** The Report view's tables: disagreements, groups, criteria and compared variants. */
final class ReportTables {

    private ReportTables() {
    }

    /** Disagreeing variants; a click (or Enter) on a row opens the variant. */
    static TableView<DisagreeingVariant> disagreements(ObservableList<DisagreeingVariant> items, Consumer<UUID> open) {
        TableView<DisagreeingVariant> t = table("disagreementTable", items,
                "No disagreements: under these filters the model and the reviewers agree on every variant.");
        t.getColumns().add(column("Variant", 90, d -> shortId(d.variantId())));
        t.getColumns().add(column("Tenant", 120, DisagreeingVariant::tenant));
        t.getColumns().add(column("Model", 70, DisagreeingVariant::modelVerdict));
        t.getColumns().add(column("Reviewer", 70, DisagreeingVariant::reviewerVerdict));
        t.getColumns().add(column("By", 90, DisagreeingVariant::reviewer));
        t.getColumns().add(column("Comment", 250, d -> d.comment() == null ? "" : d.comment()));
        t.getColumns().add(column("Prompt", 90, DisagreeingVariant::promptVersion));
        t.getColumns().add(column("Decided", 120, d -> Formats.time(d.decidedAt())));
        opensOnClick(t, DisagreeingVariant::variantId, open);
        return t;
    }

    static TableView<GroupAgreement> groups(ObservableList<GroupAgreement> items) {
        TableView<GroupAgreement> t = table("groupTable", items, "Choose a grouping to compare groups.");
        t.getColumns().add(column("Group", 260, GroupAgreement::group));
        agreementColumns(t, GroupAgreement::agreement);
        return t;
    }

    static TableView<CriterionAgreement> criteria(ObservableList<CriterionAgreement> items) {
        TableView<CriterionAgreement> t = table("criteriaTable", items, "No criteria: the pairs carry no tags or measurements.");
        t.getColumns().add(column("Criterion", 90, CriterionAgreement::criterion));
        t.getColumns().add(column("Model against", 120, c -> c.against().equals(CriterionAgreement.MEASURED)
                ? "measured checks" : "comment tags"));
        agreementColumns(t, CriterionAgreement::agreement);
        t.getColumns().add(column("both: problem", 100, c -> String.valueOf(c.agreement().count("problem", "problem"))));
        t.getColumns().add(column("only model", 80, c -> String.valueOf(c.agreement().count("problem", "ok"))));
        t.getColumns().add(column("only other", 80, c -> String.valueOf(c.agreement().count("ok", "problem"))));
        return t;
    }

    static TableView<ComparedVariant> compared(ObservableList<ComparedVariant> items, Consumer<UUID> open) {
        TableView<ComparedVariant> t = table("comparedTable", items, "Nothing to look at yet.");
        t.getColumns().add(column("Variant", 90, v -> shortId(v.variantId())));
        t.getColumns().add(column("Tenant", 130, ComparedVariant::tenant));
        t.getColumns().add(column("A", 80, v -> dash(v.a())));
        t.getColumns().add(column("B", 80, v -> dash(v.b())));
        t.getColumns().add(column("Reviewer", 80, v -> dash(v.reviewer())));
        opensOnClick(t, ComparedVariant::variantId, open);
        return t;
    }

    private static <T> void agreementColumns(TableView<T> t, Function<T, Agreement> agreement) {
        t.getColumns().add(column("Pairs", 60, x -> String.valueOf(agreement.apply(x).total())));
        t.getColumns().add(column("Agree", 60, x -> String.valueOf(agreement.apply(x).agree())));
        t.getColumns().add(column("Agreement", 80, x -> ReportTexts.percent(agreement.apply(x).agreement())));
        t.getColumns().add(column("κ", 60, x -> ReportTexts.kappa(agreement.apply(x).kappa())));
        t.getColumns().add(column("95 % CI", 120, x -> ReportTexts.interval(agreement.apply(x).kappa())));
    }

    private static <T> TableView<T> table(String id, ObservableList<T> items, String empty) {
        TableView<T> t = new TableView<>(items);
        t.setId(id);
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label placeholder = new Label(empty);
        placeholder.setWrapText(true);
        t.setPlaceholder(placeholder);
        return t;
    }

    /** One click on a row, or Enter on the selected row, opens its variant in the main window. */
    private static <T> void opensOnClick(TableView<T> t, Function<T, UUID> id, Consumer<UUID> open) {
        t.setRowFactory(table -> {
            TableRow<T> row = new TableRow<>();
            row.getStyleClass().add("report-open-row");
            row.setOnMouseClicked(e -> {
                if (!row.isEmpty()) {
                    open.accept(id.apply(row.getItem()));
                }
            });
            return row;
        });
        t.setOnKeyPressed(e -> {
            T selected = t.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && selected != null) {
                open.accept(id.apply(selected));
                e.consume();
            }
        });
    }

    static <T> TableColumn<T, String> column(String title, double width, Function<T, String> value) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return c;
    }

    private static String shortId(UUID id) {
        return id == null ? "" : id.toString().substring(0, 8);
    }

    private static String dash(String s) {
        return s == null ? "—" : s;
    }
}

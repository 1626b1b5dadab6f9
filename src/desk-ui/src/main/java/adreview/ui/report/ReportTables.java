package adreview.ui.report;

import adreview.review.report.Agreement;
import adreview.review.report.ComparedVariant;
import adreview.review.report.CriterionAgreement;
import adreview.review.report.DisagreeingVariant;
import adreview.review.report.GroupAgreement;
import adreview.ui.Formats;
import adreview.ui.i18n.Messages;
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
        TableView<DisagreeingVariant> t = table("disagreementTable", items, Messages.get("report.table.noDisagreements"));
        t.getColumns().add(column(Messages.get("report.column.variant"), 90, d -> shortId(d.variantId())));
        t.getColumns().add(column(Messages.get("report.column.tenant"), 120, DisagreeingVariant::tenant));
        t.getColumns().add(column(Messages.get("report.column.model"), 70, DisagreeingVariant::modelVerdict));
        t.getColumns().add(column(Messages.get("report.column.reviewer"), 70, DisagreeingVariant::reviewerVerdict));
        t.getColumns().add(column(Messages.get("report.column.by"), 90, DisagreeingVariant::reviewer));
        t.getColumns().add(column(Messages.get("report.column.comment"), 250, d -> d.comment() == null ? "" : d.comment()));
        t.getColumns().add(column(Messages.get("report.column.prompt"), 90, DisagreeingVariant::promptVersion));
        t.getColumns().add(column(Messages.get("report.column.decided"), 120, d -> Formats.time(d.decidedAt())));
        opensOnClick(t, DisagreeingVariant::variantId, open);
        return t;
    }

    static TableView<GroupAgreement> groups(ObservableList<GroupAgreement> items) {
        TableView<GroupAgreement> t = table("groupTable", items, Messages.get("report.table.noGroups"));
        t.getColumns().add(column(Messages.get("report.column.group"), 260, GroupAgreement::group));
        agreementColumns(t, GroupAgreement::agreement);
        return t;
    }

    static TableView<CriterionAgreement> criteria(ObservableList<CriterionAgreement> items) {
        TableView<CriterionAgreement> t = table("criteriaTable", items, Messages.get("report.table.noCriteria"));
        t.getColumns().add(column(Messages.get("report.column.criterion"), 90, CriterionAgreement::criterion));
        t.getColumns().add(column(Messages.get("report.column.against"), 120, c -> Messages.get(
                c.against().equals(CriterionAgreement.MEASURED) ? "report.against.measured" : "report.against.tags")));
        agreementColumns(t, CriterionAgreement::agreement);
        t.getColumns().add(column(Messages.get("report.column.bothProblem"), 100,
                c -> String.valueOf(c.agreement().count("problem", "problem"))));
        t.getColumns().add(column(Messages.get("report.column.onlyModel"), 80,
                c -> String.valueOf(c.agreement().count("problem", "ok"))));
        t.getColumns().add(column(Messages.get("report.column.onlyOther"), 80,
                c -> String.valueOf(c.agreement().count("ok", "problem"))));
        return t;
    }

    static TableView<ComparedVariant> compared(ObservableList<ComparedVariant> items, Consumer<UUID> open) {
        TableView<ComparedVariant> t = table("comparedTable", items, Messages.get("report.table.nothing"));
        t.getColumns().add(column(Messages.get("report.column.variant"), 90, v -> shortId(v.variantId())));
        t.getColumns().add(column(Messages.get("report.column.tenant"), 130, ComparedVariant::tenant));
        t.getColumns().add(column(Messages.get("compare.a"), 80, v -> dash(v.a())));
        t.getColumns().add(column(Messages.get("compare.b"), 80, v -> dash(v.b())));
        t.getColumns().add(column(Messages.get("report.column.reviewer"), 80, v -> dash(v.reviewer())));
        opensOnClick(t, ComparedVariant::variantId, open);
        return t;
    }

    private static <T> void agreementColumns(TableView<T> t, Function<T, Agreement> agreement) {
        t.getColumns().add(column(Messages.get("report.column.pairs"), 60, x -> String.valueOf(agreement.apply(x).total())));
        t.getColumns().add(column(Messages.get("report.column.agree"), 60, x -> String.valueOf(agreement.apply(x).agree())));
        t.getColumns().add(column(Messages.get("report.column.agreement"), 80,
                x -> ReportTexts.percent(agreement.apply(x).agreement())));
        t.getColumns().add(column(Messages.get("report.column.kappa"), 60, x -> ReportTexts.kappa(agreement.apply(x).kappa())));
        t.getColumns().add(column(Messages.get("report.column.ci"), 120, x -> ReportTexts.interval(agreement.apply(x).kappa())));
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

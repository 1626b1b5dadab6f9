package adreview.ui.report;

import adreview.review.report.RunComparison;
import adreview.ui.i18n.Messages;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The comparison tab: what to compare (prompt versions or models), side A and side B, and the result:
 * each against the reviewers, A against B, and the variants worth a look (a click opens one).
 */
final class ComparePane extends VBox {

    ComparePane(CompareViewModel model, Consumer<UUID> open) {
        super(6);
        setPadding(new Insets(8));
        getStyleClass().add("report-compare");
        ChoiceBox<CompareViewModel.Kind> kind = new ChoiceBox<>();
        kind.getItems().setAll(CompareViewModel.Kind.values());
        kind.setConverter(new StringConverter<>() {
            @Override
            public String toString(CompareViewModel.Kind k) {
                return Messages.get(k == CompareViewModel.Kind.MODELS ? "report.compare.models" : "report.compare.prompts");
            }

            @Override
            public CompareViewModel.Kind fromString(String s) {
                return null;
            }
        });
        kind.valueProperty().bindBidirectional(model.kindProperty());
        ComboBox<String> a = side("compareA", model);
        a.valueProperty().bindBidirectional(model.sideAProperty());
        ComboBox<String> b = side("compareB", model);
        b.valueProperty().bindBidirectional(model.sideBProperty());
        Button go = new Button(Messages.get("report.compare.button"));
        go.setId("compareButton");
        go.setDefaultButton(false);
        go.setOnAction(e -> model.compare());
        HBox bar = new HBox(8, kind, new Label(Messages.get("compare.a")), a, new Label(Messages.get("compare.b")), b, go);
        bar.setAlignment(Pos.CENTER_LEFT);

        Label aLine = line("compareAResult");
        Label bLine = line("compareBResult");
        Label abLine = line("compareABResult");
        Label message = new Label();
        message.getStyleClass().add("report-message");
        message.textProperty().bind(model.messageProperty());
        model.comparisonProperty().addListener((o, old, c) -> show(c, aLine, bLine, abLine));
        var table = ReportTables.compared(model.worthALook(), open);
        VBox.setVgrow(table, Priority.ALWAYS);
        Label hint = new Label(Messages.get("report.compare.hint"));
        hint.getStyleClass().add("report-hint");
        getChildren().addAll(bar, message, aLine, bLine, abLine, hint, table);
    }

    private static ComboBox<String> side(String id, CompareViewModel model) {
        ComboBox<String> box = new ComboBox<>(model.choices());
        box.setId(id);
        box.setPrefWidth(190);
        return box;
    }

    private static Label line(String id) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("report-compare-line");
        return l;
    }

    private static void show(RunComparison c, Label a, Label b, Label ab) {
        if (c == null) {
            return;
        }
        a.setText(Messages.get("report.compare.aVsReviewers", c.a().label(), ReportTexts.summary(c.aVsReviewers())));
        b.setText(Messages.get("report.compare.bVsReviewers", c.b().label(), ReportTexts.summary(c.bVsReviewers())));
        ab.setText(Messages.get("report.compare.aVsB", ReportTexts.summary(c.aVsB())));
    }
}

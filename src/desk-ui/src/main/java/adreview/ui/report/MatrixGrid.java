package adreview.ui.report;

import adreview.review.report.Agreement;
import adreview.review.report.Pairing;
import adreview.ui.i18n.Messages;
import javafx.geometry.HPos;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;

/**
 * The confusion matrix as numbers: the model's verdicts down, the reviewers' across; cells where they
 * agree are green, the others red, so the eye finds the disagreements first.
 */
final class MatrixGrid extends GridPane {

    MatrixGrid() {
        getStyleClass().add("report-matrix");
        setId("reportMatrix");
        setHgap(2);
        setVgap(2);
    }

    void show(Pairing pairing, Agreement agreement) {
        getChildren().clear();
        getColumnConstraints().clear();
        ColumnConstraints first = new ColumnConstraints(78);
        getColumnConstraints().add(first);
        add(header(Messages.get("report.matrix.corner"), "report-matrix-corner"), 0, 0);
        int col = 1;
        for (String other : pairing.otherLabels()) {
            ColumnConstraints c = new ColumnConstraints(62);
            c.setHalignment(HPos.CENTER);
            getColumnConstraints().add(c);
            add(header(other, "report-matrix-head"), col++, 0);
        }
        int row = 1;
        for (String model : pairing.modelLabels()) {
            add(header(model, "report-matrix-head"), 0, row);
            col = 1;
            for (String other : pairing.otherLabels()) {
                Label cell = new Label(agreement == null ? "" : String.valueOf(agreement.count(model, other)));
                cell.getStyleClass().addAll("report-matrix-cell",
                        pairing.agrees(model, other) ? "report-agree" : "report-disagree");
                cell.setMaxWidth(Double.MAX_VALUE);
                add(cell, col++, row);
            }
            row++;
        }
    }

    private static Label header(String text, String style) {
        Label l = new Label(text);
        l.getStyleClass().add(style);
        l.setWrapText(true);
        return l;
    }
}

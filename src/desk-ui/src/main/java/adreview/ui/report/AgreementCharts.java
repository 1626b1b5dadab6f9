package adreview.ui.report;

import adreview.review.report.AgreementReport;
import adreview.review.report.DayAgreement;
import adreview.review.report.Pairing;
import adreview.ui.i18n.Messages;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;

/**
 * The report's two charts: the confusion matrix as stacked bars (one bar per model verdict, split by
 * the reviewers' decisions) and the agreement per day of decision as a line. Not animated: a report is
 * read, not watched, and screenshots must show the final state.
 */
final class AgreementCharts {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd");

    private AgreementCharts() {
    }

    static StackedBarChart<String, Number> matrixChart() {
        CategoryAxis x = new CategoryAxis();
        x.setLabel(Messages.get("report.chart.modelVerdict"));
        NumberAxis y = new NumberAxis();
        y.setLabel(Messages.get("report.chart.variants"));
        y.setMinorTickVisible(false);
        StackedBarChart<String, Number> chart = new StackedBarChart<>(x, y);
        chart.setId("matrixChart");
        chart.setTitle(Messages.get("report.chart.matrix"));
        chart.setAnimated(false);
        chart.setCategoryGap(24);
        chart.getStyleClass().add("report-chart");
        return chart;
    }

    static LineChart<String, Number> timelineChart() {
        CategoryAxis x = new CategoryAxis();
        x.setLabel(Messages.get("report.chart.day"));
        NumberAxis y = new NumberAxis(0, 100, 25);
        y.setLabel(Messages.get("report.chart.agreementPercent"));
        y.setAutoRanging(false);
        LineChart<String, Number> chart = new LineChart<>(x, y);
        chart.setId("timelineChart");
        chart.setTitle(Messages.get("report.chart.timeline"));
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.getStyleClass().add("report-chart");
        return chart;
    }

    /** One series per reviewer verdict (accept, fix, reject; or problem / ok), one bar per model verdict. */
    static void showMatrix(StackedBarChart<String, Number> chart, AgreementReport report) {
        Pairing p = report.pairing();
        ((CategoryAxis) chart.getXAxis()).getCategories().setAll(p.modelLabels());
        List<XYChart.Series<String, Number>> series = new ArrayList<>();
        for (String other : p.otherLabels()) {
            XYChart.Series<String, Number> s = new XYChart.Series<>();
            s.setName(Messages.get("report.chart.reviewer", other));
            for (String model : p.modelLabels()) {
                s.getData().add(new XYChart.Data<>(model, report.overall().count(model, other)));
            }
            series.add(s);
        }
        chart.getData().setAll(series);
    }

    /** Agreement in percent per day, with the day's number of pairs in the category label. */
    static void showTimeline(LineChart<String, Number> chart, AgreementReport report) {
        XYChart.Series<String, Number> s = new XYChart.Series<>();
        s.setName(Messages.get("report.chart.agreement"));
        List<String> days = new ArrayList<>();
        for (DayAgreement d : report.timeline()) {
            String label = DAY.format(d.day()) + " (" + d.total() + ")";
            days.add(label);
            s.getData().add(new XYChart.Data<>(label, Math.round(d.agreement() * 1000) / 10.0));
        }
        ((CategoryAxis) chart.getXAxis()).getCategories().setAll(days);
        chart.getData().setAll(List.of(s));
    }
}

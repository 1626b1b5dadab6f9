package adreview.ui.report;

import adreview.review.prompt.Prompt;
import adreview.review.report.AgreementReport;
import adreview.review.report.CriterionAgreement;
import adreview.review.report.GroupAgreement;
import adreview.review.report.GroupBy;
import adreview.ui.i18n.Messages;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The Report view: a filter bar like the list's, the summary line (pairs, agreement, kappa with its
 * interval), the confusion matrix as numbers and as a chart, the agreement over time, and tabs with the
 * disagreeing variants (a click opens one in the main window), the groups, the per-criterion tables and
 * the comparison of two runs. It lays out controls and binds them to its {@link ReportViewModel}.
 */
public final class ReportView extends BorderPane {

    private final ReportViewModel model;
    private final MatrixGrid grid = new MatrixGrid();
    private final StackedBarChart<String, Number> matrixChart = AgreementCharts.matrixChart();
    private final LineChart<String, Number> timelineChart = AgreementCharts.timelineChart();
    private final ObservableList<GroupAgreement> groups = FXCollections.observableArrayList();
    private final ObservableList<CriterionAgreement> criteria = FXCollections.observableArrayList();
    private final Tab disagreementsTab = new Tab();

    public ReportView(ReportViewModel model) {
        this.model = model;
        getStyleClass().add("report-view");
        URL css = ReportView.class.getResource("/styles/report.css");
        if (css != null) {
            getStylesheets().add(css.toExternalForm());
        }
        setTop(filterBar());
        setCenter(body());
        model.reportProperty().addListener((o, old, report) -> show(report));
        model.disagreements().addListener((javafx.collections.ListChangeListener<Object>) c -> countDisagreements());
        countDisagreements();
        grid.show(adreview.review.report.Pairing.STAGE1, null);
    }

    public ReportViewModel model() {
        return model;
    }

    private Node filterBar() {
        ReportFilters f = model.filters();
        DatePicker from = new DatePicker();
        from.setId("reportFrom");
        from.setPromptText(Messages.get("report.from"));
        from.setPrefWidth(120);
        from.valueProperty().bindBidirectional(f.fromProperty());
        DatePicker to = new DatePicker();
        to.setId("reportTo");
        to.setPromptText(Messages.get("report.to"));
        to.setPrefWidth(120);
        to.valueProperty().bindBidirectional(f.toProperty());
        ChoiceBox<Prompt.Stage> stage = new ChoiceBox<>(FXCollections.observableArrayList(Prompt.Stage.values()));
        stage.setId("reportStage");
        stage.setConverter(converter(s -> Messages.get(s == Prompt.Stage.STAGE1 ? "report.stage.stage1" : "report.stage.stage2")));
        stage.valueProperty().bindBidirectional(f.stageProperty());
        ChoiceBox<GroupBy> group = new ChoiceBox<>(FXCollections.observableArrayList(GroupBy.values()));
        group.setId("reportGroupBy");
        group.setConverter(converter(g -> Messages.get("report.groupBy." + g.name().toLowerCase(java.util.Locale.ROOT))));
        group.valueProperty().bindBidirectional(f.groupByProperty());
        CheckBox rejudges = new CheckBox(Messages.get("report.rejudges"));
        rejudges.setId("reportRejudges");
        rejudges.setTooltip(new Tooltip(Messages.get("report.rejudges.tip")));
        rejudges.selectedProperty().bindBidirectional(f.includeRejudgesProperty());
        Button refresh = new Button(Messages.get("report.refresh"));
        refresh.setId("reportRefresh");
        refresh.setOnAction(e -> model.refresh());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(model.loadingProperty());
        FlowPane bar = new FlowPane(8, 6, stage, from, to,
                choice("reportTenant", Messages.get("report.filter.tenant"), model.tenants(), f.tenantProperty()),
                choice("reportReviewer", Messages.get("report.filter.reviewer"), model.reviewers(), f.reviewerProperty()),
                choice("reportPrompt", Messages.get("report.filter.prompt"), model.promptVersions(), f.promptVersionProperty()),
                choice("reportModel", Messages.get("report.filter.model"), model.models(), f.modelProperty()),
                rejudges, group, refresh, busy);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("report-filters");
        return bar;
    }

    private static Node choice(String id, String name, ObservableList<String> items,
                               javafx.beans.property.StringProperty value) {
        ComboBox<String> box = new ComboBox<>(items);
        box.setId(id);
        box.setPrefWidth(150);
        box.setConverter(converter(v -> v == null || ReportFilters.ALL.equals(v) ? Messages.get("report.filter.all", name) : v));
        box.valueProperty().bindBidirectional(value);
        return box;
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }

    private Node body() {
        Label summary = new Label();
        summary.setId("reportSummary");
        summary.getStyleClass().add("report-summary");
        summary.textProperty().bind(model.summaryProperty());
        Label message = new Label();
        message.getStyleClass().add("report-message");
        message.textProperty().bind(model.messageProperty());
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        Label rule = new Label();
        rule.setId("reportRule");
        rule.getStyleClass().add("report-hint");
        rule.setWrapText(true);
        model.filters().stageProperty().addListener((o, a, s) -> rule.setText(ruleText(s)));
        rule.setText(ruleText(model.filters().stageProperty().get()));

        VBox left = new VBox(6, grid, rule);
        left.setPrefWidth(300);
        left.setMinWidth(280);
        matrixChart.setPrefSize(320, 260);
        timelineChart.setPrefSize(360, 260);
        HBox.setHgrow(timelineChart, Priority.ALWAYS);
        HBox charts = new HBox(10, left, matrixChart, timelineChart);
        charts.setMinHeight(250);

        disagreementsTab.setContent(ReportTables.disagreements(model.disagreements(), model::open));
        disagreementsTab.setClosable(false);
        Tab groupsTab = new Tab(Messages.get("report.tab.groups"), ReportTables.groups(groups));
        groupsTab.setClosable(false);
        Tab criteriaTab = new Tab(Messages.get("report.tab.criteria"), ReportTables.criteria(criteria));
        criteriaTab.setClosable(false);
        Tab compareTab = new Tab(Messages.get("report.tab.compare"), new ComparePane(model.compare(), model::open));
        compareTab.setClosable(false);
        TabPane tabs = new TabPane(disagreementsTab, groupsTab, criteriaTab, compareTab);
        tabs.setId("reportTabs");
        VBox.setVgrow(tabs, Priority.ALWAYS);

        VBox body = new VBox(8, summary, message, charts, tabs);
        body.setPadding(new Insets(8, 12, 10, 12));
        return body;
    }

    /** The pairing rule, said where the matrix is. */
    static String ruleText(Prompt.Stage stage) {
        return Messages.get(stage == Prompt.Stage.STAGE2 ? "report.rule.stage2" : "report.rule.stage1");
    }

    private void countDisagreements() {
        int n = model.disagreements().size();
        disagreementsTab.setText(Messages.get("report.tab.disagreements",
                n >= ReportViewModel.DISAGREEMENT_LIMIT ? n + "+" : String.valueOf(n)));
    }

    private void show(AgreementReport report) {
        if (report == null) {
            return;
        }
        grid.show(report.pairing(), report.overall());
        AgreementCharts.showMatrix(matrixChart, report);
        AgreementCharts.showTimeline(timelineChart, report);
        groups.setAll(report.groups());
        List<CriterionAgreement> all = new ArrayList<>(report.criteria());
        all.addAll(report.measured());
        criteria.setAll(all);
    }
}

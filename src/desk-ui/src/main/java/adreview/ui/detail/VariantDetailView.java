package adreview.ui.detail;

import adreview.ui.Badges;
import adreview.ui.trace.TraceHistoryView;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The right side of the window: header, image and info side by side, and below them a tab pane whose
 * first tab is the trace history. Later panes (Stage 1 / Stage 2 results, measured checks, run
 * controls) are added with {@link #addResultTab(Tab)}.
 */
public final class VariantDetailView extends BorderPane {

    private final TabPane results = new TabPane();
    private final ImagePane imagePane;
    private final SplitPane body;

    public VariantDetailView(VariantDetailViewModel model) {
        getStyleClass().add("detail-view");
        setId("detailView");

        Label title = new Label();
        title.setId("detailTitle");
        title.getStyleClass().add("detail-title");
        title.textProperty().bind(model.titleProperty());
        Label badge = Badges.status(model.statusProperty().get());
        model.statusProperty().addListener((obs, old, s) -> Badges.update(badge, s));
        Label subtitle = new Label();
        subtitle.getStyleClass().add("detail-subtitle");
        subtitle.textProperty().bind(model.subtitleProperty());
        HBox titleRow = new HBox(10, title, badge);
        titleRow.setAlignment(Pos.CENTER_LEFT);
        VBox header = new VBox(2, titleRow, subtitle);
        header.getStyleClass().add("detail-header");
        setTop(header);

        imagePane = new ImagePane(model);
        InfoPane info = new InfoPane(model);
        SplitPane top = new SplitPane(imagePane, info);
        top.setOrientation(Orientation.HORIZONTAL);
        top.setDividerPositions(0.64); // room for the image toolbar (generated / render / boxes, zoom)
        info.setMinWidth(240);
        imagePane.setMinWidth(300);

        Tab history = new Tab("History", new TraceHistoryView(model.traces()));
        history.setId("historyTab");
        history.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> model.traces().rows().isEmpty() ? "History" : "History (" + model.traces().rows().size() + ")",
                model.traces().rows()));
        history.setClosable(false);
        results.getTabs().add(history);
        results.getStyleClass().add("results-tabs");
        results.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);

        body = new SplitPane(top, results);
        body.setOrientation(Orientation.VERTICAL);
        body.setDividerPositions(0.62);
        setCenter(body);
    }

    /** Adds a pane below the image (Stage 1 results, Stage 2 results, measured checks, run controls). */
    public void addResultTab(Tab tab) {
        tab.setClosable(false);
        results.getTabs().add(tab);
    }

    /** Where the image/info area ends and the result tabs begin (0 top … 1 bottom). */
    public void setBodyDivider(double position) {
        body.setDividerPositions(position);
    }

    public TabPane results() {
        return results;
    }

    public ImagePane imagePane() {
        return imagePane;
    }
}

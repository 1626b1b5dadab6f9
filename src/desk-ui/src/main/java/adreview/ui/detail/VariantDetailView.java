package adreview.ui.detail;

import adreview.ui.Badges;
import adreview.ui.i18n.Messages;
import adreview.ui.prefs.UiPreferences;
import adreview.ui.trace.TraceHistoryView;
import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The right side of the window: the header, then the images (at least 60 % of the width by default) beside one tab
 * pane that holds everything read about the variant: Review (runs and results), Measured, History and Info. The tabs
 * take the full height beside the image, so no result is ever squeezed under it; the divider is remembered.
 */
public final class VariantDetailView extends BorderPane {

    static final String DIVIDER_KEY = "layout.detail.divider";
    /** The image's share of the detail width at first start. */
    static final double DEFAULT_DIVIDER = 0.62;
    /** The image never gets less than this share of the detail width. */
    static final double MIN_IMAGE_SHARE = 0.6;
    /** The divider's own width, taken from the side so that the image keeps its full share. */
    private static final double DIVIDER_ROOM = 8;

    private final TabPane side = new TabPane();
    private final ImageArea images;
    private final SplitPane body;
    /** The image's share the reviewer chose by dragging (or the default): it holds at every width. */
    private double wantedShare;
    private boolean dragging;

    public VariantDetailView(VariantDetailViewModel model, UiPreferences preferences) {
        getStyleClass().add("detail-view");
        setId("detailView");

        Label title = new Label();
        title.setId("detailTitle");
        title.getStyleClass().add("detail-title");
        title.textProperty().bind(model.titleProperty());
        Label badge = Badges.status(model.statusProperty().get());
        model.statusProperty().addListener((obs, old, s) -> Badges.update(badge, s));
        Button copyId = new Button(Messages.get("detail.copyId"));
        copyId.setId("copyIdButton");
        copyId.getStyleClass().add("tool-button");
        copyId.setFocusTraversable(false);
        copyId.setTooltip(new Tooltip(Messages.get("detail.copyId.tip")));
        copyId.disableProperty().bind(model.shownProperty().isNull());
        copyId.setOnAction(e -> copyId(model));
        Label subtitle = new Label();
        subtitle.getStyleClass().add("detail-subtitle");
        subtitle.textProperty().bind(model.subtitleProperty());
        HBox titleRow = new HBox(10, title, badge, copyId);
        titleRow.setAlignment(Pos.CENTER_LEFT);
        VBox header = new VBox(2, titleRow, subtitle);
        header.getStyleClass().add("detail-header");
        setTop(header);

        images = new ImageArea(model, "detail");
        images.setMinWidth(320);

        Tab info = new Tab(Messages.get("tab.info"), new InfoPane(model));
        info.setId("infoTab");
        Tab history = new Tab(Messages.get("tab.history"), new TraceHistoryView(model.traces()));
        history.setId("historyTab");
        history.textProperty().bind(Bindings.createStringBinding(() -> model.traces().rows().isEmpty()
                ? Messages.get("tab.history") : Messages.get("tab.history.count", model.traces().rows().size()),
                model.traces().rows()));
        side.getTabs().addAll(history, info);
        side.getStyleClass().add("results-tabs");
        side.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        side.setMinWidth(320);
        // Not from its content: a long answer or JSON line would make the split pane hand the side the image's room.
        side.setPrefWidth(380);

        body = new SplitPane(images, side);
        body.setOrientation(Orientation.HORIZONTAL);
        // The share the reviewer chose (or the default) holds at every width: a split pane left to itself hands a
        // resize to one side only, so that a side shrunk by grid mode stayed small. Only a drag changes the share.
        wantedShare = preferences.getDouble(DIVIDER_KEY, DEFAULT_DIVIDER);
        body.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> dragging = true);
        body.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_RELEASED, e -> dragging = false);
        body.setDividerPositions(wantedShare);
        body.getDividers().get(0).positionProperty().addListener((obs, old, p) -> {
            if (dragging) {
                wantedShare = Math.round(p.doubleValue() * 1000) / 1000.0;
                preferences.putDouble(DIVIDER_KEY, wantedShare);
            }
        });
        body.widthProperty().addListener((obs, old, w) ->
                javafx.application.Platform.runLater(() -> body.setDividerPositions(wantedShare)));
        // The image's share is a floor, not a default: the side never grows past the rest, dragged or resized.
        side.maxWidthProperty().bind(body.widthProperty().multiply(1 - MIN_IMAGE_SHARE).subtract(DIVIDER_ROOM));
        setCenter(body);
    }

    /** The full id of the shown variant on the clipboard (the list shows 8 characters). */
    public static void copyId(VariantDetailViewModel model) {
        var shown = model.shownProperty().get();
        if (shown != null) {
            ClipboardContent c = new ClipboardContent();
            c.putString(shown.row().variantId().toString());
            Clipboard.getSystemClipboard().setContent(c);
        }
    }

    /** Adds a tab before History (Review, Measured). */
    public void addSideTab(int index, Tab tab) {
        tab.setClosable(false);
        side.getTabs().add(Math.min(index, side.getTabs().size()), tab);
    }

    public TabPane sideTabs() {
        return side;
    }

    public ImageArea images() {
        return images;
    }

    public SplitPane body() {
        return body;
    }
}

package adreview.ui.detail;

import adreview.checks.MeasuredReport;
import adreview.ui.checks.OverlayBoxesLayer;
import adreview.ui.image.ImageState;
import adreview.ui.image.ZoomableImageView;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The image area of the detail pane: generated/render toggle and zoom buttons above, the zoomable
 * image (or a placeholder naming the missing or undecodable file) in the middle, the source below.
 */
public final class ImagePane extends BorderPane {

    private final ZoomableImageView imageView = new ZoomableImageView();
    private final Label placeholderTitle = new Label();
    private final Label placeholderDetail = new Label();
    private final VBox placeholder = new VBox(6);
    private final OverlayBoxesLayer boxesLayer = new OverlayBoxesLayer();
    private final ToggleButton boxes = new ToggleButton("Boxes");
    private final VariantDetailViewModel model;
    private MeasuredReport measured;

    public ImagePane(VariantDetailViewModel model) {
        this.model = model;
        getStyleClass().add("image-pane");
        imageView.setId("detailImage");

        ToggleGroup kinds = new ToggleGroup();
        ToggleButton generated = new ToggleButton(ImageKind.GENERATED.label());
        generated.setId("showGenerated");
        generated.setUserData(ImageKind.GENERATED);
        ToggleButton render = new ToggleButton(ImageKind.RENDER.label());
        render.setId("showRender");
        render.setUserData(ImageKind.RENDER);
        generated.setToggleGroup(kinds);
        render.setToggleGroup(kinds);
        generated.getStyleClass().addAll("segment", "segment-left");
        render.getStyleClass().addAll("segment", "segment-right");
        kinds.selectToggle(model.imageKindProperty().get() == ImageKind.RENDER ? render : generated);
        kinds.selectedToggleProperty().addListener((obs, old, t) -> {
            if (t == null) {
                kinds.selectToggle(old); // one of the two is always on
            } else {
                model.imageKindProperty().set((ImageKind) t.getUserData());
            }
        });
        model.imageKindProperty().addListener((obs, old, k) ->
                kinds.selectToggle(k == ImageKind.RENDER ? render : generated));
        generated.setTooltip(new Tooltip("The generated image (img_asset_id)  [G]"));
        render.setTooltip(new Tooltip("The ad with text overlaid (overlaid asset or layout.render.url)  [V]"));

        Button zoomOut = toolButton("−", "Zoom out  [-]", imageView::zoomOut);
        Button zoomIn = toolButton("+", "Zoom in  [+]", imageView::zoomIn);
        Button fit = toolButton("Fit", "Fit the image  [0]", imageView::fit);
        Button actual = toolButton("1:1", "Actual size", imageView::actualSize);
        Label zoom = new Label();
        zoom.getStyleClass().add("zoom-text");
        zoom.setMinWidth(Region.USE_PREF_SIZE);
        for (var b : java.util.List.of(generated, render, zoomOut, zoomIn, fit, actual)) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        zoom.textProperty().bind(imageView.zoomTextProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        boxes.setId("showBoxes");
        boxes.getStyleClass().add("tool-button");
        boxes.setFocusTraversable(false);
        boxes.setTooltip(new Tooltip("Measured text boxes over the render, coloured by verdict  [B]"));
        boxes.setMinWidth(Region.USE_PREF_SIZE);
        boxes.selectedProperty().addListener((obs, old, on) -> {
            if (on) {
                model.imageKindProperty().set(ImageKind.RENDER); // the boxes are measured on the render
            }
            showBoxes();
        });
        model.imageKindProperty().addListener((obs, old, k) -> {
            if (k != ImageKind.RENDER) {
                boxes.setSelected(false);
            }
        });
        HBox toolbar = new HBox(4, generated, render, boxes, spacer, zoom, zoomOut, zoomIn, fit, actual);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.getStyleClass().add("pane-toolbar");
        setTop(toolbar);

        placeholder.setId("imagePlaceholder");
        placeholder.getStyleClass().add("image-placeholder");
        placeholder.setAlignment(Pos.CENTER);
        placeholderTitle.getStyleClass().add("placeholder-title");
        placeholderDetail.getStyleClass().add("placeholder-detail");
        placeholderDetail.setWrapText(true);
        placeholderTitle.setId("imagePlaceholderTitle");
        placeholderDetail.setId("imagePlaceholderDetail");
        placeholder.getChildren().addAll(placeholderTitle, placeholderDetail);
        placeholder.setMaxSize(420, Region.USE_PREF_SIZE);
        boxesLayer.setId("boxesLayer");
        boxesLayer.setVisible(false);
        StackPane stage = new StackPane(imageView, boxesLayer, placeholder);
        stage.getStyleClass().add("image-stage");
        stage.setMinSize(120, 120);
        setCenter(stage);

        Label caption = new Label();
        caption.setId("imageCaption");
        caption.getStyleClass().add("image-caption");
        caption.textProperty().bind(model.imageSourceProperty());
        caption.setMaxWidth(Double.MAX_VALUE);
        setBottom(caption);

        model.imageProperty().addListener((obs, old, state) -> show(state));
        show(model.imageProperty().get());
    }

    /** The measured report of the variant shown (null while measuring or for none); the boxes layer draws it. */
    public void setMeasured(MeasuredReport report) {
        this.measured = report;
        showBoxes();
    }

    /** Boxes on: the layer shows the render with the report's boxes in place of the zoomable view. */
    private void showBoxes() {
        ImageState state = model.imageProperty().get();
        boolean on = boxes.isSelected() && state instanceof ImageState.Shown;
        boxesLayer.setVisible(on);
        imageView.setVisible(!on);
        boxesLayer.show(on ? ((ImageState.Shown) state).image() : null, on ? measured : null);
    }

    private void show(ImageState state) {
        if (state instanceof ImageState.Shown shown) {
            imageView.imageProperty().set(shown.image());
            placeholder.setVisible(false);
            showBoxes();
        } else {
            boxesLayer.setVisible(false);
            imageView.setVisible(true);
            imageView.imageProperty().set(null);
            placeholder.setVisible(true);
            placeholder.getStyleClass().remove("problem");
            if (state instanceof ImageState.Problem p) {
                placeholder.getStyleClass().add("problem");
                placeholderTitle.setText(p.title());
                placeholderDetail.setText(p.detail());
            } else if (state instanceof ImageState.Empty e) {
                placeholderTitle.setText(e.message());
                placeholderDetail.setText("");
            }
        }
    }

    /** The "Boxes" toggle (B). */
    public ToggleButton boxesToggle() {
        return boxes;
    }

    public OverlayBoxesLayer boxesLayer() {
        return boxesLayer;
    }

    public ZoomableImageView imageView() {
        return imageView;
    }

    private static Button toolButton(String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.getStyleClass().add("tool-button");
        b.setTooltip(new Tooltip(tip));
        b.setFocusTraversable(false);
        b.setOnAction(e -> action.run());
        return b;
    }
}

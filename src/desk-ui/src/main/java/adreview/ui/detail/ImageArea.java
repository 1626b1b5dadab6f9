package adreview.ui.detail;

import adreview.checks.MeasuredReport;
import adreview.ui.checks.OverlayBoxesLayer;
import adreview.ui.i18n.Messages;
import adreview.ui.image.ImageState;
import adreview.ui.image.ZoomLink;
import adreview.ui.image.ZoomableImageView;
import javafx.beans.binding.Bindings;
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

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The images of the shown variant: the generated image or the overlay render (G / V), or both side by side (W) with
 * one zoom and pan (Q swaps them), the measured text boxes over the render (B), zoom and pan (wheel, drag, + − 0 Z).
 * The same control fills the window in the large view (Space); there ←/→ bring the next variant and the zoom stays.
 */
public final class ImageArea extends BorderPane {

    private final VariantDetailViewModel model;
    private final ZoomLink link = new ZoomLink();
    private final Map<ImageKind, Slot> slots = new EnumMap<>(ImageKind.class);
    private final HBox sideBySide = new HBox(2);
    private final StackPane single = new StackPane();
    private final ToggleButton boxes = new ToggleButton(Messages.get("image.boxes"));
    private final Label zoomText = new Label();
    private Runnable onLarge = () -> { };
    private boolean swapped;
    private MeasuredReport measured;

    public ImageArea(VariantDetailViewModel model, String idPrefix) {
        this.model = model;
        getStyleClass().add("image-pane");
        for (ImageKind k : ImageKind.values()) {
            Slot slot = new Slot(k, idPrefix);
            slots.put(k, slot);
            slot.view.setLink(link);
        }
        slots.get(ImageKind.GENERATED).view.setId(idPrefix + "Image");
        slots.get(ImageKind.RENDER).view.setId(idPrefix + "RenderImage");

        ToggleGroup kinds = new ToggleGroup();
        ToggleButton generated = segment(ImageKind.GENERATED, idPrefix + "ShowGenerated", kinds, "image.generated.tip");
        ToggleButton render = segment(ImageKind.RENDER, idPrefix + "ShowRender", kinds, "image.render.tip");
        generated.getStyleClass().add("segment-left");
        render.getStyleClass().add("segment-right");
        kinds.selectToggle(model.imageKindProperty().get() == ImageKind.RENDER ? render : generated);
        kinds.selectedToggleProperty().addListener((obs, old, t) -> {
            if (t == null) {
                kinds.selectToggle(old); // one of the two is always on
            } else {
                model.imageKindProperty().set((ImageKind) t.getUserData());
            }
        });
        model.imageKindProperty().addListener((obs, old, k) -> kinds.selectToggle(k == ImageKind.RENDER ? render : generated));

        ToggleButton both = new ToggleButton(Messages.get("image.sideBySide"));
        both.setId(idPrefix + "SideBySide");
        both.getStyleClass().add("tool-button");
        both.setTooltip(new Tooltip(Messages.get("image.sideBySide.tip")));
        both.selectedProperty().bindBidirectional(model.sideBySideProperty());
        Button swap = toolButton(Messages.get("image.swap"), Messages.get("image.swap.tip"), this::swap);

        boxes.setId(idPrefix + "ShowBoxes");
        boxes.getStyleClass().add("tool-button");
        boxes.setTooltip(new Tooltip(Messages.get("image.boxes.tip")));
        boxes.selectedProperty().addListener((obs, old, on) -> {
            if (on && !model.sideBySideProperty().get()) {
                model.imageKindProperty().set(ImageKind.RENDER); // the boxes are measured on the render
            }
            showBoxes();
        });

        Button zoomOut = toolButton("−", Messages.get("image.zoomOut.tip"), this::zoomOut);
        Button zoomIn = toolButton("+", Messages.get("image.zoomIn.tip"), this::zoomIn);
        Button fit = toolButton(Messages.get("image.fit"), Messages.get("image.fit.tip"), this::fit);
        Button actual = toolButton("1:1", Messages.get("image.actual.tip"), this::actualSize);
        Button large = toolButton("⛶", Messages.get("image.large.tip"), () -> onLarge.run());
        large.setId(idPrefix + "LargeButton");
        zoomText.getStyleClass().add("zoom-text");
        zoomText.setMinWidth(Region.USE_PREF_SIZE);
        HBox views = new HBox(4, generated, render, both, swap, boxes);
        HBox zoom = new HBox(4, zoomText, zoomOut, zoomIn, fit, actual, large);
        for (HBox group : java.util.List.of(views, zoom)) {
            group.setAlignment(Pos.CENTER_LEFT);
            group.getChildren().forEach(n -> ((Region) n).setMinWidth(Region.USE_PREF_SIZE));
        }
        adreview.ui.EndsRow toolbar = new adreview.ui.EndsRow(views, zoom, 12);
        toolbar.getStyleClass().add("pane-toolbar");
        setTop(toolbar);

        sideBySide.getStyleClass().add("image-side-by-side");
        single.getStyleClass().add("image-stage");
        StackPane center = new StackPane(single, sideBySide);
        center.setMinSize(120, 120);
        setCenter(center);

        Label caption = new Label();
        caption.setId(idPrefix + "Caption");
        caption.getStyleClass().add("image-caption");
        caption.setMaxWidth(Double.MAX_VALUE);
        caption.textProperty().bind(Bindings.createStringBinding(() -> model.sideBySideProperty().get()
                        ? model.imageSourceProperty(ImageKind.GENERATED).get() + "   |   " + model.imageSourceProperty(ImageKind.RENDER).get()
                        : model.imageSourceProperty(model.imageKindProperty().get()).get(),
                model.sideBySideProperty(), model.imageKindProperty(), model.imageSourceProperty(ImageKind.GENERATED),
                model.imageSourceProperty(ImageKind.RENDER)));
        setBottom(caption);

        model.imageKindProperty().addListener((obs, old, k) -> arrange());
        model.sideBySideProperty().addListener((obs, old, on) -> arrange());
        arrange();
    }

    /** What the large-view button and a double-click on the image do. */
    public void setOnLarge(Runnable action) {
        this.onLarge = action == null ? () -> { } : action;
    }

    /** The measured report of the variant shown (null while measuring or for none); the boxes follow it. */
    public void setMeasured(MeasuredReport report) {
        this.measured = report;
        showBoxes();
    }

    /** Puts the slots in place: one image, or both (generated left unless swapped). */
    private void arrange() {
        boolean both = model.sideBySideProperty().get();
        single.getChildren().clear();
        sideBySide.getChildren().clear();
        if (both) {
            List<ImageKind> order = swapped ? List.of(ImageKind.RENDER, ImageKind.GENERATED)
                    : List.of(ImageKind.GENERATED, ImageKind.RENDER);
            for (ImageKind k : order) {
                Slot s = slots.get(k);
                HBox.setHgrow(s, Priority.ALWAYS);
                s.setMaxWidth(Double.MAX_VALUE);
                s.title.setVisible(true);
                sideBySide.getChildren().add(s);
            }
        } else {
            Slot s = slots.get(model.imageKindProperty().get());
            s.title.setVisible(false);
            single.getChildren().add(s);
        }
        sideBySide.setVisible(both);
        single.setVisible(!both);
        Slot shown = both ? slots.get(ImageKind.GENERATED) : slots.get(model.imageKindProperty().get());
        zoomText.textProperty().bind(shown.view.zoomTextProperty());
        showBoxes();
    }

    /** Q: the other image in the single view, or the two sides exchanged. */
    public void swap() {
        if (model.sideBySideProperty().get()) {
            swapped = !swapped;
            arrange();
        } else {
            model.imageKindProperty().set(model.imageKindProperty().get() == ImageKind.RENDER
                    ? ImageKind.GENERATED : ImageKind.RENDER);
        }
    }

    private ZoomableImageView active() {
        return model.sideBySideProperty().get() ? slots.get(ImageKind.GENERATED).view
                : slots.get(model.imageKindProperty().get()).view;
    }

    public void zoomIn() {
        active().zoomIn();
    }

    public void zoomOut() {
        active().zoomOut();
    }

    public void fit() {
        active().fit();
    }

    public void actualSize() {
        active().actualSize();
    }

    /** The "Boxes" toggle (B). */
    public ToggleButton boxesToggle() {
        return boxes;
    }

    /** The zoomable view of one image (tests look at its zoom). */
    /** The measured text boxes drawn over the render (shown while the boxes toggle is on). */
    public OverlayBoxesLayer boxesLayer() {
        return slots.get(ImageKind.RENDER).boxesLayer;
    }

    public ZoomableImageView view(ImageKind kind) {
        return slots.get(kind).view;
    }

    public ZoomLink link() {
        return link;
    }

    private void showBoxes() {
        Slot render = slots.get(ImageKind.RENDER);
        boolean on = boxes.isSelected() && render.getParent() != null;
        if (on) {
            ImageState state = model.imageProperty(ImageKind.RENDER).get();
            render.boxesLayer.show(state instanceof ImageState.Shown s ? s.image() : null, measured);
            render.view.setOverlay(render.boxesLayer);
        } else {
            render.view.setOverlay(null);
        }
    }

    private ToggleButton segment(ImageKind kind, String id, ToggleGroup group, String tipKey) {
        ToggleButton b = new ToggleButton(kind.label());
        b.setId(id);
        b.setUserData(kind);
        b.setToggleGroup(group);
        b.getStyleClass().add("segment");
        b.setTooltip(new Tooltip(Messages.get(tipKey)));
        return b;
    }

    private static Button toolButton(String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.getStyleClass().add("tool-button");
        b.setTooltip(new Tooltip(tip));
        b.setFocusTraversable(false);
        b.setOnAction(e -> action.run());
        return b;
    }

    /** One image: the zoomable view with the boxes layer, a placeholder for a missing image, a small title. */
    private final class Slot extends StackPane {
        final ZoomableImageView view = new ZoomableImageView();
        final OverlayBoxesLayer boxesLayer = OverlayBoxesLayer.boxesOnly();
        final Label title = new Label();
        private final Label placeholderTitle = new Label();
        private final Label placeholderDetail = new Label();
        private final VBox placeholder = new VBox(6, placeholderTitle, placeholderDetail);

        Slot(ImageKind kind, String idPrefix) {
            getStyleClass().add("image-slot");
            setMinSize(80, 80);
            String id = idPrefix + (kind == ImageKind.GENERATED ? "Placeholder" : "RenderPlaceholder");
            placeholder.setId(id);
            placeholderTitle.setId(id + "Title");
            placeholderDetail.setId(id + "Detail");
            placeholder.getStyleClass().add("image-placeholder");
            placeholder.setAlignment(Pos.CENTER);
            placeholder.setMaxSize(420, Region.USE_PREF_SIZE);
            placeholder.setMouseTransparent(true);
            placeholderTitle.getStyleClass().add("placeholder-title");
            placeholderDetail.getStyleClass().add("placeholder-detail");
            placeholderDetail.setWrapText(true);
            title.setText(kind.label());
            title.getStyleClass().add("image-slot-title");
            title.setMouseTransparent(true);
            StackPane.setAlignment(title, Pos.TOP_LEFT);
            getChildren().addAll(view, placeholder, title);
            view.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2) {
                    onLarge.run();
                }
            });
            model.imageProperty(kind).addListener((obs, old, state) -> show(state));
            show(model.imageProperty(kind).get());
        }

        private void show(ImageState state) {
            placeholder.getStyleClass().remove("problem");
            if (state instanceof ImageState.Shown shown) {
                view.imageProperty().set(shown.image());
                placeholder.setVisible(false);
                showBoxes();
            } else {
                view.imageProperty().set(null);
                placeholder.setVisible(true);
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
    }
}

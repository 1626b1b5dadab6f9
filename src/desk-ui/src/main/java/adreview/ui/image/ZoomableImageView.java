package adreview.ui.image;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Cursor;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;

/**
 * An image that fits its area and can be zoomed (wheel; the window's keys +, −, 0 fit, Z 100 %) and panned (drag).
 * The geometry lives in {@link ZoomModel}; this control only applies it.
 */
public final class ZoomableImageView extends Region {

    private final ImageView imageView = new ImageView();
    private final ZoomModel zoom = new ZoomModel();
    private final ObjectProperty<Image> image = new SimpleObjectProperty<>(this, "image");
    private final ReadOnlyStringWrapper zoomText = new ReadOnlyStringWrapper(this, "zoomText", "");
    private double dragX;
    private double dragY;
    private ZoomLink link;
    private OverlayPlacement overlay;

    /** A node drawn over the image in image pixels (the measured boxes); moved and scaled with the image. */
    public interface OverlayPlacement {
        javafx.scene.Node node();

        /** The image is shown at {@code scale} with its top-left corner at ({@code x}, {@code y}). */
        void place(double scale, double x, double y);
    }

    public ZoomableImageView() {
        getStyleClass().add("zoomable-image");
        imageView.setPreserveRatio(false);
        imageView.setSmooth(true);
        getChildren().add(imageView);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        setFocusTraversable(true);

        image.addListener((obs, old, img) -> {
            imageView.setImage(img);
            if (img != null) {
                zoom.setImage(img.getWidth(), img.getHeight());
            } else {
                zoom.setImage(0, 0);
            }
            // A linked view shows a new image (the next variant, the other side) as the link says.
            if (link != null && !link.view().fitted() && getWidth() > 0) {
                applyLinked(link.view());
            } else {
                apply();
            }
        });
        addEventHandler(ScrollEvent.SCROLL, this::onScroll);
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::onPressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::onDragged);
        addEventHandler(MouseEvent.MOUSE_RELEASED, e -> setCursor(Cursor.DEFAULT));
    }

    /** Shares zoom and pan with the link's other views ({@code null} unlinks). */
    public void setLink(ZoomLink newLink) {
        if (link != null) {
            link.leave(this);
        }
        link = newLink;
        if (link != null) {
            link.join(this);
            if (!link.view().fitted()) {
                applyLinked(link.view());
            }
        }
    }

    /** Draws {@code placement}'s node over the image, following zoom and pan ({@code null} removes it). */
    public void setOverlay(OverlayPlacement placement) {
        if (overlay != null) {
            getChildren().remove(overlay.node());
        }
        overlay = placement;
        if (overlay != null) {
            overlay.node().setManaged(false);
            overlay.node().setMouseTransparent(true);
            getChildren().add(overlay.node());
        }
        apply();
    }

    /** Takes over a linked view's zoom and pan. */
    void applyLinked(ZoomLink.View v) {
        if (v.fitted()) {
            zoom.fit();
        } else {
            zoom.applyRelative(v.relativeScale(), v.centerX(), v.centerY());
        }
        applyOnly();
    }

    public ObjectProperty<Image> imageProperty() {
        return image;
    }

    /** "Fit (42 %)" or "150 %". */
    public ReadOnlyStringProperty zoomTextProperty() {
        return zoomText.getReadOnlyProperty();
    }

    public void zoomIn() {
        zoom.zoom(ZoomModel.STEP);
        apply();
    }

    public void zoomOut() {
        zoom.zoom(1 / ZoomModel.STEP);
        apply();
    }

    public void fit() {
        zoom.fit();
        apply();
    }

    public void actualSize() {
        zoom.actualSize();
        apply();
    }

    @Override
    protected void layoutChildren() {
        zoom.setViewport(getWidth(), getHeight());
        if (link != null && !link.view().fitted()) {
            applyLinked(link.view()); // a resize keeps the shared view, it does not change it
        } else {
            applyOnly();
        }
    }

    /** Applies the geometry and tells the link (a change made here). */
    private void apply() {
        applyOnly();
        if (link != null && image.get() != null && getWidth() > 0) {
            link.publish(this, zoom.isFitted() ? ZoomLink.View.FIT
                    : new ZoomLink.View(false, zoom.relativeScale(), zoom.centerX(), zoom.centerY()));
        }
    }

    private void applyOnly() {
        Image img = image.get();
        if (overlay != null) {
            overlay.node().setVisible(img != null);
            if (img != null) {
                overlay.place(zoom.scale(), zoom.x(), zoom.y());
            }
        }
        if (img == null) {
            zoomText.set("");
            return;
        }
        imageView.setFitWidth(img.getWidth() * zoom.scale());
        imageView.setFitHeight(img.getHeight() * zoom.scale());
        imageView.relocate(zoom.x(), zoom.y());
        int percent = (int) Math.round(zoom.scale() * 100);
        zoomText.set(zoom.isFitted() ? adreview.ui.i18n.Messages.get("zoom.fit", percent) : percent + " %");
    }

    private void onScroll(ScrollEvent e) {
        if (image.get() == null || e.getDeltaY() == 0) {
            return;
        }
        zoom.zoomAt(e.getDeltaY() > 0 ? ZoomModel.STEP : 1 / ZoomModel.STEP, e.getX(), e.getY());
        apply();
        e.consume();
    }

    private void onPressed(MouseEvent e) {
        requestFocus();
        if (e.getButton() == MouseButton.PRIMARY) {
            dragX = e.getX();
            dragY = e.getY();
            if (e.getClickCount() == 2) {
                fit();
            }
        }
    }

    private void onDragged(MouseEvent e) {
        if (image.get() == null || !e.isPrimaryButtonDown()) {
            return;
        }
        setCursor(Cursor.CLOSED_HAND);
        zoom.panBy(e.getX() - dragX, e.getY() - dragY);
        dragX = e.getX();
        dragY = e.getY();
        apply();
    }
}

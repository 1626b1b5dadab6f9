package adreview.ui.image;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Cursor;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;

/**
 * An image that fits its area and can be zoomed (wheel, +/-, 0 = fit, Z = 100 %) and panned (drag). Not 1:
 * the digits 1 and 2 start Stage 1 / Stage 2 anywhere in the desk.
 * The geometry lives in {@link ZoomModel}; this control only applies it.
 */
public final class ZoomableImageView extends Region {

    private final ImageView imageView = new ImageView();
    private final ZoomModel zoom = new ZoomModel();
    private final ObjectProperty<Image> image = new SimpleObjectProperty<>(this, "image");
    private final ReadOnlyStringWrapper zoomText = new ReadOnlyStringWrapper(this, "zoomText", "");
    private double dragX;
    private double dragY;

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
            apply();
        });
        addEventHandler(ScrollEvent.SCROLL, this::onScroll);
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::onPressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::onDragged);
        addEventHandler(MouseEvent.MOUSE_RELEASED, e -> setCursor(Cursor.DEFAULT));
        addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
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
        apply();
    }

    private void apply() {
        Image img = image.get();
        if (img == null) {
            zoomText.set("");
            return;
        }
        imageView.setFitWidth(img.getWidth() * zoom.scale());
        imageView.setFitHeight(img.getHeight() * zoom.scale());
        imageView.relocate(zoom.x(), zoom.y());
        int percent = (int) Math.round(zoom.scale() * 100);
        zoomText.set(zoom.isFitted() ? "Fit (" + percent + " %)" : percent + " %");
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

    private void onKey(KeyEvent e) {
        KeyCode code = e.getCode();
        String text = e.getText();
        if (code == KeyCode.PLUS || code == KeyCode.ADD || code == KeyCode.EQUALS || "+".equals(text)) {
            zoomIn();
        } else if (code == KeyCode.MINUS || code == KeyCode.SUBTRACT || "-".equals(text)) {
            zoomOut();
        } else if (code == KeyCode.DIGIT0 || code == KeyCode.NUMPAD0) {
            fit();
        } else if (code == KeyCode.Z) {
            actualSize();
        } else {
            return;
        }
        e.consume();
    }
}

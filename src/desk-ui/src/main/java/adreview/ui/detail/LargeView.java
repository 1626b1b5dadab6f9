package adreview.ui.detail;

import adreview.ui.i18n.Messages;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The large view (Space, or a double-click on the image): the shown variant's images fill the window, over
 * everything else. ←/→ bring the previous or next variant of the list with the zoom and pan kept (the image area's
 * {@link adreview.ui.image.ZoomLink} keeps its view across images); G, V, W, Q, B and the zoom keys work as in the
 * detail area; Esc or Space closes it.
 */
public final class LargeView extends BorderPane {

    private final BooleanProperty open = new SimpleBooleanProperty(false);
    private final ImageArea images;

    public LargeView(VariantDetailViewModel model) {
        setId("largeView");
        getStyleClass().add("large-view");
        images = new ImageArea(model, "large");
        Label title = new Label();
        title.setId("largeTitle");
        title.getStyleClass().add("large-title");
        title.textProperty().bind(Bindings.concat(model.titleProperty(), "   ", model.subtitleProperty()));
        Label hint = new Label(Messages.get("large.hint"));
        hint.getStyleClass().add("large-hint");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(12, title, spacer, hint);
        top.setAlignment(Pos.CENTER_LEFT);
        top.getStyleClass().add("large-top");
        setTop(top);
        setCenter(images);
        visibleProperty().bind(open);
        managedProperty().bind(open);
        images.setOnLarge(() -> open.set(false));
    }

    /** True while the large view covers the window. */
    public BooleanProperty openProperty() {
        return open;
    }

    public ImageArea images() {
        return images;
    }
}

package adreview.ui.review;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.effect.DropShadow;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The ad copy set as Stage 1 advises (style, size, colour) over the variant image, so the reviewer sees
 * the advice rather than reads it. Without an image the copy is set over a neutral mid-grey panel.
 */
final class FontPreview extends VBox {

    private static final double PREVIEW_WIDTH = 340;
    private static Set<String> installedFamilies;

    private final ObjectProperty<FontPreviewSpec> spec = new SimpleObjectProperty<>();
    private final StringProperty copy = new SimpleStringProperty("");
    private final StringProperty imageUri = new SimpleStringProperty();

    private final ImageView imageView = new ImageView();
    private final Region placeholder = new Region();
    private final Text text = new Text();
    private final StackPane canvas = new StackPane();
    private final Label caption = new Label();
    private final Label family = new Label();
    private final Label note = new Label();
    private boolean loading;

    FontPreview() {
        getStyleClass().add("rv-font-preview");
        setSpacing(6);
        imageView.setPreserveRatio(true);
        imageView.setSmooth(true);
        imageView.setFitWidth(PREVIEW_WIDTH);
        placeholder.getStyleClass().add("rv-font-placeholder");
        placeholder.setPrefSize(PREVIEW_WIDTH, PREVIEW_WIDTH * 0.66);
        text.setTextAlignment(TextAlignment.CENTER);
        text.getStyleClass().add("rv-font-sample");
        text.setId("fontPreviewText");
        StackPane.setAlignment(text, Pos.BOTTOM_CENTER);
        canvas.getChildren().addAll(placeholder, imageView, text);
        canvas.getStyleClass().add("rv-font-canvas");
        canvas.setMaxWidth(Region.USE_PREF_SIZE);
        Rectangle clip = new Rectangle();
        clip.setArcWidth(10);
        clip.setArcHeight(10);
        clip.widthProperty().bind(canvas.widthProperty());
        clip.heightProperty().bind(canvas.heightProperty());
        canvas.setClip(clip);

        caption.getStyleClass().add("rv-font-caption");
        caption.setId("fontPreviewCaption");
        family.getStyleClass().add("rv-muted");
        note.getStyleClass().add("rv-note");
        note.setWrapText(true);
        note.managedProperty().bind(note.visibleProperty());
        note.setMaxWidth(PREVIEW_WIDTH);
        getChildren().addAll(canvas, caption, family, note);

        spec.addListener((o, a, b) -> update());
        copy.addListener((o, a, b) -> update());
        imageUri.addListener((o, a, b) -> loadImage());
    }

    ObjectProperty<FontPreviewSpec> specProperty() {
        return spec;
    }

    StringProperty copyProperty() {
        return copy;
    }

    StringProperty imageUriProperty() {
        return imageUri;
    }

    private void loadImage() {
        String uri = imageUri.get();
        imageView.setImage(null);
        showPlaceholder(true);
        if (uri == null) {
            update();
            return;
        }
        // Decoded in the background: a large PNG must not hold up the FX thread.
        // JavaFX decodes this one; the header is checked first so that a header bomb never reaches it.
        if (!adreview.ui.image.ImageDecoder.withinDefaultLimits(uri)) {
            update();
            return;
        }
        loading = true;
        Image img = new Image(uri, PREVIEW_WIDTH * 2, 0, true, true, true);
        Runnable done = () -> {
            if (!uri.equals(imageUri.get())) {
                return; // another variant meanwhile
            }
            loading = false;
            boolean ok = !img.isError();
            imageView.setImage(ok ? img : null);
            showPlaceholder(!ok);
            update();
        };
        if (img.getProgress() >= 1.0) {
            done.run();
        } else {
            img.progressProperty().addListener((o, a, p) -> {
                if (p.doubleValue() >= 1.0) {
                    done.run();
                }
            });
            img.errorProperty().addListener((o, a, e) -> {
                if (e) {
                    done.run();
                }
            });
        }
    }

    /** True once the image (or the placeholder, when there is none) is in place: for tests and screenshots. */
    boolean isImageSettled() {
        return !loading;
    }

    private void showPlaceholder(boolean show) {
        placeholder.setVisible(show);
        placeholder.setManaged(show);
    }

    private void update() {
        FontPreviewSpec s = spec.get();
        if (s == null) {
            text.setText("");
            caption.setText("");
            family.setText("");
            note.setVisible(false);
            return;
        }
        double width = PREVIEW_WIDTH;
        double height = imageView.getImage() == null ? PREVIEW_WIDTH * 0.66
                : PREVIEW_WIDTH * imageView.getImage().getHeight() / imageView.getImage().getWidth();
        String fam = firstInstalled(s.families());
        double size = Math.max(9, s.sizeFraction() * width);
        text.setFont(Font.font(fam, s.bold() ? FontWeight.BOLD : FontWeight.NORMAL, size));
        text.setText(copy.get());
        text.setWrappingWidth(width * 0.86);
        text.setFill(Color.web(s.fill()));
        DropShadow shadow = new DropShadow(s.fill().equals("#15171a") ? 3 : 6, Color.web(s.shadow()));
        shadow.setOffsetY(s.fill().equals("#15171a") ? 0 : 1.5);
        text.setEffect(shadow);
        StackPane.setMargin(text, new Insets(0, 0, height * 0.12, 0));
        caption.setText(s.caption());
        family.setText(adreview.ui.i18n.Messages.get(s.bold() ? "font.family.bold" : "font.family", fam,
                String.valueOf(Math.round(size))));
        note.setText(s.note());
        note.setVisible(!s.note().isEmpty());
    }

    /** The first family of the list that is installed; JavaFX would otherwise silently use its default font. */
    static String firstInstalled(List<String> families) {
        if (installedFamilies == null) {
            installedFamilies = new HashSet<>(Font.getFamilies());
        }
        for (String f : families) {
            if (installedFamilies.contains(f) || f.equals("Serif") || f.equals("SansSerif")) {
                return f;
            }
        }
        return families.get(families.size() - 1);
    }
}

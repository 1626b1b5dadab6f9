package adreview.ui.checks;

import adreview.checks.BoxContrast;
import adreview.checks.MeasuredReport;
import adreview.checks.OcclusionResult;
import adreview.checks.Rect;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The rendered ad with its text boxes drawn over it, each outlined in its WCAG AA verdict's colour
 * and tagged with the measured ratio; boxes flagged for occlusion say how much lies over the
 * subject, whose bounds are drawn dashed in blue. The image scales to fit the layer, keeping its
 * aspect, top-aligned; the nodes are made once per {@link #show} and only moved on resize.
 */
public class OverlayBoxesLayer extends Region implements adreview.ui.image.ZoomableImageView.OverlayPlacement {

    /** A node placed in image pixels: a rectangle scales with the image, a tag only moves. */
    private record Placed(Node node, Rect at, boolean tagBelow) {
    }

    private final ImageView view = new ImageView();
    private final List<Placed> placed = new ArrayList<>();
    /** Boxes only, placed by a zoomable image view ({@link #place}); false: the layer shows and fits the image itself. */
    private final boolean placedOutside;
    private double imageWidth;

    /** A layer that shows the render itself, fitted and top-aligned, with the boxes over it. */
    public OverlayBoxesLayer() {
        this(false);
    }

    private OverlayBoxesLayer(boolean placedOutside) {
        this.placedOutside = placedOutside;
        view.setPreserveRatio(true);
        view.setSmooth(true);
        if (!placedOutside) {
            getChildren().add(view);
        }
        getStyleClass().add("overlay-boxes-layer");
    }

    /** Boxes only, to lay over a {@link adreview.ui.image.ZoomableImageView} ({@code setOverlay}): they follow its zoom. */
    public static OverlayBoxesLayer boxesOnly() {
        return new OverlayBoxesLayer(true);
    }

    @Override
    public javafx.scene.Node node() {
        return this;
    }

    /** Places the boxes for an image shown at {@code scale} with its top-left corner at ({@code ox}, {@code oy}). */
    @Override
    public void place(double scale, double ox, double oy) {
        placeNodes(scale, ox, oy, imageWidth * scale);
    }

    /** Shows an image (the render) and the report's boxes over it; either may be null. */
    public void show(Image render, MeasuredReport report) {
        view.setImage(render);
        imageWidth = render == null ? 0 : render.getWidth();
        if (placedOutside) {
            getChildren().clear();
        } else {
            getChildren().setAll(view);
        }
        placed.clear();
        if (report != null) {
            build(report);
        }
        requestLayout();
    }

    private void build(MeasuredReport report) {
        Map<Integer, OcclusionResult.BoxOcclusion> occlusion = new HashMap<>();
        report.occlusion().boxes().forEach(b -> occlusion.put(b.box(), b));
        Rect subject = report.occlusion().subjectBounds();
        if (subject != null) {
            Rectangle s = outline(VerdictStyle.SUBJECT, false);
            s.getStrokeDashArray().setAll(8.0, 6.0);
            s.setStrokeWidth(2);
            add(s, subject, false);
            add(tag(adreview.ui.i18n.Messages.get("measured.subject"), VerdictStyle.SUBJECT), subject, true);
        }
        List<Placed> tags = new ArrayList<>();
        for (BoxContrast c : report.contrast()) {
            Color colour = VerdictStyle.colour(c.aa());
            Rect at = new Rect(c.x(), c.y(), c.w(), c.h());
            add(outline(colour, true), at, false);
            StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%s %.2f:1 %s",
                    c.role() == null || c.role().isEmpty() ? "#" + c.box() : c.role(), c.worstRatio(), VerdictStyle.word(c.aa())));
            OcclusionResult.BoxOcclusion o = occlusion.get(c.box());
            if (o != null && o.flagged()) {
                text.append(" · ").append(adreview.ui.i18n.Messages.get("measured.onSubject",
                        String.format(Locale.ROOT, "%.0f", o.overSubject() * 100)));
            }
            tags.add(new Placed(tag(text.toString(), colour), at, false));
        }
        // Tags last, so that no outline crosses a tag's text.
        for (Placed t : tags) {
            add(t.node(), t.at(), false);
        }
    }

    private void add(Node node, Rect at, boolean below) {
        node.setManaged(false);
        node.setMouseTransparent(true);
        placed.add(new Placed(node, at, below));
        getChildren().add(node);
    }

    @Override
    protected double computePrefWidth(double height) {
        Image img = view.getImage();
        return img == null ? 360 : Math.min(img.getWidth(), 480);
    }

    @Override
    protected double computePrefHeight(double width) {
        Image img = view.getImage();
        if (img == null) {
            return 480;
        }
        double w = width > 0 ? width : computePrefWidth(-1);
        return w * img.getHeight() / img.getWidth();
    }

    @Override
    protected void layoutChildren() {
        Image img = view.getImage();
        if (placedOutside || img == null || img.getWidth() <= 0) {
            return;
        }
        double scale = Math.min(getWidth() / img.getWidth(), getHeight() / img.getHeight());
        double dw = img.getWidth() * scale;
        double ox = (getWidth() - dw) / 2;
        view.setFitWidth(dw);
        view.setFitHeight(img.getHeight() * scale);
        view.relocate(ox, 0);
        placeNodes(scale, ox, 0, dw);
    }

    private void placeNodes(double scale, double ox, double oy, double dw) {
        for (Placed p : placed) {
            double x = ox + p.at().x() * scale;
            double y = oy + p.at().y() * scale;
            if (p.node() instanceof Rectangle r) {
                r.setX(x);
                r.setY(y);
                r.setWidth(p.at().w() * scale);
                r.setHeight(p.at().h() * scale);
            } else if (p.node() instanceof Label l) {
                double w = l.prefWidth(-1);
                double h = l.prefHeight(-1);
                double ty = p.tagBelow() ? y + p.at().h() * scale + 2 : y - h - 1;
                double tx = Math.max(ox, Math.min(x, ox + dw - w));
                if (!p.tagBelow() && overlapsAnotherBox(p.at(), tx, ty, w, h, ox, oy, scale)) {
                    // No room above: below the box, or else inside its top edge.
                    double below = y + p.at().h() * scale + 1;
                    ty = overlapsAnotherBox(p.at(), tx, below, w, h, ox, oy, scale) ? y + 1 : below;
                }
                l.resizeRelocate(tx, Math.max(0, ty), w, h);
            }
        }
    }


    /** Whether a tag placed at (x, y, w, h) would cover another text box's outline. */
    private boolean overlapsAnotherBox(Rect own, double x, double y, double w, double h, double ox, double oy,
                                       double scale) {
        for (Placed p : placed) {
            if (p.node() instanceof Rectangle r && !p.at().equals(own) && r.getStrokeDashArray().isEmpty()) {
                double bx = ox + p.at().x() * scale;
                double by = oy + p.at().y() * scale;
                if (x < bx + p.at().w() * scale && x + w > bx && y < by + p.at().h() * scale && y + h > by) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Rectangle outline(Color stroke, boolean tint) {
        Rectangle r = new Rectangle();
        r.setFill(tint ? stroke.deriveColor(0, 1, 1, 0.10) : Color.TRANSPARENT);
        r.setStroke(stroke);
        r.setStrokeWidth(3);
        return r;
    }

    private static Label tag(String text, Color colour) {
        Label l = new Label(text);
        l.setFont(Font.font("System", FontWeight.BOLD, 11));
        l.setTextFill(Color.WHITE);
        l.setPadding(new Insets(1, 5, 1, 5));
        l.setStyle("-fx-background-color: " + VerdictStyle.web(colour) + "; -fx-background-radius: 3;");
        return l;
    }
}

package adreview.ui.review;

import javafx.scene.Node;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Circle;
import javafx.scene.shape.SVGPath;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;

/**
 * Small vector icons (pass / fail marks, bullets), drawn as shapes so they look the same whatever fonts
 * are installed. Colours come from desk.css ({@code .rv-icon-pass}, {@code .rv-icon-fail}, …).
 */
final class ReviewIcons {

    private ReviewIcons() {
    }

    /** A filled circle with a check mark (pass) or a cross (fail). */
    static Node mark(boolean pass, double diameter) {
        Circle disc = new Circle(diameter / 2);
        disc.getStyleClass().add(pass ? "rv-icon-disc-pass" : "rv-icon-disc-fail");
        SVGPath glyph = new SVGPath();
        glyph.setContent(pass ? "M 0 5 L 3.5 8.5 L 10 1.5" : "M 1 1 L 9 9 M 9 1 L 1 9");
        glyph.getStyleClass().add("rv-icon-glyph");
        glyph.setStrokeLineCap(StrokeLineCap.ROUND);
        glyph.setStrokeLineJoin(StrokeLineJoin.ROUND);
        double scale = diameter / 18.0;
        glyph.setScaleX(scale);
        glyph.setScaleY(scale);
        StackPane p = new StackPane(disc, glyph);
        p.setMinSize(diameter, diameter);
        p.setMaxSize(diameter, diameter);
        p.getStyleClass().add(pass ? "rv-icon-pass" : "rv-icon-fail");
        return p;
    }

    /** A small round bullet for list items; {@code kind} picks its colour (issue, recommendation). */
    static Node bullet(String kind) {
        Circle c = new Circle(3.2);
        c.getStyleClass().addAll("rv-bullet", "rv-bullet-" + kind);
        StackPane p = new StackPane(c);
        p.setMinSize(12, 18);
        p.setMaxSize(12, 18);
        return p;
    }
}

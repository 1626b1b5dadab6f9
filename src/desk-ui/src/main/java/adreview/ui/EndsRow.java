package adreview.ui;

import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.layout.Pane;

/**
 * Two nodes on one line, the first at the start and the second at the end; when the line is narrower than both
 * (the side panel at 1280 px), the second goes under the first instead of both being cut to "…". Toolbars, headers
 * and status lines of the narrow panels use it.
 */
public final class EndsRow extends Pane {

    private final Node start;
    private final Node end;
    private final double gap;

    public EndsRow(Node start, Node end, double gap) {
        this.start = start;
        this.end = end;
        this.gap = gap;
        getChildren().addAll(start, end);
    }

    /** The width a node asks for, within its own minimum and maximum (a wrapping label's maximum caps its line). */
    private static double width(Node n) {
        return Math.min(Math.max(n.prefWidth(-1), n.minWidth(-1)), n.maxWidth(-1));
    }

    private boolean fits(double width) {
        Insets in = getInsets();
        return width < 0 || width(start) + gap + width(end) <= width - in.getLeft() - in.getRight();
    }

    /** Its height depends on its width (one line or two): parents ask for the height at the width they give. */
    @Override
    public javafx.geometry.Orientation getContentBias() {
        return javafx.geometry.Orientation.HORIZONTAL;
    }

    @Override
    protected double computeMinWidth(double height) {
        Insets in = getInsets();
        return in.getLeft() + Math.max(start.minWidth(-1), end.minWidth(-1)) + in.getRight();
    }

    @Override
    protected double computePrefWidth(double height) {
        Insets in = getInsets();
        return in.getLeft() + width(start) + gap + width(end) + in.getRight();
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected double computePrefHeight(double width) {
        Insets in = getInsets();
        double inner = width < 0 ? -1 : width - in.getLeft() - in.getRight();
        double h = fits(width)
                ? Math.max(start.prefHeight(-1), end.prefHeight(-1))
                : start.prefHeight(inner) + gap / 2 + end.prefHeight(inner);
        return in.getTop() + h + in.getBottom();
    }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        double x = in.getLeft();
        double y = in.getTop();
        double w = getWidth() - in.getLeft() - in.getRight();
        double h = getHeight() - in.getTop() - in.getBottom();
        if (fits(getWidth())) {
            double endWidth = width(end);
            double startWidth = Math.min(width(start), w - endWidth - gap);
            layoutInArea(start, x, y, startWidth, h, 0, Insets.EMPTY, HPos.LEFT, VPos.CENTER);
            layoutInArea(end, x + w - endWidth, y, endWidth, h, 0, Insets.EMPTY, HPos.RIGHT, VPos.CENTER);
        } else {
            double startHeight = start.prefHeight(w);
            layoutInArea(start, x, y, w, startHeight, 0, Insets.EMPTY, HPos.LEFT, VPos.TOP);
            layoutInArea(end, x, y + startHeight + gap / 2, w, h - startHeight - gap / 2, 0, Insets.EMPTY,
                    HPos.LEFT, VPos.TOP);
        }
    }
}

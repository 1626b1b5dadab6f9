package adreview.ui.review;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.layout.Region;

/**
 * A horizontal gauge for a score in [0, 1]: a track, a fill coloured by the score band (style classes
 * {@code rv-score-good|fair|poor} on the bar) and tick marks at the band limits 0.4 and 0.7.
 */
final class ScoreBar extends Region {

    private final Region track = new Region();
    private final Region fill = new Region();
    private final Region tickFair = new Region();
    private final Region tickGood = new Region();
    private final DoubleProperty value = new SimpleDoubleProperty(0);

    ScoreBar() {
        getStyleClass().add("rv-score-bar");
        track.getStyleClass().add("rv-score-track");
        fill.getStyleClass().add("rv-score-fill");
        tickFair.getStyleClass().add("rv-score-tick");
        tickGood.getStyleClass().add("rv-score-tick");
        getChildren().addAll(track, fill, tickFair, tickGood);
        value.addListener((o, a, b) -> requestLayout());
        setMinHeight(12);
        setPrefHeight(12);
        setMaxHeight(12);
        setPrefWidth(220);
    }

    DoubleProperty valueProperty() {
        return value;
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        track.resizeRelocate(0, 0, w, h);
        double v = Math.max(0, Math.min(1, value.get()));
        fill.resizeRelocate(0, 0, Math.max(v > 0 ? h : 0, w * v), h);
        tickFair.resizeRelocate(Math.round(w * 0.4), 0, 1, h);
        tickGood.resizeRelocate(Math.round(w * 0.7), 0, 1, h);
    }
}

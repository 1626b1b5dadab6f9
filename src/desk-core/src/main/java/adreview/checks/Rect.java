package adreview.checks;

/** An axis-aligned rectangle in image pixels. */
public record Rect(int x, int y, int w, int h) {
}

package adreview.ui.image;

/**
 * The geometry of a zoomable, pannable image in a viewport, without JavaFX: scale and the image's
 * top-left position in viewport coordinates. "Fit" scales the whole image into the viewport
 * (never above 100 %) and stays in effect across resizes until the user zooms or pans.
 */
public final class ZoomModel {

    public static final double MAX_SCALE = 16.0;
    public static final double STEP = 1.25;

    private double imageWidth;
    private double imageHeight;
    private double viewWidth;
    private double viewHeight;
    private double scale = 1.0;
    private double x;
    private double y;
    private boolean fitted = true;

    /** A new image: dimensions set, back to fit. */
    public void setImage(double width, double height) {
        this.imageWidth = width;
        this.imageHeight = height;
        fit();
    }

    /** The viewport changed size; keeps fit if in effect, else keeps the centre where it was. */
    public void setViewport(double width, double height) {
        double oldW = viewWidth;
        double oldH = viewHeight;
        this.viewWidth = width;
        this.viewHeight = height;
        if (fitted) {
            fit();
        } else {
            x += (width - oldW) / 2;
            y += (height - oldH) / 2;
            clamp();
        }
    }

    public void fit() {
        fitted = true;
        if (imageWidth <= 0 || imageHeight <= 0 || viewWidth <= 0 || viewHeight <= 0) {
            scale = 1.0;
            x = 0;
            y = 0;
            return;
        }
        scale = Math.min(1.0, Math.min(viewWidth / imageWidth, viewHeight / imageHeight));
        x = (viewWidth - imageWidth * scale) / 2;
        y = (viewHeight - imageHeight * scale) / 2;
    }

    /** Shows the image at 100 %, centred. */
    public void actualSize() {
        fitted = false;
        scale = 1.0;
        x = (viewWidth - imageWidth) / 2;
        y = (viewHeight - imageHeight) / 2;
        clamp();
    }

    /** Zooms by {@code factor} keeping the image point under ({@code px}, {@code py}) where it is. */
    public void zoomAt(double factor, double px, double py) {
        double newScale = Math.max(minScale(), Math.min(MAX_SCALE, scale * factor));
        if (newScale == scale) {
            return;
        }
        fitted = false;
        x = px - (px - x) * newScale / scale;
        y = py - (py - y) * newScale / scale;
        scale = newScale;
        clamp();
    }

    /** Zooms by {@code factor} around the viewport centre (keyboard +/-). */
    public void zoom(double factor) {
        zoomAt(factor, viewWidth / 2, viewHeight / 2);
    }

    public void panBy(double dx, double dy) {
        fitted = false;
        x += dx;
        y += dy;
        clamp();
    }

    /** Smallest scale allowed: a quarter of the fit scale, so the image cannot vanish. */
    private double minScale() {
        if (imageWidth <= 0 || imageHeight <= 0 || viewWidth <= 0 || viewHeight <= 0) {
            return 0.01;
        }
        return Math.min(1.0, Math.min(viewWidth / imageWidth, viewHeight / imageHeight)) / 4;
    }

    /** Keeps at least a third of the viewport (or of the image, if smaller) covered by the image. */
    private void clamp() {
        double w = imageWidth * scale;
        double h = imageHeight * scale;
        double keepX = Math.min(w, viewWidth) / 3;
        double keepY = Math.min(h, viewHeight) / 3;
        x = Math.max(keepX - w, Math.min(viewWidth - keepX, x));
        y = Math.max(keepY - h, Math.min(viewHeight - keepY, y));
    }

    /** The scale relative to "fit": 1 when fitted, 2 when twice as large as fitted. */
    public double relativeScale() {
        double f = fitScale();
        return f <= 0 ? 1 : scale / f;
    }

    /** The image point at the viewport's centre, as a fraction of the image's width (0 left … 1 right). */
    public double centerX() {
        return imageWidth <= 0 || scale <= 0 ? 0.5 : (viewWidth / 2 - x) / (imageWidth * scale);
    }

    /** The image point at the viewport's centre, as a fraction of the image's height. */
    public double centerY() {
        return imageHeight <= 0 || scale <= 0 ? 0.5 : (viewHeight / 2 - y) / (imageHeight * scale);
    }

    /**
     * Shows the image at {@code relativeScale} times its fit scale with the image point ({@code cx}, {@code cy})
     * (fractions of its size) at the viewport's centre: how a linked view (the other image side by side, the next
     * image of the large view) takes over this view's zoom and pan.
     */
    public void applyRelative(double relativeScale, double cx, double cy) {
        double f = fitScale();
        if (f <= 0) {
            return;
        }
        fitted = false;
        scale = Math.max(minScale(), Math.min(MAX_SCALE, f * relativeScale));
        x = viewWidth / 2 - cx * imageWidth * scale;
        y = viewHeight / 2 - cy * imageHeight * scale;
        clamp();
    }

    private double fitScale() {
        if (imageWidth <= 0 || imageHeight <= 0 || viewWidth <= 0 || viewHeight <= 0) {
            return 0;
        }
        return Math.min(1.0, Math.min(viewWidth / imageWidth, viewHeight / imageHeight));
    }

    public double scale() {
        return scale;
    }

    public double x() {
        return x;
    }

    public double y() {
        return y;
    }

    public boolean isFitted() {
        return fitted;
    }
}

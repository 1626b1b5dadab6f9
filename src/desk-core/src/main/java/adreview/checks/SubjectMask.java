package adreview.checks;

/**
 * The subject of an image as a grid×grid mask over the whole image (each cell covers
 * width/grid × height/grid pixels), with the overlap of a rectangle computed exactly from the
 * cells' areas.
 */
public final class SubjectMask {

    private final int grid;
    private final boolean[] cells;
    private final int width;
    private final int height;

    public SubjectMask(int grid, boolean[] cells, int width, int height) {
        if (cells.length != grid * grid) {
            throw new IllegalArgumentException("mask has " + cells.length + " cells, expected " + grid * grid);
        }
        this.grid = grid;
        this.cells = cells.clone();
        this.width = width;
        this.height = height;
    }

    public int grid() {
        return grid;
    }

    public boolean cell(int cx, int cy) {
        return cells[cy * grid + cx];
    }

    public int imageWidth() {
        return width;
    }

    public int imageHeight() {
        return height;
    }

    /** Share of the image covered by the subject. */
    public double share() {
        int n = 0;
        for (boolean c : cells) {
            if (c) {
                n++;
            }
        }
        return (double) n / cells.length;
    }

    /** Bounding box {x, y, w, h} in image pixels, or null when the mask is empty. */
    public int[] bounds() {
        int minX = grid;
        int minY = grid;
        int maxX = -1;
        int maxY = -1;
        for (int y = 0; y < grid; y++) {
            for (int x = 0; x < grid; x++) {
                if (cells[y * grid + x]) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        if (maxX < 0) {
            return null;
        }
        int x0 = (int) Math.floor(cellEdgeX(minX));
        int y0 = (int) Math.floor(cellEdgeY(minY));
        int x1 = (int) Math.ceil(cellEdgeX(maxX + 1));
        int y1 = (int) Math.ceil(cellEdgeY(maxY + 1));
        return new int[]{x0, y0, x1 - x0, y1 - y0};
    }

    /** Share (0–1) of the rectangle's area, clipped to the image, that lies over the subject. */
    public double overlap(int x, int y, int w, int h) {
        double x0 = Math.max(0, x);
        double y0 = Math.max(0, y);
        double x1 = Math.min(width, (double) x + w);
        double y1 = Math.min(height, (double) y + h);
        if (x1 <= x0 || y1 <= y0) {
            return 0;
        }
        double covered = 0;
        int cx0 = Math.max(0, (int) Math.floor(x0 * grid / width));
        int cx1 = Math.min(grid - 1, (int) Math.floor((x1 - 1e-9) * grid / width));
        int cy0 = Math.max(0, (int) Math.floor(y0 * grid / height));
        int cy1 = Math.min(grid - 1, (int) Math.floor((y1 - 1e-9) * grid / height));
        for (int cy = cy0; cy <= cy1; cy++) {
            double oy = Math.min(y1, cellEdgeY(cy + 1)) - Math.max(y0, cellEdgeY(cy));
            if (oy <= 0) {
                continue;
            }
            for (int cx = cx0; cx <= cx1; cx++) {
                if (cells[cy * grid + cx]) {
                    double ox = Math.min(x1, cellEdgeX(cx + 1)) - Math.max(x0, cellEdgeX(cx));
                    if (ox > 0) {
                        covered += ox * oy;
                    }
                }
            }
        }
        return covered / ((x1 - x0) * (y1 - y0));
    }

    private double cellEdgeX(int cx) {
        return (double) cx * width / grid;
    }

    private double cellEdgeY(int cy) {
        return (double) cy * height / grid;
    }
}

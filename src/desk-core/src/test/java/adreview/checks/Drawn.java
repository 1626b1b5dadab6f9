package adreview.checks;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;

/** Test images drawn with known colours, and the text boxes that go with them. */
final class Drawn {

    static final String FONT = "NanumGothic";

    private Drawn() {
    }

    static BufferedImage fill(int w, int h, Color c) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(c);
        g.fillRect(0, 0, w, h);
        g.dispose();
        return img;
    }

    static BufferedImage verticalGradient(int w, int h, Color top, Color bottom) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setPaint(new GradientPaint(0, 0, top, 0, h, bottom));
        g.fillRect(0, 0, w, h);
        g.dispose();
        return img;
    }

    /**
     * Draws anti-aliased text at (x, baseline from y + padding) and returns its layout box: the
     * text's ascent-to-descent extent plus the padding on every side, as a layout engine would place it.
     */
    static TextBox text(BufferedImage img, int index, String role, String text, int x, int y, int sizePx, boolean bold,
                        Color colour, int padding) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        // The bundled face itself, not the family by name: on a machine without Nanum installed the name falls
        // back to a thinner face and the measured colours move (the CI machine has no CJK font).
        Font font = adreview.fonts.DeskFonts.awt(bold, sizePx);
        g.setFont(font);
        FontMetrics fm = g.getFontMetrics();
        g.setColor(colour);
        g.drawString(text, x + padding, y + padding + fm.getAscent());
        int w = fm.stringWidth(text) + 2 * padding;
        int h = fm.getAscent() + fm.getDescent() + 2 * padding;
        g.dispose();
        return new TextBox(index, text, role, x, y, w, h, FONT, bold, sizePx,
                String.format("#%06X", colour.getRGB() & 0xFFFFFF));
    }

    /** A studio-style scene: soft light backdrop with a dark bottle-and-cap product in the lower middle. */
    static BufferedImage productScene(int w, int h) {
        BufferedImage img = verticalGradient(w, h, new Color(0xF4, 0xEE, 0xE6), new Color(0xE2, 0xD8, 0xCC));
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        double bw = w * 0.28;
        double bh = h * 0.42;
        double bx = (w - bw) / 2;
        double by = h * 0.40;
        g.setPaint(new GradientPaint((float) bx, 0, new Color(0x1E, 0x4D, 0x3A), (float) (bx + bw), 0, new Color(0x0E, 0x2A, 0x20)));
        g.fill(new RoundRectangle2D.Double(bx, by, bw, bh, bw * 0.35, bw * 0.35));
        g.setColor(new Color(0xC8, 0xA2, 0x4A));
        g.fill(new RoundRectangle2D.Double(bx + bw * 0.3, by - bh * 0.14, bw * 0.4, bh * 0.16, 12, 12));
        g.setColor(new Color(0xF2, 0xEA, 0xD8));
        g.fill(new RoundRectangle2D.Double(bx + bw * 0.12, by + bh * 0.35, bw * 0.76, bh * 0.25, 8, 8));
        g.setColor(new Color(255, 255, 255, 90));
        g.setStroke(new BasicStroke((float) (bw * 0.05)));
        g.draw(new Ellipse2D.Double(bx + bw * 0.08, by + bh * 0.05, bw * 0.15, bh * 0.6));
        g.dispose();
        return img;
    }

    /** The product's bounding box in {@link #productScene} (body and cap). */
    static Rect productBounds(int w, int h) {
        double bw = w * 0.28;
        double bh = h * 0.42;
        double bx = (w - bw) / 2;
        double by = h * 0.40;
        return new Rect((int) bx, (int) (by - bh * 0.14), (int) bw, (int) (bh * 1.14));
    }

    /** Box blur of the given radius, repeated three times (close to a Gaussian). */
    static BufferedImage blurred(BufferedImage src, int radius) {
        int n = 2 * radius + 1;
        float[] k = new float[n * n];
        java.util.Arrays.fill(k, 1f / (n * n));
        ConvolveOp op = new ConvolveOp(new Kernel(n, n, k), ConvolveOp.EDGE_NO_OP, null);
        BufferedImage out = src;
        for (int i = 0; i < 3; i++) {
            BufferedImage dst = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
            op.filter(out, dst);
            out = dst;
        }
        return out;
    }
}

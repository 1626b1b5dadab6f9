package adreview.store.demo;

import adreview.fonts.DeskFonts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Draws the demo's product photos and overlay renders with Java2D: product-like shapes (shoe,
 * bottle, phone, coffee cup) on gradient backgrounds, and headline / body / call-to-action text
 * placed exactly where the overlay layout's text boxes say.
 */
final class DemoPainter {

    /** The font named in every layout and drawn with: the desk's bundled NanumGothic. */
    static final String FONT_FAMILY = DeskFonts.FAMILY;

    enum Product { SHOE, BOTTLE, PHONE, COFFEE_CUP }

    /** Background gradient top → bottom, the product's body colour and its accent. */
    record Palette(Color top, Color bottom, Color body, Color accent) {
    }

    /**
     * One text box of a layout, in render pixels. {@code fill} is the button colour of a CTA, or a
     * panel drawn behind headline/body text; null draws the text straight on the image.
     */
    record TextBox(String text, String role, int x, int y, int w, int h, boolean bold, int size,
                   Color colour, Color fill) {
    }

    private DemoPainter() {
    }

    static Font font(boolean bold, int sizePx) {
        return DeskFonts.awt(bold, sizePx);
    }

    /** Where the product sits on a canvas of this size. */
    static Rectangle2D productBounds(Product product, int width, int height) {
        double w = width * (product == Product.SHOE ? 0.78 : product == Product.COFFEE_CUP ? 0.62 : 0.5);
        double h = switch (product) {
            case SHOE -> w * 0.5;
            case BOTTLE -> height * 0.42;
            case PHONE -> height * 0.46;
            case COFFEE_CUP -> w * 0.78;
        };
        if (product == Product.BOTTLE) {
            w = h * 0.38;
        } else if (product == Product.PHONE) {
            w = h * 0.5;
        }
        double cx = width / 2.0;
        double cy = height * 0.56;
        return new Rectangle2D.Double(cx - w / 2, cy - h / 2, w, h);
    }

    /** The "generated photo": background, soft shapes, the product and its shadow. */
    static BufferedImage photo(Product product, Palette palette, int width, int height, long seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            smooth(g);
            g.setPaint(new GradientPaint(0, 0, palette.top(), 0, height, palette.bottom()));
            g.fillRect(0, 0, width, height);
            Random random = new Random(seed);
            for (int i = 0; i < 7; i++) {
                double r = width * (0.12 + random.nextDouble() * 0.25);
                g.setColor(new Color(255, 255, 255, 18 + random.nextInt(30)));
                g.fill(new Ellipse2D.Double(random.nextDouble() * width - r / 2, random.nextDouble() * height - r / 2,
                        r, r));
            }
            Rectangle2D b = productBounds(product, width, height);
            g.setColor(new Color(0, 0, 0, 60));
            g.fill(new Ellipse2D.Double(b.getX() + b.getWidth() * 0.05, b.getMaxY() - b.getHeight() * 0.02,
                    b.getWidth() * 0.9, Math.max(24, b.getHeight() * 0.08)));
            switch (product) {
                case SHOE -> shoe(g, b, palette);
                case BOTTLE -> bottle(g, b, palette);
                case PHONE -> phone(g, b, palette);
                case COFFEE_CUP -> coffeeCup(g, b, palette);
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The rendered ad: the photo with each text box drawn (panel or button first, then the text). */
    static BufferedImage render(BufferedImage photo, List<TextBox> boxes) {
        BufferedImage image = new BufferedImage(photo.getWidth(), photo.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            smooth(g);
            g.drawImage(photo, 0, 0, null);
            for (TextBox box : boxes) {
                if (box.fill() != null) {
                    g.setColor(box.fill());
                    double arc = "cta".equals(box.role()) ? box.h() : 24;
                    g.fill(new RoundRectangle2D.Double(box.x(), box.y(), box.w(), box.h(), arc, arc));
                }
                g.setColor(box.colour());
                g.setFont(font(box.bold(), box.size()));
                FontMetrics fm = g.getFontMetrics();
                List<String> lines = wrap(box.text(), fm, box.w() - 2 * padding(box));
                int lineHeight = lineHeight(fm);
                int textHeight = lineHeight * lines.size();
                int y = box.y() + (box.h() - textHeight) / 2 + fm.getAscent();
                for (String line : lines) {
                    int lineWidth = fm.stringWidth(line);
                    int x = "cta".equals(box.role()) ? box.x() + (box.w() - lineWidth) / 2 : box.x() + padding(box);
                    g.drawString(line, x, y);
                    y += lineHeight;
                }
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /** A text box sized to hold {@code text} wrapped to {@code maxWidth}, at (x, y). */
    static TextBox fit(String text, String role, int x, int y, int maxWidth, boolean bold, int size,
                       Color colour, Color fill) {
        FontMetrics fm = metrics(font(bold, size));
        int pad = fill != null ? size / 2 : 0;
        List<String> lines = wrap(text, fm, maxWidth - 2 * pad);
        int widest = lines.stream().mapToInt(fm::stringWidth).max().orElse(0);
        int w = "cta".equals(role) ? Math.max(widest + 2 * size, 360) : Math.min(maxWidth, widest + 2 * pad);
        int h = lineHeight(fm) * lines.size() + (fill != null ? size : 0);
        return new TextBox(text, role, x, y, w, h, bold, size, colour, fill);
    }

    private static int padding(TextBox box) {
        return box.fill() != null && !"cta".equals(box.role()) ? box.size() / 2 : 0;
    }

    private static int lineHeight(FontMetrics fm) {
        return fm.getAscent() + fm.getDescent() + fm.getLeading();
    }

    private static FontMetrics metrics(Font font) {
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scratch.createGraphics();
        try {
            smooth(g);
            return g.getFontMetrics(font);
        } finally {
            g.dispose();
        }
    }

    /** Greedy word wrap; a word longer than the line stays on its own line. */
    static List<String> wrap(String text, FontMetrics fm, int maxWidth) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split("\\s+")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (fm.stringWidth(candidate) <= maxWidth || line.length() == 0) {
                line.setLength(0);
                line.append(candidate);
            } else {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            }
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    static String hex(Color c) {
        return String.format("#%02X%02X%02X", c.getRed(), c.getGreen(), c.getBlue());
    }

    private static void smooth(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    }

    // ---- products --------------------------------------------------------------------------

    private static void shoe(Graphics2D g, Rectangle2D b, Palette p) {
        double x = b.getX();
        double y = b.getY();
        double w = b.getWidth();
        double h = b.getHeight();
        // Sole: a thick cream midsole and a darker outsole.
        g.setColor(new Color(60, 60, 66));
        g.fill(new RoundRectangle2D.Double(x, y + h * 0.80, w, h * 0.14, h * 0.14, h * 0.14));
        g.setColor(new Color(246, 243, 236));
        g.fill(new RoundRectangle2D.Double(x + w * 0.005, y + h * 0.68, w * 0.99, h * 0.16, h * 0.16, h * 0.16));
        // Upper: heel, collar dip, tongue, vamp down to the toe.
        Path2D upper = new Path2D.Double();
        upper.moveTo(x + w * 0.02, y + h * 0.72);
        upper.curveTo(x + w * 0.00, y + h * 0.45, x + w * 0.03, y + h * 0.22, x + w * 0.10, y + h * 0.18);
        upper.curveTo(x + w * 0.18, y + h * 0.26, x + w * 0.27, y + h * 0.30, x + w * 0.34, y + h * 0.22);
        upper.curveTo(x + w * 0.38, y + h * 0.10, x + w * 0.44, y + h * 0.04, x + w * 0.48, y + h * 0.06);
        upper.curveTo(x + w * 0.62, y + h * 0.22, x + w * 0.84, y + h * 0.36, x + w * 0.96, y + h * 0.55);
        upper.curveTo(x + w * 1.0, y + h * 0.62, x + w * 0.99, y + h * 0.70, x + w * 0.97, y + h * 0.72);
        upper.closePath();
        g.setPaint(new GradientPaint((float) x, (float) y, p.body().brighter(), (float) x, (float) (y + h * 0.7),
                p.body()));
        g.fill(upper);
        // Collar opening.
        g.setColor(new Color(30, 30, 36));
        g.fill(new Ellipse2D.Double(x + w * 0.09, y + h * 0.17, w * 0.24, h * 0.12));
        // Accent stripe along the side.
        Path2D stripe = new Path2D.Double();
        stripe.moveTo(x + w * 0.12, y + h * 0.62);
        stripe.curveTo(x + w * 0.35, y + h * 0.55, x + w * 0.60, y + h * 0.38, x + w * 0.80, y + h * 0.40);
        stripe.curveTo(x + w * 0.62, y + h * 0.48, x + w * 0.40, y + h * 0.62, x + w * 0.16, y + h * 0.67);
        stripe.closePath();
        g.setColor(p.accent());
        g.fill(stripe);
        // Laces.
        g.setColor(new Color(250, 250, 250));
        g.setStroke(new BasicStroke((float) (h * 0.025), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (int i = 0; i < 4; i++) {
            double lx = x + w * (0.42 + i * 0.055);
            double ly = y + h * (0.14 + i * 0.06);
            g.draw(new java.awt.geom.Line2D.Double(lx - w * 0.03, ly + h * 0.05, lx + w * 0.03, ly - h * 0.02));
        }
    }

    private static void bottle(Graphics2D g, Rectangle2D b, Palette p) {
        double x = b.getX();
        double y = b.getY();
        double w = b.getWidth();
        double h = b.getHeight();
        // Cap and neck.
        g.setColor(new Color(40, 44, 52));
        g.fill(new RoundRectangle2D.Double(x + w * 0.30, y, w * 0.40, h * 0.09, w * 0.08, w * 0.08));
        g.setColor(p.body().darker());
        g.fill(new Rectangle2D.Double(x + w * 0.34, y + h * 0.085, w * 0.32, h * 0.07));
        // Shoulders and body.
        Path2D body = new Path2D.Double();
        body.moveTo(x + w * 0.34, y + h * 0.15);
        body.curveTo(x + w * 0.10, y + h * 0.20, x, y + h * 0.26, x, y + h * 0.34);
        body.lineTo(x, y + h * 0.95);
        body.quadTo(x, y + h, x + w * 0.08, y + h);
        body.lineTo(x + w * 0.92, y + h);
        body.quadTo(x + w, y + h, x + w, y + h * 0.95);
        body.lineTo(x + w, y + h * 0.34);
        body.curveTo(x + w, y + h * 0.26, x + w * 0.90, y + h * 0.20, x + w * 0.66, y + h * 0.15);
        body.closePath();
        g.setPaint(new GradientPaint((float) x, 0, p.body(), (float) (x + w), 0, p.body().darker()));
        g.fill(body);
        // Label band with a wave.
        g.setColor(p.accent());
        g.fill(new Rectangle2D.Double(x, y + h * 0.48, w, h * 0.24));
        g.setColor(new Color(255, 255, 255, 210));
        Path2D wave = new Path2D.Double();
        wave.moveTo(x + w * 0.1, y + h * 0.62);
        wave.curveTo(x + w * 0.3, y + h * 0.54, x + w * 0.5, y + h * 0.68, x + w * 0.9, y + h * 0.58);
        g.setStroke(new BasicStroke((float) (w * 0.04), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(wave);
        // Highlight.
        g.setColor(new Color(255, 255, 255, 70));
        g.fill(new RoundRectangle2D.Double(x + w * 0.12, y + h * 0.28, w * 0.10, h * 0.62, w * 0.1, w * 0.1));
    }

    private static void phone(Graphics2D g, Rectangle2D b, Palette p) {
        double x = b.getX();
        double y = b.getY();
        double w = b.getWidth();
        double h = b.getHeight();
        double arc = w * 0.18;
        g.setColor(p.body());
        g.fill(new RoundRectangle2D.Double(x, y, w, h, arc, arc));
        g.setColor(p.body().darker());
        g.fill(new RoundRectangle2D.Double(x + w, y + h * 0.22, w * 0.025, h * 0.1, 6, 6));
        double inset = w * 0.045;
        g.setPaint(new GradientPaint((float) x, (float) y, p.accent(), (float) (x + w), (float) (y + h),
                p.accent().darker().darker()));
        g.fill(new RoundRectangle2D.Double(x + inset, y + inset, w - 2 * inset, h - 2 * inset, arc * 0.8, arc * 0.8));
        g.setColor(new Color(15, 15, 20));
        g.fill(new RoundRectangle2D.Double(x + w * 0.38, y + inset * 1.6, w * 0.24, h * 0.035, h * 0.035, h * 0.035));
        // App tiles.
        double tile = w * 0.16;
        double gap = (w - 2 * inset - 4 * tile) / 5;
        for (int row = 0; row < 4; row++) {
            for (int col = 0; col < 4; col++) {
                g.setColor(new Color(255, 255, 255, 60 + 25 * ((row + col) % 3)));
                g.fill(new RoundRectangle2D.Double(x + inset + gap + col * (tile + gap),
                        y + h * 0.14 + row * (tile + gap * 1.4), tile, tile, tile * 0.35, tile * 0.35));
            }
        }
    }

    private static void coffeeCup(Graphics2D g, Rectangle2D b, Palette p) {
        double x = b.getX();
        double y = b.getY();
        double w = b.getWidth();
        double h = b.getHeight();
        // Saucer.
        g.setColor(new Color(245, 245, 240));
        g.fill(new Ellipse2D.Double(x, y + h * 0.80, w, h * 0.18));
        g.setColor(new Color(220, 218, 210));
        g.fill(new Ellipse2D.Double(x + w * 0.18, y + h * 0.84, w * 0.64, h * 0.09));
        // Handle.
        g.setColor(p.body().darker());
        g.setStroke(new BasicStroke((float) (w * 0.05)));
        g.draw(new Arc2D.Double(x + w * 0.62, y + h * 0.36, w * 0.30, h * 0.30, -100, 200, Arc2D.OPEN));
        // Cup body: wider at the top, rounded bottom.
        Path2D cup = new Path2D.Double();
        cup.moveTo(x + w * 0.12, y + h * 0.28);
        cup.lineTo(x + w * 0.76, y + h * 0.28);
        cup.curveTo(x + w * 0.74, y + h * 0.62, x + w * 0.70, y + h * 0.84, x + w * 0.56, y + h * 0.87);
        cup.lineTo(x + w * 0.32, y + h * 0.87);
        cup.curveTo(x + w * 0.18, y + h * 0.84, x + w * 0.14, y + h * 0.62, x + w * 0.12, y + h * 0.28);
        cup.closePath();
        g.setPaint(new GradientPaint((float) x, 0, p.body().brighter(), (float) (x + w * 0.8), 0, p.body()));
        g.fill(cup);
        // Coffee surface and crema.
        g.setColor(new Color(92, 54, 30));
        g.fill(new Ellipse2D.Double(x + w * 0.12, y + h * 0.24, w * 0.64, h * 0.09));
        g.setColor(new Color(196, 148, 98));
        g.fill(new Ellipse2D.Double(x + w * 0.30, y + h * 0.26, w * 0.28, h * 0.045));
        // Band.
        g.setColor(p.accent());
        g.fill(new Rectangle2D.Double(x + w * 0.15, y + h * 0.50, w * 0.585, h * 0.07));
        // Steam.
        g.setColor(new Color(255, 255, 255, 150));
        g.setStroke(new BasicStroke((float) (w * 0.018), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (int i = 0; i < 3; i++) {
            double sx = x + w * (0.30 + i * 0.14);
            Path2D steam = new Path2D.Double();
            steam.moveTo(sx, y + h * 0.20);
            steam.curveTo(sx - w * 0.05, y + h * 0.14, sx + w * 0.05, y + h * 0.08, sx, y);
            g.draw(steam);
        }
    }
}

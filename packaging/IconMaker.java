import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;

/**
 * Draws the desk's icon (an ad card under a magnifying glass). Run once, commit the PNG:
 * {@code java packaging/IconMaker.java packaging/ad-review-desk.png}
 */
public class IconMaker {
    public static void main(String[] args) throws Exception {
        int s = 256;
        BufferedImage img = new BufferedImage(s, s, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        // Tile.
        g.setPaint(new GradientPaint(0, 0, new Color(0x3B, 0x5B, 0xDB), 0, s, new Color(0x22, 0x2F, 0x8C)));
        g.fill(new RoundRectangle2D.Double(8, 8, s - 16, s - 16, 56, 56));
        // Ad card: photo area, headline bars, call-to-action pill.
        g.setColor(Color.WHITE);
        g.fill(new RoundRectangle2D.Double(44, 36, 120, 160, 18, 18));
        g.setPaint(new GradientPaint(0, 48, new Color(0xFF, 0x9A, 0x3C), 0, 120, new Color(0xF2, 0x4E, 0x6A)));
        g.fill(new RoundRectangle2D.Double(54, 46, 100, 74, 10, 10));
        g.setColor(new Color(0x2D, 0x6C, 0xDF));
        g.fill(new Ellipse2D.Double(80, 70, 48, 34));
        g.setColor(new Color(0x33, 0x33, 0x44));
        g.fill(new RoundRectangle2D.Double(54, 130, 86, 10, 10, 10));
        g.setColor(new Color(0x99, 0x99, 0xAA));
        g.fill(new RoundRectangle2D.Double(54, 148, 64, 8, 8, 8));
        g.setColor(new Color(0x1F, 0x3F, 0x9F));
        g.fill(new RoundRectangle2D.Double(74, 166, 60, 18, 18, 18));
        // Magnifier with a check mark.
        g.setColor(new Color(255, 255, 255, 60));
        g.fill(new Ellipse2D.Double(120, 106, 92, 92));
        g.setColor(new Color(0xFF, 0xD2, 0x3F));
        g.setStroke(new BasicStroke(14, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Ellipse2D.Double(120, 106, 92, 92));
        g.setStroke(new BasicStroke(22, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Line2D.Double(200, 188, 226, 214));
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(11, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Line2D.Double(144, 153, 160, 169));
        g.draw(new Line2D.Double(160, 169, 189, 136));
        g.dispose();
        ImageIO.write(img, "png", new File(args.length > 0 ? args[0] : "ad-review-desk.png"));
    }
}

package adreview.checks;

import java.util.List;
import java.util.Locale;

/** Where the ad will be shown and the pixel size that place needs. */
public record Placement(String name, int width, int height) {

    public static final Placement FEED = new Placement("feed", 1080, 1350);
    public static final Placement STORY = new Placement("story", 1080, 1920);
    public static final Placement SQUARE = new Placement("square", 1080, 1080);
    public static final Placement LANDSCAPE = new Placement("landscape", 1200, 628);

    public static final List<Placement> KNOWN = List.of(FEED, STORY, SQUARE, LANDSCAPE);

    public Placement {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("placement " + name + " needs a positive size, got " + width + "x" + height);
        }
    }

    /** "feed", "story", "square", "landscape", or "WIDTHxHEIGHT". */
    public static Placement parse(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        for (Placement p : KNOWN) {
            if (p.name.equals(t)) {
                return p;
            }
        }
        String[] wh = t.split("x");
        if (wh.length == 2) {
            try {
                return new Placement(t, Integer.parseInt(wh[0]), Integer.parseInt(wh[1]));
            } catch (NumberFormatException ignored) {
                // fall through to the message
            }
        }
        throw new IllegalArgumentException("unknown placement '" + s + "': use feed, story, square, landscape or WIDTHxHEIGHT");
    }

    /** The known placement closest in aspect ratio to an image, for when none is given. */
    public static Placement closestTo(int width, int height) {
        double aspect = (double) width / height;
        Placement best = FEED;
        double bestDiff = Double.MAX_VALUE;
        for (Placement p : KNOWN) {
            double d = Math.abs(Math.log(aspect / ((double) p.width / p.height)));
            if (d < bestDiff) {
                bestDiff = d;
                best = p;
            }
        }
        return best;
    }
}

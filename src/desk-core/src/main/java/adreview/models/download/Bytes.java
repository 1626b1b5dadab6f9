package adreview.models.download;

import java.util.Locale;

/** Human-readable byte counts in decimal units, as the hub shows them ("13.5 GB"). */
public final class Bytes {

    private Bytes() {
    }

    public static String format(long bytes) {
        if (bytes < 0) {
            return "?";
        }
        if (bytes < 1000) {
            return bytes + " B";
        }
        String[] units = {"kB", "MB", "GB", "TB"};
        double v = bytes;
        int u = -1;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return String.format(Locale.ROOT, v >= 100 ? "%.0f %s" : "%.1f %s", v, units[u]);
    }
}

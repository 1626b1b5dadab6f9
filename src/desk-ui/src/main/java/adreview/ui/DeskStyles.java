package adreview.ui;

import java.net.URL;

/** The desk's stylesheet, shipped in the jar as {@code /styles/desk.css} (from the top-level styles/ folder). */
public final class DeskStyles {

    private DeskStyles() {
    }

    public static String url() {
        URL url = DeskStyles.class.getResource("/styles/desk.css");
        if (url == null) {
            throw new IllegalStateException("Stylesheet /styles/desk.css is missing from the classpath: rebuild with mvn package");
        }
        return url.toExternalForm();
    }
}

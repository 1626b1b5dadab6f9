package adreview.fonts;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Objects;

/**
 * NanumGothic regular and bold, bundled in the jar ({@code adreview/fonts/}, SIL Open Font License 1.1; see
 * {@code NanumGothic-COPYRIGHT.txt} beside them). Hangul, Latin and digits in one face: the desk's UI font and the
 * font demo renders are drawn with.
 */
public final class DeskFonts {

    /** The family name the font files declare (what JavaFX CSS and Java2D look up). */
    public static final String FAMILY = "NanumGothic";
    private static final String REGULAR = "NanumGothic.ttf";
    private static final String BOLD = "NanumGothicBold.ttf";

    private static volatile Font[] awtFaces;

    private DeskFonts() {
    }

    /** The bundled face's file inside the jar, for {@code javafx.scene.text.Font.loadFont(url, size)}. */
    public static URL resource(boolean bold) {
        return Objects.requireNonNull(DeskFonts.class.getResource(bold ? BOLD : REGULAR), "bundled font missing");
    }

    /** The bundled font for Java2D at a pixel size; registered with the graphics environment on first use. */
    public static Font awt(boolean bold, float sizePx) {
        Font[] faces = awtFaces;
        if (faces == null) {
            faces = loadAwt();
        }
        return faces[bold ? 1 : 0].deriveFont(sizePx);
    }

    private static synchronized Font[] loadAwt() {
        if (awtFaces == null) {
            Font regular = read(REGULAR);
            Font bold = read(BOLD);
            try {
                GraphicsEnvironment env = GraphicsEnvironment.getLocalGraphicsEnvironment();
                env.registerFont(regular);
                env.registerFont(bold);
            } catch (RuntimeException | Error e) {
                // Registration only lets others find the family by name; the faces below draw either way.
            }
            awtFaces = new Font[] {regular, bold};
        }
        return awtFaces;
    }

    private static Font read(String file) {
        try (InputStream in = DeskFonts.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("bundled font " + file + " is missing from the jar");
            }
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled font " + file, e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("bundled font " + file + " is damaged", e);
        }
    }
}

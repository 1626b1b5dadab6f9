package adreview.ui.review;

import adreview.review.result.FontRecommendation;
import adreview.ui.i18n.Messages;

import java.util.List;
import java.util.Locale;

/**
 * How the font preview sets the ad copy for Stage 1's font advice: font families in order of preference
 * (the view takes the first one installed), weight, size as a fraction of the image's width, fill and shadow.
 * Korean copy gets Korean fonts (NanumMyeongjo for serif, NanumGothic for sans), since a Latin font would
 * fall back to whatever the system has.
 */
public record FontPreviewSpec(List<String> families, boolean bold, double sizeFraction,
                              String fill, String shadow, String caption, String note) {

    /** The font advice's values the preview knows (style, size, colour); each has its word under font.word.*. */
    public static final List<String> KNOWN_VALUES =
            List.of("serif", "sans-serif", "bold", "large", "medium", "small", "dark", "light");

    static final List<String> KOREAN_SERIF = List.of("NanumMyeongjo", "Noto Serif CJK KR", "AppleMyungjo", "Batang", "Serif");
    static final List<String> KOREAN_SANS = List.of("NanumGothic", "Noto Sans CJK KR", "Apple SD Gothic Neo", "Malgun Gothic", "SansSerif");
    static final List<String> LATIN_SERIF = List.of("DejaVu Serif", "Georgia", "Times New Roman", "Serif");
    static final List<String> LATIN_SANS = List.of("DejaVu Sans", "Helvetica Neue", "Arial", "SansSerif");

    public static FontPreviewSpec of(FontRecommendation advice, String copy) {
        String style = norm(advice == null ? null : advice.style().wire());
        String size = norm(advice == null ? null : advice.size().wire());
        String color = norm(advice == null ? null : advice.color().wire());
        StringBuilder note = new StringBuilder();

        boolean korean = containsHangul(copy);
        boolean serif = style.equals("serif");
        boolean bold = style.equals("bold");
        if (!serif && !bold && !style.equals("sans-serif")) {
            note.append(unknown("font.unknown.style", style, "sans-serif"));
            style = "sans-serif";
        }
        List<String> families = serif ? (korean ? KOREAN_SERIF : LATIN_SERIF) : (korean ? KOREAN_SANS : LATIN_SANS);

        double fraction = switch (size) {
            case "large" -> 0.085;
            case "medium" -> 0.06;
            case "small" -> 0.042;
            default -> -1;
        };
        if (fraction < 0) {
            note.append(unknown("font.unknown.size", size, "medium"));
            size = "medium";
            fraction = 0.06;
        }

        String fill;
        String shadow;
        if (color.equals("dark")) {
            fill = "#15171a";
            shadow = "rgba(255,255,255,0.35)";
        } else {
            if (!color.equals("light")) {
                note.append(unknown("font.unknown.color", color, "light"));
                color = "light";
            }
            fill = "#f8f8f4";
            shadow = "rgba(0,0,0,0.6)";
        }
        String caption = Messages.get("font.caption", word(style), word(size), word(color));
        return new FontPreviewSpec(families, bold, fraction, fill, shadow, caption, note.toString().strip());
    }

    public static boolean containsHangul(String s) {
        if (s == null) {
            return false;
        }
        return s.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HANGUL);
    }

    private static String norm(String s) {
        return s == null ? "" : s.strip().toLowerCase(Locale.ROOT).replace('_', '-').replace("sans serif", "sans-serif")
                .replace("sansserif", "sans-serif");
    }

    /** The note for an unknown value; {@code key} says which of the advice's fields it is. */
    private static String unknown(String key, String value, String shown) {
        return Messages.get(key, value.isEmpty() ? Messages.get("font.none") : value, shown) + " ";
    }

    /** A known value's word: "Bold", "Medium", "Dark". */
    private static String word(String value) {
        return Messages.get("font.word." + value);
    }
}

package adreview.ui.checks;

import adreview.checks.Verdict;
import javafx.scene.paint.Color;

/** The colours and words the measured views use for verdicts, in one place. */
final class VerdictStyle {

    static final Color PASS = Color.web("#1E8E3E");
    static final Color FAIL = Color.web("#D93025");
    static final Color UNDETERMINED = Color.web("#E37400");
    static final Color NEUTRAL = Color.web("#5F6368");
    static final Color SUBJECT = Color.web("#1A73E8");

    private VerdictStyle() {
    }

    static Color colour(Verdict v) {
        return switch (v) {
            case PASS -> PASS;
            case FAIL -> FAIL;
            case UNDETERMINED -> UNDETERMINED;
        };
    }

    /** "pass", "fail", "unsure", in the desk's language. */
    static String word(Verdict v) {
        return adreview.ui.i18n.Messages.get("measured.verdict." + v.name().toLowerCase(java.util.Locale.ROOT));
    }

    static String web(Color c) {
        return String.format("#%02X%02X%02X", (int) Math.round(c.getRed() * 255), (int) Math.round(c.getGreen() * 255),
                (int) Math.round(c.getBlue() * 255));
    }
}

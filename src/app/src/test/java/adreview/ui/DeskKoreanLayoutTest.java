package adreview.ui;

import static org.assertj.core.api.Assertions.assertThat;

import adreview.fonts.DeskFonts;
import adreview.ui.i18n.Messages;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The same layout checks with the desk in Korean (Settings' language), on a display whose font configuration has no
 * CJK face: every Korean label is drawn with the bundled font's family, and no text is cut to "…" at 1280 × 800 or
 * 1920 × 1080 (Korean labels are wider than English ones). Screenshots: target/screenshots/layout-ko-*.png.
 */
class DeskKoreanLayoutTest extends DeskLayoutTest {

    @BeforeAll
    static void start() throws Exception {
        startDesk("ko");
    }

    @AfterAll
    static void backToEnglish() {
        Messages.use(Locale.ENGLISH); // the other window tests of this JVM read English labels
    }

    @Test
    @Order(0)
    void koreanRendersWithTheBundledFontOnAMachineWithoutCjkFonts() throws Exception {
        // The test JVM's fontconfig (src/test/fontconfig/no-cjk.conf) lists no face that covers Korean.
        Process p = new ProcessBuilder("fc-list", ":lang=ko").redirectErrorStream(true).start();
        String faces = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        p.waitFor();
        assertThat(faces).as("CJK faces visible to this JVM").isEmpty();

        Node root = app.stage().getScene().getRoot();
        List<Labeled> korean = new java.util.ArrayList<>();
        collectKorean(root, korean);
        assertThat(korean).as("Korean labels in the window").hasSizeGreaterThan(10);
        for (Labeled l : korean) {
            Text drawn = (Text) l.getChildrenUnmodifiable().stream().filter(Text.class::isInstance).findFirst()
                    .orElseThrow();
            assertThat(drawn.getFont().getFamily()).as("font of \"%s\"", l.getText()).isEqualTo(DeskFonts.FAMILY);
        }
        System.out.printf("DeskKoreanLayoutTest: %d Korean labels, all in %s%n", korean.size(), DeskFonts.FAMILY);
    }

    private static void collectKorean(Node node, List<Labeled> into) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled l && l.getText() != null && hasHangul(l.getText())
                && l.getChildrenUnmodifiable().stream().anyMatch(Text.class::isInstance)) {
            into.add(l);
        }
        if (node instanceof javafx.scene.Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collectKorean(c, into));
        }
    }

    private static boolean hasHangul(String s) {
        return s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL);
    }
}

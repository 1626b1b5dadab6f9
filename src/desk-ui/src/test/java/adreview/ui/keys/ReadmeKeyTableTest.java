package adreview.ui.keys;

import adreview.ui.i18n.Messages;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's key table is the key-binding table: every binding once, in its order, with its keys and its English
 * description. When a binding changes, this test fails and prints the table to paste under "## Keys".
 */
class ReadmeKeyTableTest {

    static String expectedTable() {
        Locale before = Messages.locale();
        Messages.use(Locale.ENGLISH);
        try {
            StringBuilder t = new StringBuilder("| keys | what | where |\n| --- | --- | --- |\n");
            for (KeyBinding b : KeyBinding.values()) {
                t.append("| `").append(b.keysText().replace("|", "\\|")).append("` | ")
                        .append(Messages.get(b.messageKey())).append(" | ")
                        .append(b.scope() == KeyBinding.Scope.LARGE_VIEW ? "large view" : "window").append(" |\n");
            }
            return t.toString();
        } finally {
            Messages.use(before);
        }
    }

    static Path readme() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("README.md")) && Files.isDirectory(dir.resolve("src/desk-ui"))) {
                return dir.resolve("README.md");
            }
        }
        throw new AssertionError("README.md of the checkout not found above " + Path.of("").toAbsolutePath());
    }

    @Test
    void theReadmesKeyTableIsTheBindingTable() throws Exception {
        List<String> lines = Files.readAllLines(readme());
        int start = lines.indexOf("## Keys");
        assertThat(start).as("README has a '## Keys' section").isNotNegative();
        List<String> table = new ArrayList<>();
        for (int i = start + 1; i < lines.size() && !lines.get(i).startsWith("## "); i++) {
            if (lines.get(i).startsWith("|")) {
                table.add(lines.get(i));
            }
        }
        String expected = expectedTable();
        assertThat(String.join("\n", table) + "\n")
                .as("README's key table; paste this under '## Keys':%n%s", expected)
                .isEqualTo(expected);
    }
}

package adreview.app.cli;

import adreview.review.RunPhase;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The stderr progress line, without a terminal: what an interactive one prints, and that a pipe gets nothing. */
class ProgressPrinterTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    private ProgressPrinter printer(boolean interactive) {
        return new ProgressPrinter(new PrintStream(bytes, true, StandardCharsets.UTF_8), interactive);
    }

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void atATerminalLoadingAndTokensRewriteOneLineThatIsErasedAtTheEnd() {
        ProgressPrinter p = printer(true);
        p.loading().update(0.42, "layer 12 of 32");
        p.phase(RunPhase.READING_PROMPT, -1, null);
        p.tokens(256).onToken(0, 1234, "{");
        p.close();
        String loading = "loading the model  42%: layer 12 of 32";
        String reading = "reading the prompt";
        String token = "writing the answer: token 1 of 256";
        assertThat(printed()).isEqualTo("\r" + loading
                // the shorter line pads out the longer one's tail
                + "\r" + reading + " ".repeat(loading.length() - reading.length())
                + "\r" + token
                + "\r" + " ".repeat(token.length()) + "\r");
        assertThat(printed()).doesNotContain("\n");
    }

    @Test
    void anUnchangedLineIsNotPrintedAgainAndClosingTwiceErasesOnce() {
        ProgressPrinter p = printer(true);
        p.phase(RunPhase.PREPARING_IMAGE, -1, "");
        p.phase(RunPhase.PREPARING_IMAGE, -1, null);
        p.close();
        p.close();
        assertThat(printed()).isEqualTo("\rpreparing the image\r" + " ".repeat(19) + "\r");
    }

    @Test
    void detailsAreEscapedAndTheLineNeverWraps() {
        ProgressPrinter p = printer(true);
        p.phase(RunPhase.ASKING_SERVER, -1, "host\u001b]0;owned\u0007" + "x".repeat(200));
        String line = printed().substring(1);
        assertThat(line).startsWith("asking the server: host\\u001b]0;owned\\u0007xx").doesNotContain("\u001b")
                .hasSize(ProgressPrinter.MAX_WIDTH).endsWith("…");
        assertThat(ProgressPrinter.describe(RunPhase.LOADING_MODEL, 1.5, null)).isEqualTo("loading the model 100%");
        assertThat(ProgressPrinter.describe(RunPhase.MEASURING, -1, null)).isEqualTo("measuring the image");
    }

    @Test
    void withoutATerminalNothingIsPrinted() {
        ProgressPrinter p = printer(false);
        p.loading().update(0.5, "layer 1");
        p.phase(RunPhase.READING_PROMPT, -1, null);
        p.token(3, 8, "abc");
        p.close();
        assertThat(printed()).isEmpty();
    }
}

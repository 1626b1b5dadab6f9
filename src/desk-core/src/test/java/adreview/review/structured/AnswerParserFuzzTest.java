package adreview.review.structured;

import adreview.review.result.AnswerFormatException;
import adreview.review.result.Results;
import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided fuzzing of the two answer parsers with whatever text a model (or a hostile prompt) might produce:
 * the tolerant parser always answers (a result or a failure with the raw text), the strict one parses or throws
 * {@link AnswerFormatException}; neither throws anything else or hangs. The default build replays the seeds and
 * findings under {@code AnswerParserFuzzTestInputs/parse/}; {@code ./mvnw -Pfuzz test -Dtest=AnswerParserFuzzTest}
 * fuzzes.
 */
class AnswerParserFuzzTest {

    private static final TolerantAnswerParser TOLERANT = new TolerantAnswerParser();

    @FuzzTest(maxDuration = "3m")
    void parse(String raw) {
        ParsedAnswer<?> one = TOLERANT.stage1(raw);
        ParsedAnswer<?> two = TOLERANT.stage2(raw);
        assertThat(one.rawText()).isEqualTo(raw == null ? "" : raw);
        assertThat(two).isNotNull();
        if (one instanceof ParsedAnswer.Failed<?> failed) {
            assertThat(failed.error()).isNotBlank();
        }
        strict(() -> Results.stage1(raw, true));
        strict(() -> Results.stage1(raw, false));
        strict(() -> Results.stage2(raw));
    }

    private static void strict(Runnable parse) {
        try {
            parse.run();
        } catch (AnswerFormatException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }
}

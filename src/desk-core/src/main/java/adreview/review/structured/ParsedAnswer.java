package adreview.review.structured;

import java.util.List;
import java.util.Objects;

/**
 * What came of reading a model's text: a result (with the liberties the tolerant parser took, empty
 * for clean JSON) or a failure that keeps the raw text for the trace and the reviewer.
 */
public sealed interface ParsedAnswer<T> permits ParsedAnswer.Parsed, ParsedAnswer.Failed {

    String rawText();

    record Parsed<T>(T result, List<String> repairs, String rawText) implements ParsedAnswer<T> {
        public Parsed {
            Objects.requireNonNull(result, "result");
            repairs = List.copyOf(repairs);
        }
    }

    record Failed<T>(String error, String rawText) implements ParsedAnswer<T> {
        public Failed {
            Objects.requireNonNull(error, "error");
            rawText = rawText == null ? "" : rawText;
        }
    }
}

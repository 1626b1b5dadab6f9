package adreview.review.report;

import java.util.Arrays;
import java.util.Locale;

/**
 * How a report splits its pairs. Grouping by prompt or model compares each prompt version's (model's)
 * latest verdict on a variant with the decision, so one variant judged with two prompts counts in both
 * groups; grouping by reviewer compares each reviewer's latest decision the same way.
 */
public enum GroupBy {
    NONE("none"), PROMPT("prompt"), MODEL("model"), TENANT("tenant"), REVIEWER("reviewer");

    private final String name;

    GroupBy(String name) {
        this.name = name;
    }

    /** The word the CLI and the JSON use. */
    public String cliName() {
        return name;
    }

    /** Parses {@code prompt|model|tenant|reviewer|none} (any case); null or blank is {@link #NONE}. */
    public static GroupBy parse(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(g -> g.name.equals(t)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("Unknown group '" + text + "': use prompt, model, tenant or reviewer"));
    }
}

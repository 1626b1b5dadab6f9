package adreview.review.report;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The tags a reviewer writes in a decision's comment to say which Stage 2 criterion failed:
 * {@code #offbrief} (also {@code #off-brief}), {@code #occlusion}, {@code #contrast}, {@code #cta}.
 * A tag is {@code #} and the name, any case, not glued to a letter, digit or underscore on either side
 * ({@code "#CTA too small"} and {@code "low #contrast."} count, {@code "#ctabutton"} does not).
 *
 * <p>How a decision reads per criterion: a comment with any of the tags flags exactly the tagged
 * criteria as problems and the others as fine; an accept without tags flags none; a fix or reject
 * without tags says nothing per criterion and is left out of the per-criterion tables.
 *
 * <p>The report matches these in SQL ({@link #sqlPattern}, PostgreSQL's {@code ~*}); {@link #has} is
 * the same rule in Java, for tests and for showing tags.
 */
public final class ReviewTags {

    /** Criterion names as reports print them, in order. */
    public static final List<String> CRITERIA = List.of("offbrief", "occlusion", "contrast", "cta");

    private ReviewTags() {
    }

    /** The tag's spellings as a regular-expression alternation. */
    private static String names(String criterion) {
        return switch (criterion) {
            case "offbrief" -> "off-?brief";
            case "occlusion", "contrast", "cta" -> criterion;
            default -> throw new IllegalArgumentException("Unknown criterion '" + criterion + "'; known: " + CRITERIA);
        };
    }

    /** A POSIX regular expression (PostgreSQL {@code ~*}, case-insensitive) for one criterion's tag. */
    public static String sqlPattern(String criterion) {
        return "(^|[^[:alnum:]_])#(" + names(criterion) + ")($|[^[:alnum:]_])";
    }

    /** Any tag at all. */
    public static String anySqlPattern() {
        return "(^|[^[:alnum:]_])#(off-?brief|occlusion|contrast|cta)($|[^[:alnum:]_])";
    }

    /** Whether {@code comment} carries the criterion's tag. */
    public static boolean has(String comment, String criterion) {
        if (comment == null) {
            return false;
        }
        Pattern p = Pattern.compile("(^|[^\\p{Alnum}_])#(" + names(criterion) + ")($|[^\\p{Alnum}_])");
        return p.matcher(comment.toLowerCase(Locale.ROOT)).find();
    }
}

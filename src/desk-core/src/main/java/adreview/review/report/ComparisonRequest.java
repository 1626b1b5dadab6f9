package adreview.review.report;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Which two runs to compare, and on which variants.
 *
 * @param filter   stage, and when {@code variants} is empty, which decided variants to take (tenant,
 *                 reviewer, dates); its prompt/model fields are not used (the sides say that)
 * @param variants the variants to compare; empty: the most recently decided ones under the filter
 * @param limit    how many variants to take when {@code variants} is empty
 */
public record ComparisonRequest(ReportFilter filter, RunSide a, RunSide b, List<UUID> variants, int limit) {

    public static final int DEFAULT_LIMIT = 20;

    public ComparisonRequest {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        variants = variants == null ? List.of() : List.copyOf(variants);
        if (limit < 1) {
            throw new IllegalArgumentException("The comparison needs a limit of at least one variant, got " + limit);
        }
        if (a.equals(b)) {
            throw new IllegalArgumentException("Both sides are " + a.label() + ": pick two prompt versions or two models");
        }
    }
}

package adreview.store;

import java.util.UUID;

/**
 * Filters of the variant list; null fields do not filter.
 *
 * @param status column value, e.g. "failed"
 * @param step   column value, e.g. "vlm_judge"
 * @param jobId  one job
 * @param text   free text, matched case-insensitively against ids, tenant, image URL and ad copy
 */
public record VariantFilter(String status, String step, UUID jobId, String text) {

    /** No filter: every variant. */
    public static final VariantFilter ALL = new VariantFilter(null, null, null, null);

    public VariantFilter withStatus(String value) {
        return new VariantFilter(blankToNull(value), step, jobId, text);
    }

    public VariantFilter withStep(String value) {
        return new VariantFilter(status, blankToNull(value), jobId, text);
    }

    public VariantFilter withJob(UUID value) {
        return new VariantFilter(status, step, value, text);
    }

    public VariantFilter withText(String value) {
        return new VariantFilter(status, step, jobId, blankToNull(value));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}

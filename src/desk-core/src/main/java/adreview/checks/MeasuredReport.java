package adreview.checks;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.List;

/**
 * Everything measured on one variant; serialised with Jackson into trace responses under
 * {@code measured}. Parts that could not be measured say so (NOT_MEASURED, null quality) and
 * {@link #notes()} says why.
 *
 * @param contrast   one entry per text box, in layout order
 * @param contrastAa WCAG 1.4.3 over all boxes: FAIL if any box fails, PASS if all pass, otherwise
 *                   UNDETERMINED (also when there are no boxes)
 * @param quality    null without a generated image
 * @param millis     time the measurement took
 */
public record MeasuredReport(Placement placement, List<BoxContrast> contrast, Verdict contrastAa,
                             CtaResult cta, OcclusionResult occlusion, QualityReport quality,
                             List<String> notes, long millis) {

    public MeasuredReport {
        contrast = List.copyOf(contrast);
        notes = List.copyOf(notes);
    }

    /** The measurement in the model's terms: contrast_ok, or null when undetermined. */
    @JsonIgnore
    public Boolean contrastOk() {
        return switch (contrastAa) {
            case PASS -> Boolean.TRUE;
            case FAIL -> Boolean.FALSE;
            case UNDETERMINED -> null;
        };
    }
}

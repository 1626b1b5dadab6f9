package adreview.checks;

/**
 * A model verdict that contradicts a measurement.
 *
 * @param field    the model's field: "contrast_ok", "cta_present" or "occlusion"
 * @param model    what the model said
 * @param measured what the measurement says, in the same terms as the model's field
 * @param detail   one line a reviewer can check against the Measured panel
 */
public record Disagreement(String field, boolean model, boolean measured, String detail) {
}

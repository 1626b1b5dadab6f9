package adreview.checks;

/**
 * One text box of an overlay layout ({@code overlay_layouts.layout.text_boxes[i]}), in pixels of
 * the render.
 *
 * @param index   position in {@code text_boxes}, used to name the box in reports
 * @param role    "headline", "body", "cta" or whatever the layout says; may be empty
 * @param sizePx  font size in CSS pixels; 0 when the layout does not say (treated as normal text)
 * @param colour  the designer's intended colour "#RRGGBB", or null; reported, never trusted
 */
public record TextBox(int index, String text, String role, int x, int y, int w, int h,
                      String font, boolean bold, double sizePx, String colour) {

    public boolean isCtaRole() {
        return "cta".equalsIgnoreCase(role);
    }

    /** WCAG large text from the declared size and weight. */
    public boolean largeText() {
        return Wcag.isLargeText(sizePx, bold);
    }

    public String label() {
        String r = role == null || role.isEmpty() ? "box" : role;
        return r + " #" + index;
    }
}

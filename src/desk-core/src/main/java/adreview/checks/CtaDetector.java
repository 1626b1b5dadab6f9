package adreview.checks;

import java.util.ArrayList;
import java.util.List;

/** Finds the call to action among the layout's text boxes: a box with role "cta", or a listed phrase. */
public final class CtaDetector {

    private final CtaPhrases phrases;

    public CtaDetector(CtaPhrases phrases) {
        this.phrases = phrases;
    }

    public CtaResult detect(List<TextBox> boxes) {
        if (boxes.isEmpty()) {
            return new CtaResult(CtaResult.Status.NOT_MEASURED, List.of());
        }
        List<CtaResult.Match> matches = new ArrayList<>();
        for (TextBox b : boxes) {
            String phrase = phrases.match(b.text()).orElse(null);
            // A box that is role "cta" but carries no text is not a call to action anyone can read.
            boolean byRole = b.isCtaRole() && b.text() != null && !b.text().isBlank();
            if (byRole || phrase != null) {
                matches.add(new CtaResult.Match(b.index(), b.text(), byRole, phrase));
            }
        }
        return new CtaResult(matches.isEmpty() ? CtaResult.Status.ABSENT : CtaResult.Status.PRESENT, matches);
    }
}

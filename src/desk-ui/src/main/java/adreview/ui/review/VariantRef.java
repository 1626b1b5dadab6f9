package adreview.ui.review;

import java.util.Objects;
import java.util.UUID;

/**
 * What the review side needs to know about a variant: its id, a short label for progress lines,
 * and (optionally) the image and ad copy used by the font preview.
 *
 * @param imageUri  the generated image as a URI JavaFX can load ({@code file:...}), or null when not known
 * @param renderUri the rendered ad (text overlaid) as a loadable URI, or null when there is none
 * @param adCopy    the ad copy the font preview sets, or null
 * @param step      the variant's {@code current_step} as the list last read it, or null when not known
 * @param status    its {@code status}, or null; with the step, lets a batch refuse ineligible variants up front
 */
public record VariantRef(UUID id, String label, String imageUri, String renderUri, String adCopy,
                         String step, String status) {
    public VariantRef {
        Objects.requireNonNull(id, "variant id");
        label = label == null || label.isBlank() ? id.toString().substring(0, 8) : label;
    }

    /** A variant whose pipeline state is not known here (the review service still checks it). */
    public VariantRef(UUID id, String label, String imageUri, String renderUri, String adCopy) {
        this(id, label, imageUri, renderUri, adCopy, null, null);
    }

    public static VariantRef of(UUID id, String label) {
        return new VariantRef(id, label, null, null, null);
    }
}

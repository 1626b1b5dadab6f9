package adreview.ui.review;

import adreview.ui.data.ImageLocation;
import adreview.ui.data.VariantDetail;
import adreview.ui.data.VariantSummary;

/** What the review side needs of the main window's variant rows. */
public final class VariantRefs {

    private VariantRefs() {
    }

    /** A list row: id, "tenant · 3f2a9c1e", the generated image, step and status; render and ad copy come from traces. */
    public static VariantRef of(VariantSummary s) {
        return new VariantRef(s.variantId(), label(s.tenantId(), s.variantId().toString()), uri(s.image()), null, null,
                s.step(), s.status());
    }

    /** The detail pane's variant: also the render, for the Stage 2 thumbnail. */
    public static VariantRef of(VariantDetail d) {
        return new VariantRef(d.variantId(), label(d.tenantId(), d.variantId().toString()), uri(d.generated()), uri(d.render()), null,
                d.step(), d.status());
    }

    private static String label(String tenant, String id) {
        String shortId = id.substring(0, 8);
        return tenant == null || tenant.isBlank() ? shortId : tenant + " · " + shortId;
    }

    private static String uri(ImageLocation loc) {
        return loc == null || !loc.hasFile() ? null : loc.file().toUri().toString();
    }
}

package adreview.review.measured;

import com.fasterxml.jackson.databind.JsonNode;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.UUID;

/**
 * What the measured checks of one variant read, as loaded from the store: any part may be missing,
 * and {@link #problems()} says why in words a reviewer can act on.
 *
 * @param generated    the variant's image ({@code img_asset_id}), or null
 * @param generatedUrl its {@code image_url}, or null
 * @param render       the rendered ad (SPEC 3 step 3 resolution), or null
 * @param renderUrl    its URL, or null
 * @param layout       {@code overlay_layouts.layout}, or null
 * @param problems     one line per part that could not be loaded (missing file, corrupt PNG, ...)
 */
public record MeasuredInputs(UUID variantId, BufferedImage generated, String generatedUrl,
                             BufferedImage render, String renderUrl, JsonNode layout, List<String> problems) {

    public MeasuredInputs {
        problems = List.copyOf(problems);
    }
}

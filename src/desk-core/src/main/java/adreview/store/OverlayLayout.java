package adreview.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;

/**
 * One {@code overlay_layouts} row. {@code layout} has {@code render.url/width/height} and
 * {@code text_boxes[]} ({@code text, role, x, y, w, h, font, weight, size, colour}) in render pixels.
 */
public record OverlayLayout(UUID overlayId, UUID variantId, JsonNode layout) {

    /** {@code layout.render.url}, or null. */
    public String renderUrl() {
        JsonNode url = layout == null ? null : layout.path("render").get("url");
        return url == null || !url.isTextual() || url.asText().isBlank() ? null : url.asText();
    }
}

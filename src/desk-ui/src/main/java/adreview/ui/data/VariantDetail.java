package adreview.ui.data;

import java.time.Instant;
import java.util.UUID;

/**
 * Everything the detail pane shows about one variant besides ad copy and traces.
 *
 * @param generated the generated image ({@code img_asset_id})
 * @param render    the overlay render (explicit, {@code overlaid_img_asset_id} or {@code layout.render.url})
 */
public record VariantDetail(UUID variantId, UUID jobId, String tenantId, String step, String status,
                            Instant updatedAt, UUID imageAssetId, UUID overlaidImageAssetId,
                            String jobStatus, String jobStep, Instant jobCreatedAt,
                            ImageLocation generated, ImageLocation render) {
}

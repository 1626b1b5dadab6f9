package adreview.store;

import java.time.Instant;
import java.util.UUID;

/**
 * One generated creative ({@code jobs_variants}) with the URLs of its image assets.
 *
 * @param imageUrl         {@code image_assets.image_url} of {@code img_asset_id}, null when none
 * @param overlaidImageUrl {@code image_url} of {@code overlaid_img_asset_id}, null when none
 */
public record Variant(UUID variantId, UUID jobId, UUID imgAssetId, UUID overlaidImgAssetId,
                      String status, String currentStep, Instant updatedAt,
                      String imageUrl, String overlaidImageUrl) {

    /** The status as an enum, when it is one the desk knows. */
    public java.util.Optional<VariantStatus> knownStatus() {
        return VariantStatus.fromDb(status);
    }

    /** The step as an enum, when it is one the desk knows. */
    public java.util.Optional<PipelineStep> knownStep() {
        return PipelineStep.fromDb(currentStep);
    }
}

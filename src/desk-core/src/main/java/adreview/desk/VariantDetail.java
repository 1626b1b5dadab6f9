package adreview.desk;

import adreview.review.decision.ReviewerDecision;
import adreview.store.AdCopy;
import adreview.store.AssetLocation;
import adreview.store.Job;
import adreview.store.ResolvedRender;
import adreview.store.Trace;
import adreview.store.Variant;

import java.util.List;

/**
 * Everything the detail area shows about one variant, read in one round trip.
 *
 * @param job         the variant's job; null when the jobs row is missing
 * @param image       where the generated image is ({@code img_asset_id})
 * @param render      how the overlay render was found (overlaid asset, newest layout's render URL, or none)
 * @param renderImage where the render is on this machine; null when there is no render
 * @param adCopy      the ad copy Stage 1 would use (nothing typed)
 * @param traces      model calls of the variant and those of its job without a variant id, newest first
 * @param decisions   reviewer decisions on the variant, newest first
 */
public record VariantDetail(Variant variant, Job job, AssetLocation image, ResolvedRender render,
                            AssetLocation renderImage, AdCopy adCopy, List<Trace> traces,
                            List<ReviewerDecision> decisions) {

    public VariantDetail {
        traces = List.copyOf(traces);
        decisions = List.copyOf(decisions);
    }
}

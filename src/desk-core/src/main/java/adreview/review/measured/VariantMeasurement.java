package adreview.review.measured;

import adreview.checks.MeasuredChecks;
import adreview.checks.MeasuredReport;
import adreview.checks.Placement;
import adreview.store.AssetLocation;
import adreview.store.AssetResolver;
import adreview.store.OverlayLayout;
import adreview.store.OverlayLayoutRepository;
import adreview.store.RenderResolver;
import adreview.store.ResolvedRender;
import adreview.store.StoreException;
import adreview.store.Variant;
import adreview.store.VariantRepository;

import adreview.llava.image.ImageException;
import adreview.llava.image.ImageFiles;
import adreview.llava.image.ImageLimits;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Measures one variant from the store: loads its generated image, render and layout, then runs
 * {@link MeasuredChecks}. Works without any model. Image loading problems do not stop the
 * measurement; they become notes at the top of the report.
 */
public final class VariantMeasurement {

    private final VariantRepository variants;
    private final RenderResolver renders;
    private final OverlayLayoutRepository overlays;
    private final AssetResolver assets;
    private final MeasuredChecks checks;
    private final ImageLimits limits;

    public VariantMeasurement(VariantRepository variants, RenderResolver renders, OverlayLayoutRepository overlays,
                              AssetResolver assets, MeasuredChecks checks) {
        this(variants, renders, overlays, assets, checks, ImageLimits.DEFAULT);
    }

    /** @param limits images above these are refused before decoding (a note in the report, as any bad image) */
    public VariantMeasurement(VariantRepository variants, RenderResolver renders, OverlayLayoutRepository overlays,
                              AssetResolver assets, MeasuredChecks checks, ImageLimits limits) {
        this.limits = limits;
        this.variants = variants;
        this.renders = renders;
        this.overlays = overlays;
        this.assets = assets;
        this.checks = checks;
    }

    /** The limits images are read with (a render named for a re-judge is read with them too). */
    public ImageLimits imageLimits() {
        return limits;
    }

    /**
     * Loads what the checks need.
     *
     * @throws StoreException when the variant does not exist
     */
    public MeasuredInputs load(UUID variantId) {
        Variant variant = variants.find(variantId)
                .orElseThrow(() -> new StoreException("variant " + variantId + " not found in jobs_variants"));
        List<String> problems = new ArrayList<>();
        BufferedImage generated = null;
        String imageUrl = variant.imageUrl();
        if (imageUrl == null || imageUrl.isBlank()) {
            problems.add("variant has no generated image yet (img_asset_id is empty)");
        } else {
            generated = read(imageUrl, "generated image", problems);
        }
        ResolvedRender resolved = renders.resolve(variantId, null);
        BufferedImage render = null;
        if (resolved.present()) {
            render = read(resolved.url(), "render", problems);
        } else {
            problems.add("variant has no render (no overlaid_img_asset_id and no layout.render.url)");
        }
        var layout = overlays.forVariant(variantId).map(OverlayLayout::layout).orElse(null);
        if (layout == null) {
            problems.add("variant has no overlay layout (overlay_layouts)");
        }
        return new MeasuredInputs(variantId, generated, imageUrl, render, resolved.url(), layout, problems);
    }

    /** Loads and measures; {@code placement} null picks the placement closest to the image's aspect. */
    public MeasuredReport measure(UUID variantId, Placement placement) {
        return measure(load(variantId), placement);
    }

    /** Measures inputs already loaded, with their loading problems first among the notes. */
    public MeasuredReport measure(MeasuredInputs in, Placement placement) {
        MeasuredReport r = checks.measure(in.generated(), in.render(), in.layout(), placement);
        if (in.problems().isEmpty()) {
            return r;
        }
        List<String> notes = new ArrayList<>(in.problems());
        notes.addAll(r.notes());
        return new MeasuredReport(r.placement(), r.contrast(), r.contrastAa(), r.cta(), r.occlusion(), r.quality(),
                notes, r.millis());
    }

    private BufferedImage read(String url, String what, List<String> problems) {
        AssetLocation location = assets.resolve(url);
        if (!(location instanceof AssetLocation.LocalFile local) || !local.exists()) {
            problems.add(what + ": " + location.problem());
            return null;
        }
        Path file = local.path();
        try {
            return ImageFiles.read(file, limits);
        } catch (ImageException e) {
            problems.add(what + ": " + e.getMessage());
            return null;
        }
    }
}

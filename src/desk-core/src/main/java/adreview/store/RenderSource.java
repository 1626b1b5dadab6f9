package adreview.store;

/** Where a resolved render URL came from (SPEC section 3, step 3), first hit wins in this order. */
public enum RenderSource {
    /** Given explicitly by the caller. */
    EXPLICIT("explicit"),
    /** {@code jobs_variants.overlaid_img_asset_id} → {@code image_assets.image_url}. */
    OVERLAID_ASSET("overlaid image asset"),
    /** {@code overlay_layouts.layout.render.url}. */
    OVERLAY_LAYOUT("overlay layout"),
    /** No render: Stage 2 cannot run. */
    NONE("none");

    private final String label;

    RenderSource(String label) {
        this.label = label;
    }

    /** Words for the UI. */
    public String label() {
        return label;
    }
}

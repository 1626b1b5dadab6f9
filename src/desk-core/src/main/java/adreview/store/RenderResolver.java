package adreview.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Resolves the rendered ad Stage 2 judges (SPEC section 3, step 3), first hit wins: a URL given
 * explicitly; {@code overlaid_img_asset_id} → {@code image_assets.image_url};
 * {@code overlay_layouts.layout.render.url}. With several layouts the newest wins ({@link OverlayOrder});
 * its overlay id comes along for the trace's request.
 */
public final class RenderResolver {

    /** The render query; {@code %s} is the newest-first order of the variant's layouts ({@link OverlayOrder}). */
    private static final String SQL = """
            SELECT NULLIF(btrim(oa.image_url), '') AS overlaid_url, ol.overlay_id, ol.render_url
              FROM jobs_variants v
              LEFT JOIN image_assets oa ON oa.image_asset_id = v.overlaid_img_asset_id
              LEFT JOIN LATERAL (
                   SELECT o.overlay_id, NULLIF(btrim(o.layout #>> '{render,url}'), '') AS render_url
                     FROM overlay_layouts o
                    WHERE o.job_variants_id = v.job_variants_id
                    ORDER BY %s
                    LIMIT 1) ol ON true
             WHERE v.job_variants_id = ?
            """;

    private final Database database;

    public RenderResolver(Database database) {
        this.database = database;
    }

    /** Resolves for the variant; {@code explicitUrl} may be null or blank. */
    public ResolvedRender resolve(UUID variantId, String explicitUrl) {
        return database.withConnection(c -> resolve(c, variantId, explicitUrl));
    }

    /**
     * As {@link #resolve(UUID, String)} on the caller's connection.
     *
     * @throws StoreException when the variant does not exist
     */
    public ResolvedRender resolve(Connection connection, UUID variantId, String explicitUrl) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(SQL.formatted(OverlayOrder.newestFirst(database, "o")))) {
            st.setObject(1, variantId);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    throw new StoreException("variant " + variantId + " not found in jobs_variants");
                }
                UUID overlayId = Rows.uuid(rs, "overlay_id");
                if (explicitUrl != null && !explicitUrl.isBlank()) {
                    return new ResolvedRender(explicitUrl.strip(), RenderSource.EXPLICIT, overlayId);
                }
                String overlaid = rs.getString("overlaid_url");
                if (overlaid != null) {
                    return new ResolvedRender(overlaid, RenderSource.OVERLAID_ASSET, overlayId);
                }
                String layoutUrl = rs.getString("render_url");
                if (layoutUrl != null) {
                    return new ResolvedRender(layoutUrl, RenderSource.OVERLAY_LAYOUT, overlayId);
                }
                return new ResolvedRender(null, RenderSource.NONE, overlayId);
            }
        }
    }
}

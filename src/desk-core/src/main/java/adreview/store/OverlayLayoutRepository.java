package adreview.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import java.util.UUID;

/** Overlay layouts ({@code overlay_layouts}): where the text boxes of a rendered ad are. */
public final class OverlayLayoutRepository {

    private final Database database;

    public OverlayLayoutRepository(Database database) {
        this.database = database;
    }

    /** The variant's layout (the same one {@link RenderResolver} uses), if it has one. */
    public Optional<OverlayLayout> forVariant(UUID variantId) {
        return database.withConnection(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT overlay_id, job_variants_id, layout FROM overlay_layouts "
                            + "WHERE job_variants_id = ? ORDER BY overlay_id LIMIT 1")) {
                st.setObject(1, variantId);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next()
                            ? Optional.of(new OverlayLayout(Rows.uuid(rs, "overlay_id"),
                                    Rows.uuid(rs, "job_variants_id"), Rows.json(rs, "layout")))
                            : Optional.empty();
                }
            }
        });
    }
}

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

    /** The variant's newest layout (the same one {@link RenderResolver} uses), if it has one. */
    public Optional<OverlayLayout> forVariant(UUID variantId) {
        return database.withConnection(c -> {
            try (PreparedStatement st = c.prepareStatement(
                    "SELECT o.overlay_id, o.job_variants_id, o.layout FROM overlay_layouts o "
                            + "WHERE job_variants_id = ? ORDER BY " + OverlayOrder.newestFirst(database, "o") + " LIMIT 1")) {
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

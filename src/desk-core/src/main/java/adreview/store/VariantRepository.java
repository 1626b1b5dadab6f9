package adreview.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Variants ({@code jobs_variants}): the list the desk browses, single variants, and the status /
 * step updates of a stage run. Methods that take a {@link Connection} join the caller's
 * transaction ({@link Database#inTransaction}); the others use their own connection.
 */
public final class VariantRepository {

    /**
     * The list query. A trace belongs to a variant when it names it, or (older pipeline traces
     * without {@code job_variants_id}) when it is of the same job and its request names the same
     * image (Stage 1) or render (Stage 2). The Stage 1 / Stage 2 columns show the latest pipeline
     * result: re-judges ({@code request.rejudge = true}) do not count, nor do traces that never
     * became the variant's state (superseded, or cancelled with the variant put back); {@code rejudged}
     * says a re-judge was stored after it. {@code %1$s} is the newest-first order of overlay layouts.
     */
    private static final String ROW_SELECT = """
            SELECT v.job_variants_id, v.job_id, j.tenant_id, v.current_step, v.status, v.updated_at,
                   ia.image_url, COALESCE(NULLIF(oa.image_url, ''), ol.render_url) AS render_url,
                   s1.response AS s1_response, s1.created_at AS s1_at,
                   s2.response AS s2_response, s2.created_at AS s2_at,
                   EXISTS (SELECT 1 FROM vlm_traces r
                            WHERE r.job_variants_id = v.job_variants_id
                              AND r.request ->> 'rejudge' = 'true'
                              AND ((r.operation_type = 'analyze' AND r.created_at > COALESCE(s1.created_at, '-infinity'))
                                   OR (r.operation_type = 'judge' AND r.created_at > COALESCE(s2.created_at, '-infinity'))))
                       AS rejudged
              FROM jobs_variants v
              JOIN jobs j ON j.job_id = v.job_id
              LEFT JOIN image_assets ia ON ia.image_asset_id = v.img_asset_id
              LEFT JOIN image_assets oa ON oa.image_asset_id = v.overlaid_img_asset_id
              LEFT JOIN LATERAL (
                   SELECT NULLIF(o.layout #>> '{render,url}', '') AS render_url
                     FROM overlay_layouts o
                    WHERE o.job_variants_id = v.job_variants_id
                    ORDER BY %1$s
                    LIMIT 1) ol ON true
              LEFT JOIN LATERAL (
                   SELECT t.response, t.created_at
                     FROM vlm_traces t
                    WHERE t.operation_type = 'analyze'
                      AND (t.job_variants_id = v.job_variants_id
                           OR (t.job_variants_id IS NULL AND t.job_id = v.job_id
                               AND t.request ->> 'asset_url' = ia.image_url))
                      AND %2$s
                    ORDER BY t.created_at DESC, t.vlm_trace_id
                    LIMIT 1) s1 ON true
              LEFT JOIN LATERAL (
                   SELECT t.response, t.created_at
                     FROM vlm_traces t
                    WHERE t.operation_type = 'judge'
                      AND (t.job_variants_id = v.job_variants_id
                           OR (t.job_variants_id IS NULL AND t.job_id = v.job_id
                               AND t.request ->> 'render_asset_url'
                                   = COALESCE(NULLIF(oa.image_url, ''), ol.render_url)))
                      AND %2$s
                    ORDER BY t.created_at DESC, t.vlm_trace_id
                    LIMIT 1) s2 ON true
            """;

    /** A trace (alias t) that is a pipeline result which became the variant's state. */
    private static final String PIPELINE_RESULT = "(t.request ->> 'rejudge') IS DISTINCT FROM 'true' "
            + "AND t.response -> 'superseded' IS NULL AND t.response -> 'restored' IS NULL";

    private static final String VARIANT_SELECT = """
            SELECT v.job_variants_id, v.job_id, v.img_asset_id, v.overlaid_img_asset_id, v.status,
                   v.current_step, v.updated_at, ia.image_url, oa.image_url AS overlaid_image_url
              FROM jobs_variants v
              LEFT JOIN image_assets ia ON ia.image_asset_id = v.img_asset_id
              LEFT JOIN image_assets oa ON oa.image_asset_id = v.overlaid_img_asset_id
             WHERE v.job_variants_id = ?
            """;

    private final Database database;

    public VariantRepository(Database database) {
        this.database = database;
    }

    private String rowSelect() {
        return ROW_SELECT.formatted(OverlayOrder.newestFirst(database, "o"), PIPELINE_RESULT);
    }

    /** Variants matching {@code filter}, most recently updated first. */
    public List<VariantRow> list(VariantFilter filter) {
        return database.withConnection(c -> list(c, filter));
    }

    /** As {@link #list(VariantFilter)} on the caller's connection. */
    public List<VariantRow> list(Connection connection, VariantFilter filter) throws SQLException {
        StringBuilder sql = new StringBuilder(rowSelect()).append(" WHERE true");
        List<Object> params = new ArrayList<>();
        if (filter.status() != null) {
            sql.append(" AND v.status = ?");
            params.add(filter.status());
        }
        if (filter.step() != null) {
            sql.append(" AND v.current_step = ?");
            params.add(filter.step());
        }
        if (filter.jobId() != null) {
            sql.append(" AND v.job_id = ?");
            params.add(filter.jobId());
        }
        if (filter.text() != null) {
            String pattern = Rows.containsPattern(filter.text());
            sql.append(' ').append("""
                     AND (v.job_variants_id::text ILIKE ? OR v.job_id::text ILIKE ? OR j.tenant_id ILIKE ?
                          OR ia.image_url ILIKE ? OR v.status ILIKE ? OR v.current_step ILIKE ?
                          OR EXISTS (SELECT 1 FROM job_inputs ji WHERE ji.job_id = v.job_id AND ji.desc_eng ILIKE ?)
                          OR EXISTS (SELECT 1 FROM txt_ad_copy_generations g
                                      WHERE g.job_id = v.job_id AND g.ad_copy_eng ILIKE ?))""");
            for (int i = 0; i < 8; i++) {
                params.add(pattern);
            }
        }
        sql.append(" ORDER BY v.updated_at DESC, v.job_variants_id");
        try (PreparedStatement st = connection.prepareStatement(sql.toString())) {
            Rows.bind(st, params);
            try (ResultSet rs = st.executeQuery()) {
                List<VariantRow> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(row(rs));
                }
                return rows;
            }
        }
    }

    /** One list row by variant id. */
    public Optional<VariantRow> findRow(UUID variantId) {
        return database.withConnection(c -> {
            try (PreparedStatement st = c.prepareStatement(rowSelect() + " WHERE v.job_variants_id = ?")) {
                st.setObject(1, variantId);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? Optional.of(row(rs)) : Optional.empty();
                }
            }
        });
    }

    /** One variant with its image URLs. */
    public Optional<Variant> find(UUID variantId) {
        return database.withConnection(c -> find(c, variantId));
    }

    /** As {@link #find(UUID)} on the caller's connection. */
    public Optional<Variant> find(Connection connection, UUID variantId) throws SQLException {
        return findVariant(connection, variantId, false);
    }

    /**
     * Reads the variant and locks its row until the caller's transaction ends, so that two stage
     * runs on the same variant serialise instead of interleaving status updates.
     */
    public Optional<Variant> findForUpdate(Connection connection, UUID variantId) throws SQLException {
        return findVariant(connection, variantId, true);
    }

    private Optional<Variant> findVariant(Connection connection, UUID variantId, boolean lock) throws SQLException {
        String sql = lock ? VARIANT_SELECT + " FOR UPDATE OF v" : VARIANT_SELECT;
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            st.setObject(1, variantId);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Variant(
                        Rows.uuid(rs, "job_variants_id"), Rows.uuid(rs, "job_id"),
                        Rows.uuid(rs, "img_asset_id"), Rows.uuid(rs, "overlaid_img_asset_id"),
                        rs.getString("status"), rs.getString("current_step"), Rows.instant(rs, "updated_at"),
                        rs.getString("image_url"), rs.getString("overlaid_image_url")));
            }
        }
    }

    /** Sets the status (step unchanged) and {@code updated_at}; fails when the variant does not exist. */
    public void updateStatus(Connection connection, UUID variantId, VariantStatus status) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(
                "UPDATE jobs_variants SET status = ?, updated_at = now() WHERE job_variants_id = ?")) {
            st.setString(1, status.dbValue());
            st.setObject(2, variantId);
            requireOne(st.executeUpdate(), variantId);
        }
    }

    /** Sets step and status together (a stage run starting), and {@code updated_at}. */
    public void updateStepAndStatus(Connection connection, UUID variantId, PipelineStep step, VariantStatus status)
            throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(
                "UPDATE jobs_variants SET current_step = ?, status = ?, updated_at = now() WHERE job_variants_id = ?")) {
            st.setString(1, step.dbValue());
            st.setString(2, status.dbValue());
            st.setObject(3, variantId);
            requireOne(st.executeUpdate(), variantId);
        }
    }

    /** Convenience: {@link #updateStepAndStatus(Connection, UUID, PipelineStep, VariantStatus)} in its own transaction. */
    public void updateStepAndStatus(UUID variantId, PipelineStep step, VariantStatus status) {
        database.runInTransaction(c -> updateStepAndStatus(c, variantId, step, status));
    }

    private static void requireOne(int updated, UUID variantId) {
        if (updated != 1) {
            throw new StoreException("variant " + variantId + " not found in jobs_variants");
        }
    }

    private static VariantRow row(ResultSet rs) throws SQLException {
        JsonNode s1 = Rows.json(rs, "s1_response");
        JsonNode s2 = Rows.json(rs, "s2_response");
        Double score = null;
        Boolean valid = null;
        if (s1 != null && !s1.hasNonNull("error")) {
            JsonNode scoreNode = s1.get("relevance_score");
            score = scoreNode != null && scoreNode.isNumber() ? scoreNode.asDouble() : null;
            JsonNode validNode = s1.get("is_valid");
            valid = validNode != null && validNode.isBoolean() ? validNode.asBoolean() : null;
        }
        return new VariantRow(
                Rows.uuid(rs, "job_variants_id"), Rows.uuid(rs, "job_id"), rs.getString("tenant_id"),
                rs.getString("current_step"), rs.getString("status"), Rows.instant(rs, "updated_at"),
                rs.getString("image_url"), rs.getString("render_url"),
                score, valid, Rows.instant(rs, "s1_at"),
                Stage2Verdict.summarise(s2), Rows.instant(rs, "s2_at"), rs.getBoolean("rejudged"));
    }
}

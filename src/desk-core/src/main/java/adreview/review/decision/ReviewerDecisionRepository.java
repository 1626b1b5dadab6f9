package adreview.review.decision;

import adreview.store.Database;
import adreview.store.StoreException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Reviewer decisions, append-only (migration V10): {@link #record} adds a row, the newest row of a
 * variant is its current decision, older rows are its history. Nothing here updates or deletes;
 * the table's trigger refuses it anyway.
 */
public final class ReviewerDecisionRepository {

    private static final String COLUMNS = "reviewer_decision_id, job_variants_id, verdict, comment, reviewer, vlm_trace_id, created_at";

    private final Database database;

    public ReviewerDecisionRepository(Database database) {
        this.database = database;
    }

    /**
     * Stores a decision. {@code comment} and {@code traceId} may be null; a blank comment is none. A trace
     * must be one of the variant's history: its own, or its job's that names no variant (older pipeline rows).
     *
     * @throws IllegalArgumentException when the variant does not exist, the trace is not one of the variant's,
     *                                  or the reviewer name is blank
     */
    public ReviewerDecision record(UUID variantId, Verdict verdict, String comment, String reviewer, UUID traceId) {
        if (reviewer == null || reviewer.isBlank()) {
            throw new IllegalArgumentException("A decision needs the reviewer's name");
        }
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        return database.inTransaction(c -> {
            if (!variantExists(c, variantId)) {
                throw new IllegalArgumentException("Variant " + variantId + " not found in jobs_variants");
            }
            if (traceId != null) {
                checkTraceOf(c, variantId, traceId);
            }
            try (PreparedStatement st = c.prepareStatement("INSERT INTO reviewer_decisions "
                    + "(job_variants_id, verdict, comment, reviewer, vlm_trace_id) VALUES (?, ?, ?, ?, ?) RETURNING " + COLUMNS)) {
                st.setObject(1, variantId);
                st.setString(2, verdict.dbValue());
                st.setString(3, text);
                st.setString(4, reviewer.strip());
                st.setObject(5, traceId);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    return row(rs);
                }
            }
        });
    }

    /** All decisions on a variant, newest first. */
    public List<ReviewerDecision> history(UUID variantId) {
        return database.withConnection(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT " + COLUMNS + " FROM reviewer_decisions "
                    + "WHERE job_variants_id = ? ORDER BY created_at DESC, reviewer_decision_id")) {
                st.setObject(1, variantId);
                return rows(st);
            }
        });
    }

    /** The current (newest) decision of a variant. */
    public Optional<ReviewerDecision> latest(UUID variantId) {
        List<ReviewerDecision> all = history(variantId);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /** The current decision of each of the given variants that has one, for the variant list. */
    public Map<UUID, ReviewerDecision> latestFor(List<UUID> variantIds) {
        Map<UUID, ReviewerDecision> out = new HashMap<>();
        if (variantIds.isEmpty()) {
            return out;
        }
        return database.withConnection(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT DISTINCT ON (job_variants_id) " + COLUMNS
                    + " FROM reviewer_decisions WHERE job_variants_id = ANY (?) "
                    + "ORDER BY job_variants_id, created_at DESC, reviewer_decision_id")) {
                st.setArray(1, c.createArrayOf("uuid", variantIds.toArray()));
                for (ReviewerDecision d : rows(st)) {
                    out.put(d.variantId(), d);
                }
                return out;
            }
        });
    }

    private static boolean variantExists(Connection c, UUID variantId) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT 1 FROM jobs_variants WHERE job_variants_id = ?")) {
            st.setObject(1, variantId);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Refuses a trace that is not in the variant's history (a decision must not point at another variant's call). */
    private static void checkTraceOf(Connection c, UUID variantId, UUID traceId) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT t.job_variants_id, t.job_id = v.job_id AS same_job "
                + "FROM vlm_traces t, jobs_variants v WHERE t.vlm_trace_id = ? AND v.job_variants_id = ?")) {
            st.setObject(1, traceId);
            st.setObject(2, variantId);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("Trace " + traceId + " not found in vlm_traces: "
                            + "`show " + variantId + "` lists the variant's traces");
                }
                UUID owner = rs.getObject(1, UUID.class);
                boolean ok = owner == null ? rs.getBoolean(2) : owner.equals(variantId);
                if (!ok) {
                    throw new IllegalArgumentException("Trace " + traceId + " belongs to "
                            + (owner == null ? "another job" : "variant " + owner) + ", not to variant " + variantId
                            + ": `show " + variantId + "` lists the variant's traces");
                }
            }
        }
    }

    private static List<ReviewerDecision> rows(PreparedStatement st) throws SQLException {
        try (ResultSet rs = st.executeQuery()) {
            List<ReviewerDecision> out = new ArrayList<>();
            while (rs.next()) {
                out.add(row(rs));
            }
            return out;
        }
    }

    private static ReviewerDecision row(ResultSet rs) throws SQLException {
        Timestamp at = rs.getTimestamp("created_at");
        String verdict = rs.getString("verdict");
        try {
            return new ReviewerDecision(rs.getObject("reviewer_decision_id", UUID.class),
                    rs.getObject("job_variants_id", UUID.class), Verdict.parse(verdict), rs.getString("comment"),
                    rs.getString("reviewer"), rs.getObject("vlm_trace_id", UUID.class), at == null ? null : at.toInstant());
        } catch (IllegalArgumentException e) {
            throw new StoreException("reviewer_decisions holds an unknown verdict '" + verdict + "'", e);
        }
    }
}

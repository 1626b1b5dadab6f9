package adreview.store;

import adreview.review.decision.ReviewerDecision;
import adreview.review.decision.Verdict;

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
 * Reviewer decisions, append-only (migrations V10, V20): {@link #record} adds a decision,
 * {@link #retract} adds a row that takes one back. The current decision of a variant is its newest
 * decision that is not retracted ({@link #latest}); the rest is history. Nothing here updates or
 * deletes; the table's trigger refuses it anyway.
 */
public final class ReviewerDecisionRepository {

    private static final String COLUMNS = "d.reviewer_decision_id, d.job_variants_id, d.verdict, d.comment, d.reviewer, "
            + "d.vlm_trace_id, d.created_at, d.retracts";

    /** Current decisions: newest per variant among those that are not retractions and not retracted. */
    private static final String CURRENT = "SELECT DISTINCT ON (d.job_variants_id) " + COLUMNS
            + ", NULL::uuid AS retracted_by FROM reviewer_decisions d "
            + "WHERE d.job_variants_id = ANY (?) AND d.verdict <> 'retract' "
            + "AND NOT EXISTS (SELECT 1 FROM reviewer_decisions r WHERE r.retracts = d.reviewer_decision_id) "
            + "ORDER BY d.job_variants_id, d.created_at DESC, d.reviewer_decision_id";

    private static final String UNIQUE_VIOLATION = "23505";

    private final Database database;

    public ReviewerDecisionRepository(Database database) {
        this.database = database;
    }

    /**
     * Stores a decision. {@code comment} and {@code traceId} may be null; a blank comment is none. A trace
     * must be one of the variant's history: its own, or its job's that names no variant (older pipeline rows).
     *
     * @throws IllegalArgumentException when the variant does not exist, the trace is not one of the variant's,
     *                                  the reviewer name is blank or the verdict is {@link Verdict#RETRACT}
     *                                  (use {@link #retract})
     */
    public ReviewerDecision record(UUID variantId, Verdict verdict, String comment, String reviewer, UUID traceId) {
        requireReviewer(reviewer);
        if (!verdict.isDecision()) {
            throw new IllegalArgumentException("A retraction names the decision it takes back: use retract(decisionId, reviewer)");
        }
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        return database.inTransaction(c -> {
            if (!variantExists(c, variantId)) {
                throw new IllegalArgumentException("Variant " + variantId + " not found in jobs_variants");
            }
            if (traceId != null) {
                checkTraceOf(c, variantId, traceId);
            }
            return insert(c, variantId, verdict, text, reviewer.strip(), traceId, null);
        });
    }

    /**
     * Takes decision {@code decisionId} back: stores a retraction row by {@code reviewer}. The variant's
     * current decision becomes the newest decision before it that is still in force, or none.
     *
     * @return the stored retraction
     * @throws IllegalArgumentException when the decision does not exist, is itself a retraction, or was
     *                                  already retracted; or the reviewer name is blank
     */
    public ReviewerDecision retract(UUID decisionId, String reviewer) {
        requireReviewer(reviewer);
        return database.inTransaction(c -> {
            ReviewerDecision target = find(c, decisionId).orElseThrow(() ->
                    new IllegalArgumentException("Decision " + decisionId + " not found in reviewer_decisions"));
            if (target.isRetraction()) {
                throw new IllegalArgumentException("Decision " + decisionId + " is a retraction; record a new decision instead");
            }
            if (target.isRetracted()) {
                throw new IllegalArgumentException("Decision " + decisionId + " was already retracted");
            }
            try {
                return insert(c, target.variantId(), Verdict.RETRACT, null, reviewer.strip(), null, decisionId);
            } catch (SQLException e) {
                if (UNIQUE_VIOLATION.equals(e.getSQLState())) { // retracted by someone else a moment ago
                    throw new IllegalArgumentException("Decision " + decisionId + " was already retracted", e);
                }
                throw e;
            }
        });
    }

    /**
     * Undo for the desk: retracts the variant's current decision, if it has one.
     *
     * @return the retraction, or empty when the variant has no decision in force
     */
    public Optional<ReviewerDecision> retractCurrent(UUID variantId, String reviewer) {
        requireReviewer(reviewer);
        return latest(variantId).map(current -> retract(current.decisionId(), reviewer));
    }

    /** Every row of a variant, newest first: decisions (retracted ones marked) and retractions. */
    public List<ReviewerDecision> history(UUID variantId) {
        return database.withConnection(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT " + COLUMNS
                    + ", r.reviewer_decision_id AS retracted_by FROM reviewer_decisions d "
                    + "LEFT JOIN reviewer_decisions r ON r.retracts = d.reviewer_decision_id "
                    + "WHERE d.job_variants_id = ? ORDER BY d.created_at DESC, d.reviewer_decision_id")) {
                st.setObject(1, variantId);
                return rows(st);
            }
        });
    }

    /** The current decision of a variant: its newest decision that has not been retracted. */
    public Optional<ReviewerDecision> latest(UUID variantId) {
        return Optional.ofNullable(latestFor(List.of(variantId)).get(variantId));
    }

    /** The current decision ({@link #latest}) of each of the given variants that has one, for the variant list. */
    public Map<UUID, ReviewerDecision> latestFor(List<UUID> variantIds) {
        Map<UUID, ReviewerDecision> out = new HashMap<>();
        if (variantIds.isEmpty()) {
            return out;
        }
        return database.withConnection(c -> {
            try (PreparedStatement st = c.prepareStatement(CURRENT)) {
                st.setArray(1, c.createArrayOf("uuid", variantIds.toArray()));
                for (ReviewerDecision d : rows(st)) {
                    out.put(d.variantId(), d);
                }
                return out;
            }
        });
    }

    private static Optional<ReviewerDecision> find(Connection c, UUID decisionId) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT " + COLUMNS
                + ", r.reviewer_decision_id AS retracted_by FROM reviewer_decisions d "
                + "LEFT JOIN reviewer_decisions r ON r.retracts = d.reviewer_decision_id "
                + "WHERE d.reviewer_decision_id = ?")) {
            st.setObject(1, decisionId);
            List<ReviewerDecision> found = rows(st);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        }
    }

    private static ReviewerDecision insert(Connection c, UUID variantId, Verdict verdict, String comment,
                                           String reviewer, UUID traceId, UUID retracts) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("INSERT INTO reviewer_decisions AS d "
                + "(job_variants_id, verdict, comment, reviewer, vlm_trace_id, retracts) VALUES (?, ?, ?, ?, ?, ?) "
                + "RETURNING " + COLUMNS + ", NULL::uuid AS retracted_by")) {
            st.setObject(1, variantId);
            st.setString(2, verdict.dbValue());
            st.setString(3, comment);
            st.setString(4, reviewer);
            st.setObject(5, traceId);
            st.setObject(6, retracts);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return row(rs);
            }
        }
    }

    private static void requireReviewer(String reviewer) {
        if (reviewer == null || reviewer.isBlank()) {
            throw new IllegalArgumentException("A decision needs the reviewer's name");
        }
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
                    rs.getObject("job_variants_id", UUID.class), Verdict.fromDb(verdict), rs.getString("comment"),
                    rs.getString("reviewer"), rs.getObject("vlm_trace_id", UUID.class), at == null ? null : at.toInstant(),
                    rs.getObject("retracts", UUID.class), rs.getObject("retracted_by", UUID.class));
        } catch (IllegalArgumentException e) {
            throw new StoreException("reviewer_decisions holds an unknown verdict '" + verdict + "'", e);
        }
    }
}

package adreview.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Model-call traces ({@code vlm_traces}). The desk only inserts and reads them: traces are history.
 * {@link #insert(Connection, NewTrace)} joins the caller's transaction so that a stage run's status
 * update and its trace commit together.
 */
public final class TraceRepository {

    private static final String COLUMNS = "vlm_trace_id, job_id, job_variants_id, provider, operation_type, "
            + "request, response, latency_ms, created_at, updated_at";

    private final Database database;

    public TraceRepository(Database database) {
        this.database = database;
    }

    /** Inserts on the caller's connection and returns the stored row (id and times from the database). */
    public Trace insert(Connection connection, NewTrace trace) throws SQLException {
        return insert(connection, trace, null);
    }

    /**
     * Inserts with the given id (null: the database picks one), so that a write retried after a lost
     * connection can tell whether its first attempt committed ({@link #find(Connection, UUID)}). Text the database
     * would refuse (NUL) is escaped ({@link PostgresText}): a trace is always stored.
     */
    public Trace insert(Connection connection, NewTrace trace, UUID traceId) throws SQLException {
        String sql = "INSERT INTO vlm_traces (vlm_trace_id, job_id, job_variants_id, provider, operation_type, request, "
                + "response, latency_ms) VALUES (COALESCE(?, gen_random_uuid()), ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?) "
                + "RETURNING " + COLUMNS;
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            st.setObject(1, traceId, Types.OTHER);
            st.setObject(2, trace.jobId());
            st.setObject(3, trace.variantId());
            st.setString(4, trace.provider());
            st.setString(5, trace.operationType());
            st.setString(6, Rows.jsonText(PostgresText.json(trace.request())));
            st.setString(7, Rows.jsonText(PostgresText.json(trace.response())));
            if (trace.latencyMs() == null) {
                st.setNull(8, Types.INTEGER);
            } else {
                st.setInt(8, trace.latencyMs());
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return trace(rs);
            }
        }
    }

    /** The trace with this id on the caller's connection, if it was stored. */
    public Optional<Trace> find(Connection connection, UUID traceId) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement("SELECT " + COLUMNS + " FROM vlm_traces WHERE vlm_trace_id = ?")) {
            st.setObject(1, traceId);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(trace(rs)) : Optional.empty();
            }
        }
    }

    /** Inserts in its own transaction. */
    public Trace insert(NewTrace trace) {
        return database.inTransaction(c -> insert(c, trace));
    }

    /** One trace by id. */
    public Optional<Trace> find(UUID traceId) {
        List<Trace> found = query("WHERE vlm_trace_id = ?", traceId);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** Traces that name this variant, newest first. */
    public List<Trace> forVariant(UUID variantId) {
        return query("WHERE job_variants_id = ? ORDER BY created_at DESC, vlm_trace_id", variantId);
    }

    /** Every trace of the job, with or without a variant, newest first. */
    public List<Trace> forJob(UUID jobId) {
        return query("WHERE job_id = ? ORDER BY created_at DESC, vlm_trace_id", jobId);
    }

    /**
     * The history a reviewer sees for a variant: its own traces and its job's traces that name no
     * variant (the pipeline's older rows), newest first.
     */
    public List<Trace> history(UUID variantId, UUID jobId) {
        return query("WHERE job_variants_id = ? OR (job_id = ? AND job_variants_id IS NULL) "
                + "ORDER BY created_at DESC, vlm_trace_id", variantId, jobId);
    }

    private List<Trace> query(String where, Object... params) {
        return database.withConnection(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT " + COLUMNS + " FROM vlm_traces " + where)) {
                Rows.bind(st, List.of(params));
                try (ResultSet rs = st.executeQuery()) {
                    List<Trace> traces = new ArrayList<>();
                    while (rs.next()) {
                        traces.add(trace(rs));
                    }
                    return traces;
                }
            }
        });
    }

    private static Trace trace(ResultSet rs) throws SQLException {
        return new Trace(Rows.uuid(rs, "vlm_trace_id"), Rows.uuid(rs, "job_id"), Rows.uuid(rs, "job_variants_id"),
                rs.getString("provider"), rs.getString("operation_type"),
                Rows.json(rs, "request"), Rows.json(rs, "response"), Rows.integer(rs, "latency_ms"),
                Rows.instant(rs, "created_at"), Rows.instant(rs, "updated_at"));
    }
}

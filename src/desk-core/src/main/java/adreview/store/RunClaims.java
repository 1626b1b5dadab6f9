package adreview.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Run claims ({@code desk_runs}, migration V11): who owns a {@code running} the desk wrote.
 *
 * <ul>
 *   <li>{@link #insert} joins the transaction that sets the variant running, so the two commit together.</li>
 *   <li>While a run is live ({@link #beat} … {@link #release}) one daemon thread per instance refreshes the
 *       heartbeat of all its live claims every {@link #HEARTBEAT_EVERY} and saves the answer written so far.</li>
 *   <li>{@link #end} is the run's final transaction: the trace, the variant's new state only where the
 *       variant still has the step and {@code running} status this run set and the claim is still open,
 *       and the claim closed. Where that guard fails the trace is stored all the same, marked
 *       {@code superseded} with the state found, and the variant is left alone. A database outage is
 *       retried ({@link WriteRetry}).</li>
 * </ul>
 * The desk and every CLI command open one instance (in {@code DeskContext}); {@link #close} stops its thread.
 */
public final class RunClaims implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RunClaims.class);

    /** How often a live claim's heartbeat is refreshed (the issue asks for at least every 10 s). */
    public static final Duration HEARTBEAT_EVERY = Duration.ofSeconds(5);
    /** A claim whose heartbeat is older than this is recovered by any process, on any host. */
    public static final Duration EXPIRY = Duration.ofMinutes(2);
    /** How long a final write waits for an unreachable database. */
    public static final Duration FINAL_WRITE_RETRY = Duration.ofSeconds(30);

    static final String COLUMNS = "run_id, job_variants_id, job_id, stage, expected_step, from_step, from_status, "
            + "host, pid, started_at, heartbeat_at, finished_at, outcome, detail, request, partial_text, vlm_trace_id";

    /**
     * Runs live in this process, whatever their database: recovery treats a claim that names this
     * process but is not here as dead (a pid reused by a new process, as in a container).
     */
    private static final Set<UUID> LIVE_HERE = ConcurrentHashMap.newKeySet();

    private final Database database;
    private final TraceRepository traces;
    private final ProcessIdentity identity;
    private final Duration heartbeatEvery;
    private final WriteRetry retry;
    /** This instance's live runs and the answer each has written so far. */
    private final Map<UUID, String> live = new ConcurrentHashMap<>();
    private ScheduledExecutorService heartbeat;
    private boolean closed;
    private volatile boolean heartbeatFailing;

    public RunClaims(Database database) {
        this(database, ProcessIdentity.current(), HEARTBEAT_EVERY, FINAL_WRITE_RETRY);
    }

    public RunClaims(Database database, ProcessIdentity identity, Duration heartbeatEvery, Duration finalWriteRetry) {
        this.database = database;
        this.traces = new TraceRepository(database);
        this.identity = identity;
        this.heartbeatEvery = heartbeatEvery;
        this.retry = new WriteRetry(database, finalWriteRetry);
    }

    /** The process this instance claims runs for. */
    public ProcessIdentity identity() {
        return identity;
    }

    /** The final writes' retry policy (re-judges store their trace through it too). */
    public WriteRetry retry() {
        return retry;
    }

    /** True while {@code runId} is live in this process (in any instance). */
    public static boolean liveHere(UUID runId) {
        return LIVE_HERE.contains(runId);
    }

    /**
     * Inserts the claim of a run on the caller's transaction, the one that locked the variant and sets it
     * to {@code expectedStep/running}.
     *
     * @param before  the variant as locked, before the run's write
     * @param request the trace request the run starts with (kept for a recovery's trace)
     */
    public void insert(Connection connection, UUID runId, Variant before, int stage, PipelineStep expectedStep,
                       JsonNode request) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement("INSERT INTO desk_runs (run_id, job_variants_id, "
                + "job_id, stage, expected_step, from_step, from_status, host, pid, request) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)")) {
            st.setObject(1, runId);
            st.setObject(2, before.variantId());
            st.setObject(3, before.jobId());
            st.setInt(4, stage);
            st.setString(5, expectedStep.dbValue());
            st.setString(6, before.currentStep());
            st.setString(7, before.status());
            st.setString(8, identity.host());
            st.setLong(9, identity.pid());
            st.setString(10, Rows.jsonText(PostgresText.json(request)));
            st.executeUpdate();
        }
    }

    /** The run's claim committed: keep its heartbeat fresh until {@link #release}. */
    public synchronized void beat(UUID runId) {
        if (closed) {
            throw new IllegalStateException("run claims are closed");
        }
        live.put(runId, "");
        LIVE_HERE.add(runId);
        if (heartbeat == null) {
            heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "desk-run-heartbeat");
                t.setDaemon(true);
                return t;
            });
            long ms = heartbeatEvery.toMillis();
            heartbeat.scheduleWithFixedDelay(this::refresh, ms, ms, TimeUnit.MILLISECONDS);
        }
    }

    /** The answer written so far; saved with the next heartbeat, so that a recovery's trace has it. */
    public void partialText(UUID runId, String text) {
        live.computeIfPresent(runId, (id, old) -> text == null ? "" : text);
    }

    /** The run has ended (or given up writing): no more heartbeats, so that its claim can expire. */
    public void release(UUID runId) {
        live.remove(runId);
        LIVE_HERE.remove(runId);
    }

    /** Refreshes every live claim of this instance in one statement; never throws (the thread must live on). */
    void refresh() {
        if (live.isEmpty()) {
            return;
        }
        List<UUID> ids = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        live.forEach((id, text) -> {
            ids.add(id);
            texts.add(PostgresText.text(text));
        });
        try {
            database.withConnection(c -> {
                try (PreparedStatement st = c.prepareStatement("UPDATE desk_runs d SET heartbeat_at = now(), "
                        + "partial_text = x.t FROM unnest(?::uuid[], ?::text[]) AS x(id, t) "
                        + "WHERE d.run_id = x.id AND d.finished_at IS NULL")) {
                    st.setArray(1, c.createArrayOf("uuid", ids.toArray()));
                    st.setArray(2, c.createArrayOf("text", texts.toArray()));
                    return st.executeUpdate();
                }
            });
            if (heartbeatFailing) {
                heartbeatFailing = false;
                LOG.warn("run heartbeat is back");
            }
        } catch (RuntimeException e) {
            if (!heartbeatFailing) {
                heartbeatFailing = true;
                LOG.warn("run heartbeat failed: {}", Database.reason(e), e);
            }
        }
    }

    /** What the run's final transaction does to the variant when its guard holds. */
    public sealed interface Change {
        /** {@code status} (step unchanged), {@code updated_at = now()}: done or failed. */
        record SetStatus(VariantStatus status) implements Change {
        }

        /** Step, status and {@code updated_at} back as they were before the run (a cancel with Esc). */
        record Restore(String step, String status, Instant updatedAt) implements Change {
        }
    }

    /**
     * The end of a run.
     *
     * @param traceId the id the trace gets (chosen by the caller, so that a retried write finds its first commit)
     * @param detail  for the claim: the error, the cancel reason
     */
    public record Ending(UUID runId, UUID traceId, NewTrace trace, Change change, ClaimOutcome outcome, String detail) {
    }

    /**
     * How the final transaction went.
     *
     * @param trace       the stored trace; null only when the variant no longer exists
     * @param applied     the variant got the run's change
     * @param foundStep   the variant's step as found (null when it was deleted)
     * @param foundStatus its status as found
     */
    public record Ended(Trace trace, boolean applied, String foundStep, String foundStatus) {
    }

    /**
     * The run's final transaction, retried through a database outage (see the class comment).
     *
     * @throws WriteGaveUpException when the database stayed unreachable; the claim stays open and
     *                              expires, and the recovery then fails the variant
     */
    public Ended end(Ending ending, String what) {
        return retry.inTransaction(what, c -> end(c, ending));
    }

    private Ended end(Connection c, Ending e) throws SQLException {
        Optional<Trace> already = traces.find(c, e.traceId());
        if (already.isPresent()) {
            return endedEarlier(c, e, already.get());
        }
        UUID variantId = e.trace().variantId();
        String expectedStep = null;
        boolean claimOpen = false;
        try (PreparedStatement st = c.prepareStatement(
                "SELECT expected_step, finished_at FROM desk_runs WHERE run_id = ? FOR UPDATE")) {
            st.setObject(1, e.runId());
            try (ResultSet rs = st.executeQuery()) {
                if (rs.next()) {
                    expectedStep = rs.getString(1);
                    claimOpen = rs.getTimestamp(2) == null;
                }
            }
        }
        String[] found = lockVariant(c, variantId);
        if (found == null) {
            closeClaim(c, e.runId(), ClaimOutcome.SUPERSEDED, "variant " + variantId + " no longer exists", null, claimOpen);
            return new Ended(null, false, null, null);
        }
        boolean applied = claimOpen && found[0].equals(expectedStep) && VariantStatus.RUNNING.dbValue().equals(found[1]);
        NewTrace trace = e.trace();
        if (applied) {
            apply(c, variantId, expectedStep, e.change());
        } else {
            trace = superseded(trace, found, claimOpen);
        }
        Trace stored = traces.insert(c, trace, e.traceId());
        String detail = applied ? e.detail()
                : "variant found at " + found[0] + "/" + found[1] + (claimOpen ? "" : ", claim already closed");
        closeClaim(c, e.runId(), applied ? e.outcome() : ClaimOutcome.SUPERSEDED, detail, e.traceId(), claimOpen);
        return new Ended(stored, applied, found[0], found[1]);
    }

    /** The first attempt committed but its answer was lost: report what it did. */
    private Ended endedEarlier(Connection c, Ending e, Trace trace) throws SQLException {
        boolean superseded = trace.response() != null && trace.response().has("superseded");
        JsonNode s = superseded ? trace.response().get("superseded") : null;
        String[] found = s != null ? new String[] {s.path("found_step").asText(null), s.path("found_status").asText(null)}
                : new String[] {null, null};
        if (!superseded) {
            String[] now = lockVariant(c, e.trace().variantId());
            found = now == null ? found : now;
        }
        return new Ended(trace, !superseded, found[0], found[1]);
    }

    /** Locks the variant row; {step, status}, or null when it is gone. */
    static String[] lockVariant(Connection c, UUID variantId) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "SELECT current_step, status FROM jobs_variants WHERE job_variants_id = ? FOR UPDATE")) {
            st.setObject(1, variantId);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? new String[] {rs.getString(1), rs.getString(2)} : null;
            }
        }
    }

    private static void apply(Connection c, UUID variantId, String expectedStep, Change change) throws SQLException {
        String guard = " WHERE job_variants_id = ? AND current_step = ? AND status = 'running'";
        List<Object> params = new ArrayList<>();
        String set;
        if (change instanceof Change.SetStatus s) {
            set = "status = ?, updated_at = now()";
            params.add(s.status().dbValue());
        } else {
            Change.Restore r = (Change.Restore) change;
            set = "current_step = ?, status = ?, updated_at = COALESCE(?, updated_at)";
            params.add(r.step());
            params.add(r.status());
            params.add(r.updatedAt() == null ? null : Timestamp.from(r.updatedAt()));
        }
        params.add(variantId);
        params.add(expectedStep);
        try (PreparedStatement st = c.prepareStatement("UPDATE jobs_variants SET " + set + guard)) {
            for (int i = 0; i < params.size(); i++) {
                if (params.get(i) == null) {
                    st.setNull(i + 1, java.sql.Types.TIMESTAMP);
                } else {
                    st.setObject(i + 1, params.get(i));
                }
            }
            if (st.executeUpdate() != 1) {
                throw new StoreException("variant " + variantId + " changed under its row lock");
            }
        }
    }

    private static NewTrace superseded(NewTrace trace, String[] found, boolean claimOpen) {
        ObjectNode response = trace.response() != null && trace.response().isObject()
                ? ((ObjectNode) trace.response()).deepCopy() : Rows.JSON.createObjectNode();
        ObjectNode s = response.putObject("superseded");
        s.put("found_step", found[0]);
        s.put("found_status", found[1]);
        s.put("claim", claimOpen ? "open" : "closed before the run ended (recovered)");
        return new NewTrace(trace.jobId(), trace.variantId(), trace.provider(), trace.operationType(), trace.request(),
                response, trace.latencyMs());
    }

    static void closeClaim(Connection c, UUID runId, ClaimOutcome outcome, String detail, UUID traceId, boolean open)
            throws SQLException {
        if (!open) {
            return; // closed by a recovery: its outcome and trace stay
        }
        try (PreparedStatement st = c.prepareStatement("UPDATE desk_runs SET finished_at = now(), outcome = ?, "
                + "detail = ?, vlm_trace_id = ? WHERE run_id = ? AND finished_at IS NULL")) {
            st.setString(1, outcome.dbValue());
            st.setString(2, PostgresText.text(detail));
            st.setObject(3, traceId);
            st.setObject(4, runId);
            st.executeUpdate();
        }
    }

    /** One claim by id. */
    public Optional<RunClaim> find(UUID runId) {
        return database.withConnection(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT " + COLUMNS + " FROM desk_runs WHERE run_id = ?")) {
                st.setObject(1, runId);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() ? Optional.of(claim(rs)) : Optional.empty();
                }
            }
        });
    }

    /** Claims not closed yet, oldest first. */
    public List<RunClaim> open() {
        return database.withConnection(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM desk_runs WHERE finished_at IS NULL ORDER BY started_at, run_id")) {
                List<RunClaim> out = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.add(claim(rs));
                    }
                }
                return out;
            }
        });
    }

    static RunClaim claim(ResultSet rs) throws SQLException {
        return new RunClaim(Rows.uuid(rs, "run_id"), Rows.uuid(rs, "job_variants_id"), Rows.uuid(rs, "job_id"),
                rs.getInt("stage"), rs.getString("expected_step"), rs.getString("from_step"), rs.getString("from_status"),
                new ProcessIdentity(rs.getString("host"), rs.getLong("pid")),
                Rows.instant(rs, "started_at"), Rows.instant(rs, "heartbeat_at"), Rows.instant(rs, "finished_at"),
                ClaimOutcome.fromDb(rs.getString("outcome")), rs.getString("detail"), Rows.json(rs, "request"),
                rs.getString("partial_text"), Rows.uuid(rs, "vlm_trace_id"));
    }

    /** Stops the heartbeat thread; claims still live here are left to expire. */
    @Override
    public synchronized void close() {
        closed = true;
        if (heartbeat != null) {
            heartbeat.shutdownNow();
            heartbeat = null;
        }
        live.keySet().forEach(LIVE_HERE::remove);
        live.clear();
    }
}

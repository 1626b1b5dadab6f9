package adreview.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recovers the claims of runs that can no longer end by themselves, so that no variant stays
 * {@code running} for good. A claim is dead when
 * <ul>
 *   <li>its owner ran on this host and that process is gone (at once), or it names this very
 *       process but is not live here (a reused pid), or</li>
 *   <li>its heartbeat is older than {@link RunClaims#EXPIRY}, whatever the host.</li>
 * </ul>
 * Each dead claim is recovered in its own transaction: if the variant is still at the claim's step
 * and {@code running} it is set {@code failed}; a trace whose response says {@code interrupted}
 * and why (with the answer as of the last heartbeat) is appended in any case (marked superseded
 * when the variant had moved on); the claim is closed as {@code recovered}. Variants the
 * pipeline's own services set running have no claim and are never touched.
 */
public final class RunRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(RunRecovery.class);
    /** The traces' provider, as the review service writes it. */
    static final String PROVIDER = "llava";

    /** Why a claim is dead. */
    public enum Reason {
        PROCESS_ENDED("process_ended", "the process that ran it ended"),
        HEARTBEAT_EXPIRED("heartbeat_expired", "its heartbeat expired");

        private final String wire;
        private final String text;

        Reason(String wire, String text) {
            this.wire = wire;
            this.text = text;
        }

        /** As stored in the trace's {@code response.reason}. */
        public String wire() {
            return wire;
        }

        public String text() {
            return text;
        }
    }

    /**
     * One recovered claim.
     *
     * @param variantFailed the variant was still at the claim's step/running and is now failed
     * @param foundStep     the variant's step as found (null when the variant no longer exists)
     * @param traceId       the interrupted trace (null when the variant no longer exists)
     */
    public record Recovered(RunClaim claim, Reason reason, boolean variantFailed, String foundStep, String foundStatus,
                            UUID traceId) {
    }

    private final Database database;
    private final TraceRepository traces;
    private final ProcessIdentity me;
    private final Duration expiry;

    public RunRecovery(Database database, ProcessIdentity me, Duration expiry) {
        this.database = database;
        this.traces = new TraceRepository(database);
        this.me = me;
        this.expiry = expiry;
    }

    /** With this process's identity and the standard expiry. */
    public RunRecovery(Database database) {
        this(database, ProcessIdentity.current(), RunClaims.EXPIRY);
    }

    /** Finds dead claims and recovers each; returns what was recovered (empty when nothing was). */
    public List<Recovered> recoverDead() {
        List<Recovered> out = new ArrayList<>();
        for (Candidate candidate : openClaims()) {
            Reason reason = deadReason(candidate.claim().owner(), candidate.expired(), candidate.claim().runId(), me,
                    RunClaims::liveHere);
            if (reason == null) {
                continue;
            }
            try {
                database.inTransaction(c -> recover(c, candidate.claim().runId(), reason)).ifPresent(out::add);
            } catch (StoreException e) {
                LOG.warn("could not recover run {} on variant {}: {}", candidate.claim().runId(),
                        candidate.claim().variantId(), e.getMessage(), e);
            }
        }
        if (!out.isEmpty()) {
            LOG.warn("recovered {} interrupted run(s): {}", out.size(),
                    out.stream().map(r -> r.claim().variantId() + " (" + r.reason().text() + ")").toList());
        }
        return out;
    }

    /**
     * Why a claim is dead, or null while its owner may still end it.
     *
     * @param expired   its heartbeat is older than the expiry (by the database's clock)
     * @param liveHere  whether a run id is live in this process
     */
    static Reason deadReason(ProcessIdentity owner, boolean expired, UUID runId, ProcessIdentity me,
                             Predicate<UUID> liveHere) {
        if (owner.host().equals(me.host())) {
            boolean gone = owner.pid() == me.pid() ? !liveHere.test(runId) : !owner.processAlive();
            if (gone) {
                return Reason.PROCESS_ENDED;
            }
        }
        return expired ? Reason.HEARTBEAT_EXPIRED : null;
    }

    /** An open claim and whether its heartbeat has expired. */
    record Candidate(RunClaim claim, boolean expired) {
    }

    List<Candidate> openClaims() {
        return database.withConnection(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT " + RunClaims.COLUMNS
                    + ", heartbeat_at < now() - make_interval(secs => ?) AS expired FROM desk_runs "
                    + "WHERE finished_at IS NULL ORDER BY started_at, run_id")) {
                st.setDouble(1, expiry.toMillis() / 1000.0);
                List<Candidate> out = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Candidate(RunClaims.claim(rs), rs.getBoolean("expired")));
                    }
                }
                return out;
            }
        });
    }

    private Optional<Recovered> recover(Connection c, UUID runId, Reason reason) throws SQLException {
        RunClaim claim;
        boolean expired;
        // SKIP LOCKED: a claim locked right now is being ended by its owner (or recovered by another process).
        try (PreparedStatement st = c.prepareStatement("SELECT " + RunClaims.COLUMNS
                + ", heartbeat_at < now() - make_interval(secs => ?) AS expired FROM desk_runs "
                + "WHERE run_id = ? AND finished_at IS NULL FOR UPDATE SKIP LOCKED")) {
            st.setDouble(1, expiry.toMillis() / 1000.0);
            st.setObject(2, runId);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                claim = RunClaims.claim(rs);
                expired = rs.getBoolean("expired");
            }
        }
        if (reason == Reason.HEARTBEAT_EXPIRED && !expired) {
            return Optional.empty(); // its owner beat in the meantime
        }
        String[] found = RunClaims.lockVariant(c, claim.variantId());
        String why = "interrupted: " + reason.text() + " (" + claim.owner() + ", last heartbeat "
                + claim.heartbeatAt() + ")";
        if (found == null) {
            RunClaims.closeClaim(c, runId, ClaimOutcome.RECOVERED, why + "; variant no longer exists", null, true);
            return Optional.of(new Recovered(claim, reason, false, null, null, null));
        }
        boolean fail = found[0].equals(claim.expectedStep()) && VariantStatus.RUNNING.dbValue().equals(found[1]);
        if (fail) {
            try (PreparedStatement st = c.prepareStatement("UPDATE jobs_variants SET status = 'failed', updated_at = now() "
                    + "WHERE job_variants_id = ? AND current_step = ? AND status = 'running'")) {
                st.setObject(1, claim.variantId());
                st.setString(2, claim.expectedStep());
                st.executeUpdate();
            }
        }
        ObjectNode request = claim.request() != null && claim.request().isObject()
                ? ((ObjectNode) claim.request()).deepCopy() : Rows.JSON.createObjectNode();
        request.put("run_id", runId.toString());
        ObjectNode by = request.putObject("recovered_by");
        by.put("host", me.host());
        by.put("pid", me.pid());
        ObjectNode response = Rows.JSON.createObjectNode();
        response.put("error", why);
        response.put("interrupted", true);
        response.put("reason", reason.wire());
        response.put("raw_text", claim.partialText() == null ? "" : claim.partialText());
        if (!fail) {
            ObjectNode s = response.putObject("superseded");
            s.put("found_step", found[0]);
            s.put("found_status", found[1]);
            s.put("claim", "open");
        }
        UUID traceId = UUID.randomUUID();
        traces.insert(c, new NewTrace(claim.jobId(), claim.variantId(), PROVIDER, claim.operationType(), request,
                response, null), traceId);
        RunClaims.closeClaim(c, runId, ClaimOutcome.RECOVERED,
                why + (fail ? "; variant set failed" : "; variant had moved on to " + found[0] + "/" + found[1]),
                traceId, true);
        return Optional.of(new Recovered(claim, reason, fail, found[0], found[1], traceId));
    }
}

package adreview.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Turns an id as typed (a whole UUID or a prefix of at least 8 hex digits, see {@link IdPrefix}) into the one id it
 * names: the one place the CLI resolves variant, job and trace ids. A prefix is looked up as a range of the primary
 * key ({@code id BETWEEN prefix000… AND prefixfff…}, an index range scan however large the table); a whole UUID is
 * returned as it is, without a query, so that each command keeps its own "not found" for it.
 */
public final class IdResolver {

    /** Candidates an ambiguous prefix lists at most; the count says how many more there are. */
    public static final int SHOWN = 10;

    /** What an id names: its noun, table and a query of the rows in a key range with a few words on each. */
    public enum Kind {
        VARIANT("variant", "jobs_variants", "`list` shows them", """
                SELECT v.job_variants_id AS id,
                       concat_ws(', ', j.tenant_id, v.current_step || '/' || v.status) AS detail,
                       count(*) OVER () AS matches
                  FROM jobs_variants v
                  LEFT JOIN jobs j ON j.job_id = v.job_id
                 WHERE v.job_variants_id BETWEEN ? AND ?
                 ORDER BY v.job_variants_id
                 LIMIT ?
                """),
        JOB("job", "jobs", "`show VARIANT` and `list --json` show job ids", """
                SELECT j.job_id AS id,
                       concat_ws(', ', j.tenant_id, j.current_step || '/' || j.status) AS detail,
                       count(*) OVER () AS matches
                  FROM jobs j
                 WHERE j.job_id BETWEEN ? AND ?
                 ORDER BY j.job_id
                 LIMIT ?
                """),
        TRACE("trace", "vlm_traces", "`show VARIANT` lists a variant's traces", """
                SELECT t.vlm_trace_id AS id,
                       concat_ws(', ', t.operation_type, 'variant ' || left(t.job_variants_id::text, 8),
                                 to_char(t.created_at, 'YYYY-MM-DD HH24:MI')) AS detail,
                       count(*) OVER () AS matches
                  FROM vlm_traces t
                 WHERE t.vlm_trace_id BETWEEN ? AND ?
                 ORDER BY t.vlm_trace_id
                 LIMIT ?
                """);

        private final String noun;
        private final String table;
        private final String hint;
        private final String sql;

        Kind(String noun, String table, String hint, String sql) {
            this.noun = noun;
            this.table = table;
            this.hint = hint;
            this.sql = sql;
        }

        /** "variant", "job", "trace". */
        public String noun() {
            return noun;
        }

        /** The lookup, for tests that check its plan. */
        String sql() {
            return sql;
        }
    }

    private final Database database;

    public IdResolver(Database database) {
        this.database = database;
    }

    /** The variant {@code typed} names. */
    public UUID variant(String typed) {
        return resolve(Kind.VARIANT, typed);
    }

    /** The job {@code typed} names. */
    public UUID job(String typed) {
        return resolve(Kind.JOB, typed);
    }

    /** The trace {@code typed} names. */
    public UUID trace(String typed) {
        return resolve(Kind.TRACE, typed);
    }

    /**
     * The one id of {@code kind} that {@code typed} names.
     *
     * @throws IdResolutionException when it is not an id, too short, or names no row or several (with the first
     *                               {@value #SHOWN} of them)
     */
    public UUID resolve(Kind kind, String typed) {
        IdPrefix prefix = IdPrefix.parse(typed, kind.noun);
        if (prefix.whole()) {
            return prefix.lowest();
        }
        List<IdResolutionException.Candidate> found = new ArrayList<>();
        int matches = database.withConnection(c -> {
            try (PreparedStatement st = c.prepareStatement(kind.sql)) {
                st.setObject(1, prefix.lowest());
                st.setObject(2, prefix.highest());
                st.setInt(3, SHOWN);
                try (ResultSet rs = st.executeQuery()) {
                    int total = 0;
                    while (rs.next()) {
                        found.add(new IdResolutionException.Candidate(rs.getObject("id", UUID.class), rs.getString("detail")));
                        total = rs.getInt("matches");
                    }
                    return total;
                }
            }
        });
        if (matches == 1) {
            return found.get(0).id();
        }
        if (matches == 0) {
            throw new IdResolutionException(IdResolutionException.Problem.NOT_FOUND, kind.noun + " " + prefix.shown()
                    + " not found in " + kind.table + ": no id starts with it (" + kind.hint + ")");
        }
        String listed = String.join(", ", found.stream().map(IdResolutionException.Candidate::shown).toList())
                + (matches > found.size() ? " and " + (matches - found.size()) + " more" : "");
        throw new IdResolutionException(IdResolutionException.Problem.AMBIGUOUS, prefix.shown() + " is the start of "
                + matches + " " + kind.noun + " ids: " + listed + "; give more of the id, or the whole UUID", found, matches);
    }
}

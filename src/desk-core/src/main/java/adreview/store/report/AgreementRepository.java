package adreview.store.report;

import adreview.review.prompt.Prompt;
import adreview.review.report.ComparedVariant;
import adreview.review.report.ComparisonRequest;
import adreview.review.report.DisagreeingVariant;
import adreview.review.report.GroupBy;
import adreview.review.report.Pairing;
import adreview.review.report.ReportChoices;
import adreview.review.report.ReportFilter;
import adreview.review.report.RunSide;
import adreview.store.Database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The report's SQL: every count is a {@code GROUP BY} over the pairs that {@link ReportSql} builds, so
 * the database does the counting however many variants there are, and Java gets back a few dozen rows.
 * One statement per report (its parts are {@code UNION ALL}ed with a {@code part} column) over a
 * materialised {@code pairs}.
 */
public final class AgreementRepository {

    /** One counted row: which part of the report, the group or criterion, the two labels, the count. */
    public record Count(String part, String key, String a, String b, long n) {
    }

    public static final String MATRIX = "matrix";
    public static final String DAY = "day";
    public static final String CRITERION = "criterion";
    public static final String MEASURED = "measured";
    public static final String COVERAGE = "coverage";

    /** Memory per sort or hash of a report statement. */
    public static final String WORK_MEM = "64MB";

    private final Database database;
    private final ZoneId zone;

    public AgreementRepository(Database database, ZoneId zone) {
        this.database = database;
        this.zone = zone;
    }

    ReportSql.Window window(ReportFilter f) {
        return new ReportSql.Window(
                f.from() == null ? null : f.from().atStartOfDay(zone).toOffsetDateTime(),
                f.to() == null ? null : f.to().plusDays(1).atStartOfDay(zone).toOffsetDateTime());
    }

    /**
     * The counts of a report. {@code details}: also the timeline, the per-criterion and measured tables
     * and the coverage (the overall report has them; the grouped run only needs its matrices).
     */
    public List<Count> reportCounts(ReportFilter f, GroupBy groupBy, boolean details) {
        return counts(reportSql(f, groupBy, details));
    }

    /** The statement of {@link #reportCounts} (the benchmark explains it). */
    Sql reportSql(ReportFilter f, GroupBy groupBy, boolean details) {
        Pairing pairing = Pairing.forStage(f.stage());
        Sql sql = ReportSql.joined(f, groupBy, window(f));
        sql.add(" SELECT '" + MATRIX + "' AS part, group_key AS k, CASE WHEN yes THEN " + Sql.literal(pairing.modelLabel(true))
                + " ELSE " + Sql.literal(pairing.modelLabel(false)) + " END AS a, verdict AS b, count(*) AS n"
                + " FROM joined WHERE paired GROUP BY 2, 3, 4");
        if (details) {
            sql.add(" UNION ALL SELECT '" + DAY + "', to_char(decided_at AT TIME ZONE ?, 'YYYY-MM-DD'), NULL,",
                    postgresZone(zone));
            sql.add(" CASE WHEN agree THEN 'agree' ELSE 'disagree' END, count(*) FROM joined WHERE paired GROUP BY 2, 4");
            if (f.stage() == Prompt.Stage.STAGE2) {
                flagTable(sql, CRITERION, List.of("offbrief", "occlusion", "contrast", "cta"), "r_");
                flagTable(sql, MEASURED, List.of("contrast", "cta", "occlusion"), "x_");
            } else {
                flagTable(sql, MEASURED, List.of("quality"), "x_");
            }
            sql.add(" UNION ALL SELECT '" + COVERAGE + "', 'decided_without_verdict', NULL, NULL, count(*)"
                    + " FROM joined WHERE decision_id IS NOT NULL AND trace_id IS NULL"
                    + " UNION ALL SELECT '" + COVERAGE + "', 'verdict_without_decision', NULL, NULL, count(*)"
                    + " FROM joined WHERE trace_id IS NOT NULL AND decision_id IS NULL");
        }
        return sql;
    }

    /**
     * The model's flag ({@code m_<criterion>}) against the other side's ({@code <prefix><criterion>}),
     * unpivoted with a lateral VALUES list; pairs where either side says nothing are left out.
     */
    private static void flagTable(Sql sql, String part, List<String> criteria, String otherPrefix) {
        List<String> rows = criteria.stream()
                .map(c -> "(" + Sql.literal(c) + ", p.m_" + c + ", p." + otherPrefix + c + ")").toList();
        sql.add(" UNION ALL SELECT '" + part + "', c.name, CASE WHEN c.model THEN 'problem' ELSE 'ok' END,"
                + " CASE WHEN c.other THEN 'problem' ELSE 'ok' END, count(*) FROM joined p"
                + " CROSS JOIN LATERAL (VALUES " + String.join(", ", rows) + ") AS c(name, model, other)"
                + " WHERE p.paired AND c.model IS NOT NULL AND c.other IS NOT NULL GROUP BY 2, 3, 4");
    }

    /** The disagreeing pairs of the ungrouped report, most recently decided first. */
    public List<DisagreeingVariant> disagreements(ReportFilter f, int limit) {
        Pairing pairing = Pairing.forStage(f.stage());
        Sql sql = ReportSql.joined(f, GroupBy.NONE, window(f));
        sql.add(" SELECT variant_id, job_id, tenant_id, yes, verdict, reviewer, comment, prompt_version,"
                + " model_folder || ' / ' || model_precision || ' / ' || backend AS model, trace_id, created_at, decided_at"
                + " FROM joined WHERE paired AND NOT agree ORDER BY decided_at DESC, variant_id LIMIT ?", limit);
        return query(sql, rs -> new DisagreeingVariant(uuid(rs, "variant_id"), uuid(rs, "job_id"),
                rs.getString("tenant_id"), pairing.modelLabel(rs.getBoolean("yes")), rs.getString("verdict"),
                rs.getString("reviewer"), rs.getString("comment"), rs.getString("prompt_version"),
                rs.getString("model"), uuid(rs, "trace_id"), instant(rs, "created_at"), instant(rs, "decided_at")));
    }

    /** Distinct tenants, reviewers, prompt versions and model folders. */
    public ReportChoices choices() {
        Sql sql = new Sql().add("SELECT 'tenant' AS kind, tenant_id AS value FROM jobs GROUP BY 2"
                + " UNION ALL SELECT 'reviewer', reviewer FROM reviewer_decisions WHERE verdict <> 'retract' GROUP BY 2"
                + " UNION ALL SELECT 'prompt', COALESCE(request ->> 'prompt_version', 'unversioned') FROM vlm_traces"
                + " WHERE operation_type IN ('analyze', 'judge') GROUP BY 2"
                + " UNION ALL SELECT 'model', COALESCE(request #>> '{model,folder}', 'unknown') FROM vlm_traces"
                + " WHERE operation_type IN ('analyze', 'judge') GROUP BY 2");
        List<String[]> rows = query(sql, rs -> new String[] {rs.getString("kind"), rs.getString("value")});
        return new ReportChoices(values(rows, "tenant"), values(rows, "reviewer"), values(rows, "prompt"),
                values(rows, "model"));
    }

    private static List<String> values(List<String[]> rows, String kind) {
        TreeSet<String> sorted = new TreeSet<>();
        rows.stream().filter(r -> r[0].equals(kind) && r[1] != null).forEach(r -> sorted.add(r[1]));
        return List.copyOf(sorted);
    }

    /**
     * The variants a comparison takes when none are named: the most recently decided ones (under the
     * filter's tenant, reviewer and dates); with {@code withTraces}, only those with a usable trace of side A
     * or B that names its variant (the pipeline's older job-level traces are not searched here; name such
     * variants explicitly). Newest decision first, each checked through the trace index until enough are found.
     */
    public List<UUID> decidedVariants(ComparisonRequest request, boolean withTraces) {
        ReportFilter f = request.filter();
        Sql sql = new Sql();
        ReportSql.decisions(sql, window(f), f.reviewer(), false, null);
        sql.add(" SELECT c.variant_id FROM (SELECT d.variant_id, d.decided_at FROM decisions d"
                + " JOIN jobs_variants jv ON jv.job_variants_id = d.variant_id JOIN jobs j ON j.job_id = jv.job_id WHERE true");
        sql.andIf(f.tenant(), "j.tenant_id = ?");
        sql.add(" ORDER BY d.decided_at DESC, d.variant_id) c");
        if (withTraces) {
            // One index probe per decision, newest first, until enough are found: a WHERE EXISTS over the
            // JSON conditions would be estimated at one row and planned as nested loops over everything.
            sql.add(" CROSS JOIN LATERAL (SELECT 1 FROM vlm_traces t WHERE t.job_variants_id = c.variant_id"
                    + " AND t.operation_type = " + Sql.literal(ReportSql.operation(f.stage()))
                    + " AND " + ReportSql.usable(f.stage(), "t") + " AND (");
            storedSide(sql, request.a());
            sql.add(" OR ");
            storedSide(sql, request.b());
            sql.add(") LIMIT 1) hit");
        }
        sql.add(" ORDER BY c.decided_at DESC, c.variant_id LIMIT ?", request.limit());
        return query(sql, rs -> uuid(rs, "variant_id"));
    }

    /** A side's condition on a stored trace {@code t}, read as {@code judged} reads it. */
    private static void storedSide(Sql sql, RunSide side) {
        sql.add("(true");
        sql.andIf(side.promptVersion(), "COALESCE(t.request ->> 'prompt_version', 'unversioned') = ?")
                .andIf(side.modelFolder(), "COALESCE(t.request #>> '{model,folder}', 'unknown') = ?");
        sql.add(")");
    }

    private static void sideCondition(Sql sql, String alias, RunSide side) {
        sql.add("(true");
        sql.andIf(side.promptVersion(), alias + ".prompt_version = ?").andIf(side.modelFolder(), alias + ".model_folder = ?");
        sql.add(")");
    }

    /** Everything up to {@code compared}: each side's latest verdict and the current decision per variant. */
    private static Sql comparedCtes(Prompt.Stage stage, RunSide a, RunSide b, List<UUID> ids) {
        Sql sql = new Sql();
        ReportSql.judged(sql, stage, ids);
        for (var side : List.of(new Object[] {"side_a", a}, new Object[] {"side_b", b})) {
            sql.add(", " + side[0] + " AS (SELECT DISTINCT ON (j.variant_id) j.variant_id, j.yes FROM judged j"
                    + " WHERE j.usable AND ");
            sideCondition(sql, "j", (RunSide) side[1]);
            sql.add(" ORDER BY j.variant_id, j.created_at DESC, j.trace_id)");
        }
        ReportSql.decisions(sql, ReportSql.Window.ALL, null, false, ids);
        sql.add(", compared AS MATERIALIZED (SELECT jv.job_variants_id AS variant_id, jo.tenant_id, a.yes AS a,"
                + " b.yes AS b, d.verdict FROM jobs_variants jv JOIN jobs jo ON jo.job_id = jv.job_id"
                + " LEFT JOIN side_a a ON a.variant_id = jv.job_variants_id"
                + " LEFT JOIN side_b b ON b.variant_id = jv.job_variants_id"
                + " LEFT JOIN decisions d ON d.variant_id = jv.job_variants_id WHERE jv.job_variants_id = ANY (?))",
                ids.toArray(UUID[]::new));
        return sql;
    }

    /** Side A against the reviewers ("a"), B against the reviewers ("b"), A against B ("ab"). */
    public List<Count> comparisonCounts(Prompt.Stage stage, RunSide a, RunSide b, List<UUID> ids) {
        Pairing p = Pairing.forStage(stage);
        String label = "CASE WHEN %s THEN " + Sql.literal(p.modelLabel(true)) + " ELSE " + Sql.literal(p.modelLabel(false)) + " END";
        Sql sql = comparedCtes(stage, a, b, ids);
        sql.add(" SELECT 'a' AS part, NULL AS k, " + label.formatted("a") + " AS a, verdict AS b, count(*) AS n"
                + " FROM compared WHERE a IS NOT NULL AND verdict IS NOT NULL GROUP BY 3, 4"
                + " UNION ALL SELECT 'b', NULL, " + label.formatted("b") + ", verdict, count(*)"
                + " FROM compared WHERE b IS NOT NULL AND verdict IS NOT NULL GROUP BY 3, 4"
                + " UNION ALL SELECT 'ab', NULL, CASE WHEN a THEN 'yes' ELSE 'no' END, CASE WHEN b THEN 'yes' ELSE 'no' END,"
                + " count(*) FROM compared WHERE a IS NOT NULL AND b IS NOT NULL GROUP BY 3, 4");
        return counts(sql);
    }

    /** Every compared variant with both sides' labels and the decision. */
    public List<ComparedVariant> comparedVariants(Prompt.Stage stage, RunSide a, RunSide b, List<UUID> ids) {
        Pairing p = Pairing.forStage(stage);
        Sql sql = comparedCtes(stage, a, b, ids);
        sql.add(" SELECT variant_id, tenant_id, a, b, verdict FROM compared ORDER BY tenant_id, variant_id");
        return query(sql, rs -> new ComparedVariant(uuid(rs, "variant_id"), rs.getString("tenant_id"),
                label(p, rs, "a"), label(p, rs, "b"), rs.getString("verdict")));
    }

    private static String label(Pairing p, ResultSet rs, String column) throws SQLException {
        boolean yes = rs.getBoolean(column);
        return rs.wasNull() ? null : p.modelLabel(yes);
    }

    private List<Count> counts(Sql sql) {
        return query(sql, rs -> new Count(rs.getString("part"), rs.getString("k"), rs.getString("a"),
                rs.getString("b"), rs.getLong("n")));
    }

    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /**
     * Runs a report statement in a read-only transaction with room to sort in memory (PostgreSQL's default
     * 4 MB of work_mem spills a 100,000-variant DISTINCT ON to disk) and without JIT compilation (it costs
     * more than it saves on these sub-second statements).
     */
    private <T> List<T> query(Sql sql, RowReader<T> reader) {
        return database.inTransaction(c -> {
            try (Statement settings = c.createStatement()) {
                settings.execute("SET TRANSACTION READ ONLY");
                settings.execute("SET LOCAL work_mem = '" + WORK_MEM + "'");
                settings.execute("SET LOCAL jit = off");
            }
            try (PreparedStatement st = c.prepareStatement(sql.text())) {
                bind(c, st, sql.params());
                try (ResultSet rs = st.executeQuery()) {
                    List<T> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(reader.read(rs));
                    }
                    return out;
                }
            }
        });
    }

    private static void bind(Connection c, PreparedStatement st, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            if (p instanceof UUID[] ids) {
                st.setArray(i + 1, c.createArrayOf("uuid", ids));
            } else {
                st.setObject(i + 1, p);
            }
        }
    }

    private static UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    /**
     * The zone for PostgreSQL's {@code AT TIME ZONE}: a region id as it is; a fixed offset in POSIX form,
     * whose sign is the opposite of ISO's ({@code +02:00} east of Greenwich is {@code UTC-02:00} there).
     */
    static String postgresZone(ZoneId zone) {
        ZoneId normal = zone.normalized();
        if (normal instanceof ZoneOffset offset) {
            return offset.getTotalSeconds() == 0 ? "UTC" : "UTC" + ZoneOffset.ofTotalSeconds(-offset.getTotalSeconds()).getId();
        }
        return normal.getId();
    }

    /** The day of a timeline row. */
    public static LocalDate day(String text) {
        return LocalDate.parse(text);
    }
}

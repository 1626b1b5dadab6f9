package adreview.review.report;

import adreview.review.prompt.Prompt;
import adreview.store.Database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
final class AgreementRepository {

    /** One counted row: which part of the report, the group or criterion, the two labels, the count. */
    record Count(String part, String key, String a, String b, long n) {
    }

    static final String MATRIX = "matrix";
    static final String DAY = "day";
    static final String CRITERION = "criterion";
    static final String MEASURED = "measured";
    static final String COVERAGE = "coverage";

    private final Database database;
    private final ZoneId zone;

    AgreementRepository(Database database, ZoneId zone) {
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
    List<Count> reportCounts(ReportFilter f, GroupBy groupBy, boolean details) {
        Pairing pairing = Pairing.forStage(f.stage());
        Sql sql = ReportSql.pairs(f, groupBy, window(f));
        sql.add(" SELECT '" + MATRIX + "' AS part, group_key AS k, CASE WHEN yes THEN " + Sql.literal(pairing.modelLabel(true))
                + " ELSE " + Sql.literal(pairing.modelLabel(false)) + " END AS a, verdict AS b, count(*) AS n"
                + " FROM pairs GROUP BY 2, 3, 4");
        if (details) {
            sql.add(" UNION ALL SELECT '" + DAY + "', to_char(decided_at AT TIME ZONE ?, 'YYYY-MM-DD'), NULL,",
                    postgresZone(zone));
            sql.add(" CASE WHEN agree THEN 'agree' ELSE 'disagree' END, count(*) FROM pairs GROUP BY 2, 4");
            if (f.stage() == Prompt.Stage.STAGE2) {
                flagTable(sql, CRITERION, List.of("offbrief", "occlusion", "contrast", "cta"), "r_");
                flagTable(sql, MEASURED, List.of("contrast", "cta", "occlusion"), "x_");
            } else {
                flagTable(sql, MEASURED, List.of("quality"), "x_");
            }
            sql.add(" UNION ALL SELECT '" + COVERAGE + "', 'decided_without_verdict', NULL, NULL, count(*)"
                    + " FROM decisions d JOIN scope s ON s.variant_id = d.variant_id"
                    + " WHERE NOT EXISTS (SELECT 1 FROM verdicts v WHERE v.variant_id = d.variant_id)"
                    + " UNION ALL SELECT '" + COVERAGE + "', 'verdict_without_decision', NULL, NULL, count(*)"
                    + " FROM verdicts v JOIN scope s ON s.variant_id = v.variant_id"
                    + " WHERE NOT EXISTS (SELECT 1 FROM decisions d WHERE d.variant_id = v.variant_id)");
        }
        return counts(sql);
    }

    /**
     * The model's flag ({@code m_<criterion>}) against the other side's ({@code <prefix><criterion>}),
     * unpivoted with a lateral VALUES list; pairs where either side says nothing are left out.
     */
    private static void flagTable(Sql sql, String part, List<String> criteria, String otherPrefix) {
        List<String> rows = criteria.stream()
                .map(c -> "(" + Sql.literal(c) + ", p.m_" + c + ", p." + otherPrefix + c + ")").toList();
        sql.add(" UNION ALL SELECT '" + part + "', c.name, CASE WHEN c.model THEN 'problem' ELSE 'ok' END,"
                + " CASE WHEN c.other THEN 'problem' ELSE 'ok' END, count(*) FROM pairs p"
                + " CROSS JOIN LATERAL (VALUES " + String.join(", ", rows) + ") AS c(name, model, other)"
                + " WHERE c.model IS NOT NULL AND c.other IS NOT NULL GROUP BY 2, 3, 4");
    }

    /** The disagreeing pairs of the ungrouped report, most recently decided first. */
    List<DisagreeingVariant> disagreements(ReportFilter f, int limit) {
        Pairing pairing = Pairing.forStage(f.stage());
        Sql sql = ReportSql.pairs(f, GroupBy.NONE, window(f));
        sql.add(" SELECT variant_id, job_id, tenant_id, yes, verdict, reviewer, comment, prompt_version,"
                + " model_folder || ' / ' || model_precision || ' / ' || backend AS model, trace_id, created_at, decided_at"
                + " FROM pairs WHERE NOT agree ORDER BY decided_at DESC, variant_id LIMIT ?", limit);
        return query(sql, rs -> new DisagreeingVariant(uuid(rs, "variant_id"), uuid(rs, "job_id"),
                rs.getString("tenant_id"), pairing.modelLabel(rs.getBoolean("yes")), rs.getString("verdict"),
                rs.getString("reviewer"), rs.getString("comment"), rs.getString("prompt_version"),
                rs.getString("model"), uuid(rs, "trace_id"), instant(rs, "created_at"), instant(rs, "decided_at")));
    }

    /** Distinct tenants, reviewers, prompt versions and model folders. */
    ReportChoices choices() {
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
     * filter's tenant, reviewer and dates); with {@code withTraces}, only those that have a usable
     * verdict of side A or B.
     */
    List<UUID> decidedVariants(ComparisonRequest request, boolean withTraces) {
        ReportFilter f = request.filter();
        Sql sql = new Sql();
        ReportSql.traceCtes(sql, f.stage(), f.tenant(), null);
        ReportSql.decisionsCte(sql, window(f), f.reviewer(), false, null);
        sql.add(" SELECT d.variant_id FROM decisions d JOIN scope s ON s.variant_id = d.variant_id WHERE true");
        if (withTraces) {
            sql.add(" AND EXISTS (SELECT 1 FROM judged j WHERE j.variant_id = d.variant_id AND j.usable AND (");
            sideCondition(sql, request.a());
            sql.add(" OR ");
            sideCondition(sql, request.b());
            sql.add("))");
        }
        sql.add(" ORDER BY d.decided_at DESC, d.variant_id LIMIT ?", request.limit());
        return query(sql, rs -> uuid(rs, "variant_id"));
    }

    private static void sideCondition(Sql sql, RunSide side) {
        sql.add("(true");
        sql.andIf(side.promptVersion(), "j.prompt_version = ?").andIf(side.modelFolder(), "j.model_folder = ?");
        sql.add(")");
    }

    /** Everything up to {@code compared}: each side's latest verdict and the current decision per variant. */
    private static Sql comparedCtes(Prompt.Stage stage, RunSide a, RunSide b, List<UUID> ids) {
        Sql sql = new Sql();
        ReportSql.traceCtes(sql, stage, null, ids);
        for (var side : List.of(new Object[] {"side_a", a}, new Object[] {"side_b", b})) {
            sql.add(", " + side[0] + " AS (SELECT DISTINCT ON (j.variant_id) j.variant_id, j.yes FROM judged j"
                    + " WHERE j.usable AND ");
            sideCondition(sql, (RunSide) side[1]);
            sql.add(" ORDER BY j.variant_id, j.created_at DESC, j.trace_id)");
        }
        ReportSql.decisionsCte(sql, ReportSql.Window.ALL, null, false, ids);
        sql.add(", compared AS MATERIALIZED (SELECT s.variant_id, s.tenant_id, a.yes AS a, b.yes AS b, d.verdict"
                + " FROM scope s LEFT JOIN side_a a ON a.variant_id = s.variant_id"
                + " LEFT JOIN side_b b ON b.variant_id = s.variant_id"
                + " LEFT JOIN decisions d ON d.variant_id = s.variant_id)");
        return sql;
    }

    /** Side A against the reviewers ("a"), B against the reviewers ("b"), A against B ("ab"). */
    List<Count> comparisonCounts(Prompt.Stage stage, RunSide a, RunSide b, List<UUID> ids) {
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
    List<ComparedVariant> comparedVariants(Prompt.Stage stage, RunSide a, RunSide b, List<UUID> ids) {
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

    private <T> List<T> query(Sql sql, RowReader<T> reader) {
        return database.withConnection(c -> {
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
    static LocalDate day(String text) {
        return LocalDate.parse(text);
    }
}

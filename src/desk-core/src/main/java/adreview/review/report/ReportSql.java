package adreview.review.report;

import adreview.review.prompt.Prompt;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The report's common table expressions, written once and shared by every statement of
 * {@link AgreementRepository}:
 *
 * <ul>
 * <li>{@code scope}: variants with their job and tenant (the tenant filter);</li>
 * <li>{@code traces}: the stage's traces with the variant they belong to. A trace names its variant;
 *     the pipeline's older traces name only their job and are matched as the variant list matches them
 *     (same image URL for Stage 1, same render URL for Stage 2);</li>
 * <li>{@code judged}: each trace's verdict and flags read from its JSON (one place for the pairing
 *     rules: see {@link Pairing}, {@link ReviewTags});</li>
 * <li>{@code verdicts}: the latest usable verdict per variant ({@code DISTINCT ON}), pipeline runs only
 *     unless re-judges are asked for, per group when grouping by prompt or model;</li>
 * <li>{@code decisions}: the current decision per variant (newest that is not a retraction and not
 *     retracted), per reviewer when grouping by reviewer;</li>
 * <li>{@code pairs}: verdict joined with decision, whether they agree, the group key and the reviewer's
 *     per-criterion flags from the comment tags.</li>
 * </ul>
 *
 * Flags are in "problem" terms: true = the side says this criterion fails (contrast too low, no call to
 * action, text over the subject, off brief, poor image quality).
 */
final class ReportSql {

    private ReportSql() {
    }

    /** The dates of a filter as times: [from, to + 1 day) in the report's time zone; null = open. */
    record Window(OffsetDateTime from, OffsetDateTime toExclusive) {
        static final Window ALL = new Window(null, null);
    }

    static String operation(Prompt.Stage stage) {
        return stage == Prompt.Stage.STAGE1 ? "analyze" : "judge";
    }

    /** {@code WITH scope AS (...), traces AS (...), judged AS (...)}; {@code ids} restricts to those variants. */
    static void traceCtes(Sql sql, Prompt.Stage stage, String tenant, List<UUID> ids) {
        String op = Sql.literal(operation(stage));
        sql.add("WITH scope AS (SELECT jv.job_variants_id AS variant_id, jv.job_id, j.tenant_id"
                + " FROM jobs_variants jv JOIN jobs j ON j.job_id = jv.job_id WHERE true");
        sql.andIf(tenant, "j.tenant_id = ?");
        if (ids != null) {
            sql.add(" AND jv.job_variants_id = ANY (?)", ids.toArray(UUID[]::new));
        }
        sql.add("), traces AS (SELECT t.vlm_trace_id AS trace_id, t.job_variants_id AS variant_id, t.created_at,"
                + " t.request, t.response FROM vlm_traces t WHERE t.operation_type = " + op
                + " AND t.job_variants_id IS NOT NULL");
        if (ids != null) {
            sql.add(" AND t.job_variants_id = ANY (?)", ids.toArray(UUID[]::new));
        }
        String matchesVariant = stage == Prompt.Stage.STAGE1
                ? "t.request ->> 'asset_url' = ia.image_url"
                : "t.request ->> 'render_asset_url' = COALESCE(NULLIF(oa.image_url, ''), (SELECT NULLIF(o.layout #>> "
                  + "'{render,url}', '') FROM overlay_layouts o WHERE o.job_variants_id = v.job_variants_id"
                  + " ORDER BY o.overlay_id LIMIT 1))";
        sql.add(" UNION ALL SELECT t.vlm_trace_id, v.job_variants_id, t.created_at, t.request, t.response"
                + " FROM vlm_traces t JOIN jobs_variants v ON v.job_id = t.job_id"
                + " LEFT JOIN image_assets ia ON ia.image_asset_id = v.img_asset_id"
                + " LEFT JOIN image_assets oa ON oa.image_asset_id = v.overlaid_img_asset_id"
                + " WHERE t.operation_type = " + op + " AND t.job_variants_id IS NULL AND " + matchesVariant);
        if (ids != null) {
            sql.add(" AND v.job_variants_id = ANY (?)", ids.toArray(UUID[]::new));
        }
        sql.add("), judged AS (SELECT tr.trace_id, tr.variant_id, tr.created_at,"
                + " COALESCE(tr.request ->> 'prompt_version', 'unversioned') AS prompt_version,"
                + " COALESCE(tr.request #>> '{model,folder}', 'unknown') AS model_folder,"
                + " COALESCE(tr.request #>> '{model,precision}', 'unknown') AS model_precision,"
                + " COALESCE(tr.request ->> 'backend', 'local') AS backend,"
                + " COALESCE(tr.request -> 'rejudge' = 'true'::jsonb, false) AS rejudge, "
                + judgedColumns(stage) + " FROM traces tr)");
    }

    /** The stage's verdict ({@code yes}), whether the answer is usable, and model / measured flags. */
    private static String judgedColumns(Prompt.Stage stage) {
        String notFailed = "COALESCE(jsonb_typeof(tr.response -> 'error'), 'null') = 'null'";
        if (stage == Prompt.Stage.STAGE1) {
            return notFailed + " AND jsonb_typeof(tr.response -> 'is_valid') = 'boolean' AS usable,"
                    + " CASE WHEN jsonb_typeof(tr.response -> 'is_valid') = 'boolean'"
                    + " THEN (tr.response ->> 'is_valid')::boolean END AS yes,"
                    + " CASE WHEN jsonb_typeof(tr.response -> 'image_quality_ok') = 'boolean'"
                    + " THEN NOT (tr.response ->> 'image_quality_ok')::boolean END AS m_quality,"
                    + " CASE WHEN jsonb_typeof(tr.response #> '{measured,quality,ok}') = 'boolean'"
                    + " THEN NOT (tr.response #>> '{measured,quality,ok}')::boolean END AS x_quality";
        }
        StringBuilder usable = new StringBuilder(notFailed);
        for (String field : List.of("on_brief", "occlusion", "contrast_ok", "cta_present")) {
            usable.append(" AND jsonb_typeof(tr.response -> '").append(field).append("') = 'boolean'");
        }
        String b = "CASE WHEN " + usable + " THEN ";
        return usable + " AS usable,"
                + b + "(tr.response ->> 'on_brief')::boolean AND NOT (tr.response ->> 'occlusion')::boolean"
                + " AND (tr.response ->> 'contrast_ok')::boolean AND (tr.response ->> 'cta_present')::boolean END AS yes,"
                + b + "NOT (tr.response ->> 'on_brief')::boolean END AS m_offbrief,"
                + b + "(tr.response ->> 'occlusion')::boolean END AS m_occlusion,"
                + b + "NOT (tr.response ->> 'contrast_ok')::boolean END AS m_contrast,"
                + b + "NOT (tr.response ->> 'cta_present')::boolean END AS m_cta,"
                // The measured checks (ReviewService stores them under response.measured).
                + " CASE tr.response #>> '{measured,contrastAa}' WHEN 'FAIL' THEN true WHEN 'PASS' THEN false END AS x_contrast,"
                + " CASE tr.response #>> '{measured,cta,status}' WHEN 'ABSENT' THEN true WHEN 'PRESENT' THEN false END AS x_cta,"
                + " CASE WHEN tr.response #>> '{measured,occlusion,status}' = 'MEASURED'"
                + " THEN jsonb_path_exists(tr.response, '$.measured.occlusion.boxes[*] ? (@.flagged == true)') END AS x_occlusion";
    }

    /** {@code , verdicts AS (...)}: the latest usable verdict per variant (and per group key). */
    static void verdictsCte(Sql sql, ReportFilter f, GroupBy groupBy) {
        String partition = "j.variant_id" + switch (groupBy) {
            case PROMPT -> ", j.prompt_version";
            case MODEL -> ", j.model_folder, j.model_precision, j.backend";
            default -> "";
        };
        sql.add(", verdicts AS (SELECT DISTINCT ON (" + partition + ") j.* FROM judged j WHERE j.usable");
        if (!f.includeRejudges()) {
            sql.add(" AND NOT j.rejudge");
        }
        sql.andIf(f.promptVersion(), "j.prompt_version = ?")
                .andIf(f.model(), "j.model_folder = ?")
                .andIf(f.precision(), "j.model_precision = ?")
                .andIf(f.backend(), "j.backend = ?");
        sql.add(" ORDER BY " + partition + ", j.created_at DESC, j.trace_id)");
    }

    /** {@code , decisions AS (...)}: the current decision per variant (and per reviewer when grouping by reviewer). */
    static void decisionsCte(Sql sql, Window window, String reviewer, boolean perReviewer, List<UUID> ids) {
        String partition = perReviewer ? "d.job_variants_id, d.reviewer" : "d.job_variants_id";
        sql.add(", decisions AS (SELECT DISTINCT ON (" + partition + ") d.job_variants_id AS variant_id,"
                + " d.reviewer_decision_id AS decision_id, d.verdict, d.reviewer, d.comment, d.created_at AS decided_at"
                + " FROM reviewer_decisions d WHERE d.verdict <> 'retract'"
                + " AND NOT EXISTS (SELECT 1 FROM reviewer_decisions r WHERE r.retracts = d.reviewer_decision_id)");
        sql.andIf(window.from(), "d.created_at >= ?")
                .andIf(window.toExclusive(), "d.created_at < ?")
                .andIf(reviewer, "d.reviewer = ?");
        if (ids != null) {
            sql.add(" AND d.job_variants_id = ANY (?)", ids.toArray(UUID[]::new));
        }
        sql.add(" ORDER BY " + partition + ", d.created_at DESC, d.reviewer_decision_id)");
    }

    /** {@code , pairs AS MATERIALIZED (...)}: verdict and decision of the same variant. */
    static void pairsCte(Sql sql, Prompt.Stage stage, GroupBy groupBy) {
        String key = switch (groupBy) {
            case NONE -> "'all'";
            case PROMPT -> "v.prompt_version";
            case MODEL -> "v.model_folder || ' / ' || v.model_precision || ' / ' || v.backend";
            case TENANT -> "s.tenant_id";
            case REVIEWER -> "d.reviewer";
        };
        sql.add(", pairs AS MATERIALIZED (SELECT v.*, s.job_id, s.tenant_id, d.decision_id, d.verdict, d.reviewer,"
                + " d.comment, d.decided_at, v.yes = (d.verdict = 'accept') AS agree, " + key + " AS group_key");
        if (stage == Prompt.Stage.STAGE2) {
            String anyTag = "d.comment ~* " + Sql.literal(ReviewTags.anySqlPattern());
            for (String criterion : ReviewTags.CRITERIA) {
                sql.add(", CASE WHEN " + anyTag + " THEN d.comment ~* " + Sql.literal(ReviewTags.sqlPattern(criterion))
                        + " WHEN d.verdict = 'accept' THEN false END AS r_" + criterion);
            }
        }
        sql.add(" FROM verdicts v JOIN decisions d ON d.variant_id = v.variant_id"
                + " JOIN scope s ON s.variant_id = v.variant_id)");
    }

    /** Everything up to and including {@code pairs} for a report. */
    static Sql pairs(ReportFilter f, GroupBy groupBy, Window window) {
        Sql sql = new Sql();
        traceCtes(sql, f.stage(), f.tenant(), null);
        verdictsCte(sql, f, groupBy);
        decisionsCte(sql, window, f.reviewer(), groupBy == GroupBy.REVIEWER, null);
        pairsCte(sql, f.stage(), groupBy);
        return sql;
    }
}

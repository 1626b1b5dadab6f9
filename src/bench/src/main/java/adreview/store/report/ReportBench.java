package adreview.store.report;

import adreview.review.report.*;

import adreview.review.prompt.Prompt;
import adreview.store.Database;
import adreview.store.EmbeddedDatabase;
import adreview.store.Migrations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * How long the agreement report takes on a large database: generates N variants (default 100,000) in a
 * fresh embedded PostgreSQL, each with a Stage 1 and a Stage 2 pipeline trace shaped like the desk's (prompt
 * in the request, analysis text and measured checks in the response), 10 % re-judged with prompt v2, 2 %
 * with a later failed call, 85 % decided by one of six reviewers (5 % twice, 1 % retracted), then times each
 * query of the Report view: the first run and the median of the next five.
 *
 * <pre>
 *   ./mvnw -q -pl src/bench -am package -DskipTests
 *   java -cp … adreview.store.report.ReportBench [variants] [--data DIR] [--explain]
 * </pre>
 * (or run {@link #main} from an IDE). A developer tool: nothing asserts a time.
 */
public final class ReportBench {

    private ReportBench() {
    }

    public static void main(String[] args) throws Exception {
        List<String> options = Arrays.asList(args);
        int variants = args.length > 0 && !args[0].startsWith("--") ? Integer.parseInt(args[0]) : 100_000;
        boolean explain = options.contains("--explain");
        int keep = options.indexOf("--data");
        Path dir = keep >= 0 ? Path.of(args[keep + 1]) : Files.createTempDirectory("adreview-report-bench");
        try (EmbeddedDatabase pg = EmbeddedDatabase.start(dir.resolve("pg"));
             Database db = Database.connect(pg.jdbcUrl(), pg.user(), "")) {
            Migrations.migrate(db.dataSource());
            if (count(db, "jobs_variants") == 0) {
                long t0 = System.nanoTime();
                generate(db, variants);
                System.out.printf(Locale.ROOT, "generated %,d variants in %.1f s%n", variants, (System.nanoTime() - t0) / 1e9);
            }
            System.out.printf(Locale.ROOT, "%,d variants, %,d traces, %,d decision rows (PostgreSQL on port %d)%n",
                    count(db, "jobs_variants"), count(db, "vlm_traces"), count(db, "reviewer_decisions"), pg.port());
            if (options.contains("--serve")) { // keep the server up for psql until the process is stopped
                Thread.sleep(Long.MAX_VALUE);
            }
            if (explain) {
                boolean analyze = options.contains("--analyze");
                for (GroupBy g : GroupBy.values()) {
                    System.out.println("---- stage 1, " + g + (g == GroupBy.NONE ? ", with details" : ""));
                    explain(db, ReportFilter.of(Prompt.Stage.STAGE1), g, analyze);
                }
                System.out.println("---- stage 2, with details");
                explain(db, ReportFilter.of(Prompt.Stage.STAGE2), GroupBy.NONE, analyze);
            }
            if (!options.contains("--no-timing")) {
                run(db);
            }
        } finally {
            if (keep < 0) {
                deleteRecursively(dir);
            }
        }
    }

    static void run(Database db) {
        AgreementReports reports = new AgreementReports(db);
        ReportFilter s1 = ReportFilter.of(Prompt.Stage.STAGE1);
        ReportFilter s2 = ReportFilter.of(Prompt.Stage.STAGE2);
        time("stage 1 report", () -> reports.report(s1, GroupBy.NONE).overall().total());
        time("stage 2 report (criteria, measured)", () -> reports.report(s2, GroupBy.NONE).overall().total());
        time("stage 1 by prompt, re-judges", () -> reports.report(s1.withRejudges(true), GroupBy.PROMPT).groups().size());
        time("stage 1 by reviewer", () -> reports.report(s1, GroupBy.REVIEWER).groups().size());
        time("stage 1 by model", () -> reports.report(s1, GroupBy.MODEL).groups().size());
        time("stage 1 one tenant, one week", () -> reports.report(s1.withTenant("tenant-3")
                .withDates(java.time.LocalDate.now().minusDays(7), java.time.LocalDate.now()), GroupBy.NONE).overall().total());
        time("disagreements (500)", () -> reports.disagreements(s1, 500).size());
        time("filter choices", () -> reports.choices().tenants().size());
        ComparisonRequest compare = new ComparisonRequest(s1, new RunSide("stage1-v1", null), new RunSide("stage1-v2", null),
                List.of(), 200);
        time("compare: choose 200 decided variants", () -> reports.comparisonVariants(compare, true).size());
        List<java.util.UUID> chosen = reports.comparisonVariants(compare, true);
        time("compare: v1 with v2 on them", () -> reports.compareOn(compare, chosen).aVsB().total());
    }

    /** Runs {@code query} once, then five times, and prints the first time and the median. */
    static void time(String name, Supplier<Object> query) {
        long first = System.nanoTime();
        Object answer = query.get();
        double firstMs = (System.nanoTime() - first) / 1e6;
        double[] runs = new double[5];
        for (int i = 0; i < runs.length; i++) {
            long t = System.nanoTime();
            query.get();
            runs[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(runs);
        System.out.printf(Locale.ROOT, "%-38s first %7.0f ms   median %7.0f ms   (%s)%n", name, firstMs, runs[2], answer);
    }

    /** Prints the plan of a report statement ({@code --analyze}: as it ran). */
    static void explain(Database db, ReportFilter f, GroupBy groupBy, boolean analyze) {
        AgreementRepository repository = new AgreementRepository(db, java.time.ZoneId.systemDefault());
        Sql sql = repository.reportSql(f, groupBy, groupBy == GroupBy.NONE);
        db.withConnection(c -> {
            try (Statement settings = c.createStatement()) { // as AgreementRepository runs it
                settings.execute("SET work_mem = '" + AgreementRepository.WORK_MEM + "'");
                settings.execute("SET jit = off");
            }
            try (PreparedStatement st = c.prepareStatement("EXPLAIN " + (analyze ? "(ANALYZE, BUFFERS) " : "") + sql.text())) {
                for (int i = 0; i < sql.params().size(); i++) {
                    st.setObject(i + 1, sql.params().get(i));
                }
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        System.out.println(rs.getString(1));
                    }
                }
            }
            return null;
        });
    }

    /** Everything generated in the database (generate_series), seeded so that every run makes the same data. */
    static void generate(Database db, int variants) {
        int jobs = Math.max(1, variants / 100);
        String prompt = Sql.literal("Analyze this image and the following ad copy text: ".repeat(18));
        String analysis = Sql.literal("The image shows the product on a plain background; it fits the copy. ".repeat(6));
        List<String> statements = new ArrayList<>(List.of(
                "SELECT setseed(0.42)",
                "CREATE TEMP TABLE truth AS SELECT g, md5('v' || g)::uuid AS v, md5('job' || (g % " + jobs + " + 1))::uuid AS job,"
                        + " random() < 0.7 AS good, random() AS r1, random() AS r2, random() AS r3, (g % 30) AS days"
                        + " FROM generate_series(1, " + variants + ") g",
                "INSERT INTO jobs (job_id, tenant_id, status, current_step, created_at, updated_at)"
                        + " SELECT md5('job' || j)::uuid, 'tenant-' || (j % 20), 'done', 'ocr_eval', now() - interval '40 days',"
                        + " now() - interval '40 days' FROM generate_series(1, " + jobs + ") j",
                "INSERT INTO jobs_variants (job_variants_id, job_id, status, current_step, created_at, updated_at)"
                        + " SELECT v, job, 'done', 'ocr_eval', now() - make_interval(days => days + 2), now() - make_interval(days => days)"
                        + " FROM truth",
                // Stage 1: the model is right 80 % of the time; a third on the 13B fp16 model.
                "INSERT INTO vlm_traces (job_id, job_variants_id, provider, operation_type, request, response, latency_ms, created_at, updated_at)"
                        + " SELECT job, v, 'llava', 'analyze', jsonb_build_object('asset_url', '/assets/bench/' || g || '.png',"
                        + " 'ad_copy_text', 'Fresh coffee for slow mornings ' || g, 'prompt', " + prompt + ", 'prompt_version', 'stage1-v1',"
                        + " 'constrained', true, 'rejudge', false, 'model', jsonb_build_object('folder', CASE WHEN g % 3 = 0"
                        + " THEN 'llava-1.5-13b-hf' ELSE 'llava-1.5-7b-hf' END, 'precision', CASE WHEN g % 3 = 0 THEN 'fp16' ELSE 'int8' END,"
                        + " 'device', 'cuda:0')), jsonb_build_object('is_valid', (r1 < 0.8) = good, 'image_quality_ok', true,"
                        + " 'relevance_score', round(r2::numeric, 2), 'analysis', " + analysis + ", 'issues', '[]'::jsonb,"
                        + " 'recommendations', '[\"Leave space for the headline\"]'::jsonb, 'font_recommendation',"
                        + " '{\"style\": \"bold\", \"size\": \"large\", \"color\": \"light\"}'::jsonb, 'measured',"
                        + " jsonb_build_object('quality', jsonb_build_object('ok', r3 > 0.1, 'width', 1080, 'height', 1350))),"
                        + " 2100, now() - make_interval(days => days + 1), now() - make_interval(days => days + 1) FROM truth",
                // Stage 2 with the measured checks as ReviewService stores them.
                "INSERT INTO vlm_traces (job_id, job_variants_id, provider, operation_type, request, response, latency_ms, created_at, updated_at)"
                        + " SELECT job, v, 'llava', 'judge', jsonb_build_object('render_asset_url', '/assets/bench/' || g || '-render.png',"
                        + " 'prompt', " + prompt + ", 'prompt_version', 'stage2-v1', 'rejudge', false, 'model',"
                        + " jsonb_build_object('folder', 'llava-1.5-7b-hf', 'precision', 'int8', 'device', 'cuda:0')),"
                        + " jsonb_build_object('on_brief', r2 > 0.05, 'occlusion', r3 < 0.1, 'contrast_ok', (r1 < 0.85) = good,"
                        + " 'cta_present', r2 > 0.1, 'analysis', " + analysis + ", 'issues', '[]'::jsonb, 'measured',"
                        + " jsonb_build_object('contrastAa', CASE WHEN good THEN 'PASS' ELSE 'FAIL' END, 'cta',"
                        + " jsonb_build_object('status', CASE WHEN r2 > 0.08 THEN 'PRESENT' ELSE 'ABSENT' END, 'matches', '[]'::jsonb),"
                        + " 'occlusion', jsonb_build_object('status', 'MEASURED', 'boxes', jsonb_build_array("
                        + " jsonb_build_object('box', 0, 'role', 'headline', 'overSubject', 0.1, 'flagged', false),"
                        + " jsonb_build_object('box', 1, 'role', 'cta', 'overSubject', r3, 'flagged', r3 > 0.92))),"
                        + " 'notes', '[]'::jsonb, 'millis', 40)),"
                        + " 1800, now() - make_interval(days => days, hours => 20), now() - make_interval(days => days, hours => 20) FROM truth",
                // Re-judges with prompt v2 (10 %) and later failed pipeline calls (2 %).
                "INSERT INTO vlm_traces (job_id, job_variants_id, provider, operation_type, request, response, latency_ms, created_at, updated_at)"
                        + " SELECT job, v, 'llava', 'analyze', jsonb_build_object('prompt_version', 'stage1-v2', 'rejudge', true,"
                        + " 'reviewer', 'bench', 'reason', 'prompt v2', 'model', jsonb_build_object('folder', 'llava-1.5-7b-hf',"
                        + " 'precision', 'int8', 'device', 'cuda:0')), jsonb_build_object('is_valid', (r1 < 0.9) = good), 2000,"
                        + " now() - make_interval(hours => 3), now() - make_interval(hours => 3) FROM truth WHERE g % 10 = 0",
                "INSERT INTO vlm_traces (job_id, job_variants_id, provider, operation_type, request, response, created_at, updated_at)"
                        + " SELECT job, v, 'llava', 'analyze', jsonb_build_object('prompt_version', 'stage1-v1', 'rejudge', false),"
                        + " jsonb_build_object('error', 'CUDA out of memory', 'raw_text', ''), now() - make_interval(hours => 2),"
                        + " now() - make_interval(hours => 2) FROM truth WHERE g % 50 = 7",
                // Decisions: 85 % decided, the reviewer right about the truth 90 % of the time.
                "INSERT INTO reviewer_decisions (job_variants_id, verdict, comment, reviewer, created_at)"
                        + " SELECT v, CASE WHEN (r3 < 0.9) = good THEN 'accept' WHEN r2 < 0.5 THEN 'fix' ELSE 'reject' END,"
                        + " CASE WHEN NOT good AND r1 < 0.3 THEN '#contrast text hard to read' WHEN NOT good AND r1 < 0.5"
                        + " THEN '#cta missing' END, 'reviewer-' || (g % 6), now() - make_interval(days => days)"
                        + " FROM truth WHERE r2 < 0.85",
                "INSERT INTO reviewer_decisions (job_variants_id, verdict, reviewer, created_at)"
                        + " SELECT v, 'fix', 'reviewer-' || ((g + 1) % 6), now() - make_interval(days => days) + interval '1 hour'"
                        + " FROM truth WHERE r2 < 0.05",
                "INSERT INTO reviewer_decisions (job_variants_id, verdict, reviewer, retracts, created_at)"
                        + " SELECT d.job_variants_id, 'retract', d.reviewer, d.reviewer_decision_id, d.created_at + interval '5 minutes'"
                        + " FROM (SELECT DISTINCT ON (job_variants_id) * FROM reviewer_decisions ORDER BY job_variants_id, created_at DESC) d"
                        + " JOIN truth t ON t.v = d.job_variants_id WHERE t.r2 < 0.01",
                "DROP TABLE truth",
                "ANALYZE"));
        db.withConnection(c -> {
            try (Statement st = c.createStatement()) {
                for (String sql : statements) {
                    st.execute(sql);
                }
            }
            return null;
        });
    }

    static long count(Database db, String table) {
        return db.withConnection(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}

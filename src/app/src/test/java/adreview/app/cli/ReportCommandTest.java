package adreview.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import adreview.review.ReviewTestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code report} and {@code report compare} on a small database, the shape of their JSON and CSV.
 *
 * <pre>
 * variant  pipeline (stage1-v1)  re-judge (stage1-v2)  decision
 * a1       valid                 invalid               accept
 * a2       valid                 invalid               reject  'off brief, "coffee" not shoes'
 * a3       invalid                                     reject
 * a4       invalid                                     fix
 * a5       valid                                       accept, retracted: no decision
 * </pre>
 * valid/accept 1, valid/reject 1, invalid/fix 1, invalid/reject 1: 4 pairs, 3 agree; kappa over
 * valid-vs-accept: both 1, model only 1, neither 2, p_o = 3/4, p_e = (2/4)(1/4) + (2/4)(3/4) = 1/2, κ = 0.5.
 */
class ReportCommandTest {

    static ReviewTestDatabase db;
    static final ObjectMapper JSON = new ObjectMapper();
    static final List<UUID> ids = new ArrayList<>();

    @BeforeAll
    static void start() {
        db = ReviewTestDatabase.start();
        UUID job = UUID.randomUUID();
        db.exec("INSERT INTO jobs (job_id, tenant_id, status, current_step) VALUES (?, 'cli-report', 'done', 'ocr_eval')", job);
        boolean[] valid = {true, true, false, false, true};
        String[] verdicts = {"accept", "reject", "reject", "fix", "accept"};
        for (int i = 0; i < 5; i++) {
            UUID v = db.insertVariant(job, db.insertAsset("/assets/t/a" + i + ".png"), null, "ocr_eval", "done");
            ids.add(v);
            trace(job, v, "stage1-v1", false, valid[i], "2025-06-01 08:00:0" + i);
            if (i < 2) {
                trace(job, v, "stage1-v2", true, false, "2025-06-02 08:00:0" + i);
            }
            db.exec("INSERT INTO reviewer_decisions (job_variants_id, verdict, comment, reviewer, created_at) "
                    + "VALUES (?, ?, ?, 'mina', ?::timestamptz)", v, verdicts[i],
                    i == 1 ? "off brief, \"coffee\" not shoes" : null, "2025-06-03 08:00:0" + i + "+00");
        }
        db.exec("INSERT INTO reviewer_decisions (job_variants_id, verdict, reviewer, retracts) SELECT job_variants_id, "
                + "'retract', 'mina', reviewer_decision_id FROM reviewer_decisions WHERE job_variants_id = ?", ids.get(4));
    }

    static void trace(UUID job, UUID variant, String prompt, boolean rejudge, boolean valid, String at) {
        db.exec("INSERT INTO vlm_traces (job_id, job_variants_id, provider, operation_type, request, response, created_at) "
                + "VALUES (?, ?, 'llava', 'analyze', ?::jsonb, ?::jsonb, ?::timestamptz)", job, variant,
                "{\"prompt_version\": \"" + prompt + "\", \"rejudge\": " + rejudge
                        + ", \"model\": {\"folder\": \"llava-1.5-7b-hf\", \"precision\": \"int8\", \"device\": \"cpu\"}}",
                "{\"is_valid\": " + valid + ", \"image_quality_ok\": true}", at + "+00");
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    static CliRun cli(String... args) {
        return CliRun.against(db, args);
    }

    @Test
    void jsonOfAnUngroupedReportHasTotalsKappaAndTheMatrix() throws Exception {
        CliRun r = cli("report", "--tenant", "cli-report", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode n = JSON.readTree(r.out());
        assertThat(n.get("stage").asInt()).isEqualTo(1);
        assertThat(n.get("total").asLong()).isEqualTo(4);
        assertThat(n.get("agree").asLong()).isEqualTo(3);
        assertThat(n.get("agreement").asDouble()).isEqualTo(0.75);
        assertThat(n.get("kappa").asDouble()).isCloseTo(0.5, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(n.get("kappa_ci")).hasSize(2);
        assertThat(n.get("kappa_se").isNumber()).isTrue();
        List<String> cells = new ArrayList<>();
        n.get("matrix").forEach(c -> cells.add(c.get("model").asText() + "/" + c.get("reviewer").asText() + "="
                + c.get("count").asLong()));
        assertThat(cells).containsExactly("valid/accept=1", "valid/fix=0", "valid/reject=1",
                "invalid/accept=0", "invalid/fix=1", "invalid/reject=1");
        assertThat(n.get("coverage").get("verdict_without_decision").asLong()).isEqualTo(1); // a5, its decision retracted
        assertThat(n.get("filters").get("tenant").asText()).isEqualTo("cli-report");
        assertThat(n.get("group_by").isNull()).isTrue();
        assertThat(n.get("groups")).isEmpty();
        assertThat(n.get("timeline").get(0).get("day").asText()).matches("2025-06-0[234]"); // in the local time zone
    }

    @Test
    void csvHasTheDocumentedColumnsOneRowForAllThenOnePerGroup() {
        CliRun r = cli("report", "--tenant", "cli-report", "--csv", "--group-by", "prompt", "--include-rejudges");
        assertThat(r.code()).as(r.err()).isZero();
        String[] lines = r.out().split("\n");
        assertThat(lines[0]).isEqualTo("stage,group_by,group,total,agree,agreement,kappa,kappa_se,kappa_ci_low,kappa_ci_high,"
                + "valid_accept,valid_fix,valid_reject,invalid_accept,invalid_fix,invalid_reject");
        // With re-judges a1 and a2 are invalid: invalid/accept, invalid/reject, invalid/reject, invalid/fix: 3 of 4 agree.
        assertThat(lines[1]).startsWith("1,prompt,all,4,3,0.750000,").endsWith(",0,0,0,1,1,2");
        assertThat(lines[2]).startsWith("1,prompt,stage1-v1,4,3,0.750000,0.500000,").endsWith(",1,0,1,0,1,1");
        assertThat(lines[3]).startsWith("1,prompt,stage1-v2,2,1,0.500000,").endsWith(",0,0,0,1,0,1");
        assertThat(lines).hasSize(4);
    }

    @Test
    void textAndDisagreements() {
        CliRun text = cli("report", "--tenant", "cli-report");
        assertThat(text.code()).as(text.err()).isZero();
        assertThat(text.out()).contains("4 pairs, 3 agree (75.0 %), kappa 0.500 [95 % CI")
                .contains("1 verdict without a decision");
        CliRun csv = cli("report", "--tenant", "cli-report", "--disagreements", "--csv");
        assertThat(csv.code()).as(csv.err()).isZero();
        String[] lines = csv.out().split("\n");
        assertThat(lines[0]).isEqualTo(String.join(",", adreview.review.report.ReportCsv.DISAGREEMENT_COLUMNS));
        assertThat(lines).hasSize(2);
        assertThat(lines[1]).startsWith(ids.get(1) + ",").contains(",cli-report,valid,reject,mina,\"off brief, \"\"coffee\"\" not shoes\",stage1-v1,");
        CliRun json = cli("report", "--tenant", "cli-report", "--disagreements", "--json");
        assertThat(json.out()).contains("\"model_verdict\" : \"valid\"");
    }

    @Test
    void compareTwoPromptVersionsFromStoredTraces() throws Exception {
        CliRun r = cli("report", "compare", "--prompt-a", "stage1-v1", "--prompt-b", "stage1-v2", "--tenant", "cli-report", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode n = JSON.readTree(r.out());
        assertThat(n.get("a").get("label").asText()).isEqualTo("stage1-v1");
        assertThat(n.get("a_vs_reviewers").get("total").asLong()).isEqualTo(4);
        assertThat(n.get("a_vs_reviewers").get("agree").asLong()).isEqualTo(3);
        assertThat(n.get("b_vs_reviewers").get("total").asLong()).isEqualTo(2);
        assertThat(n.get("b_vs_reviewers").get("agree").asLong()).isEqualTo(1);
        assertThat(n.get("a_vs_b").get("total").asLong()).isEqualTo(2);
        assertThat(n.get("a_vs_b").get("agree").asLong()).isZero();
        assertThat(n.get("variants")).hasSize(4);
        CliRun text = cli("report", "compare", "--prompt-a", "stage1-v1", "--prompt-b", "stage1-v2", "--tenant", "cli-report");
        assertThat(text.out()).contains("A against B:             2 pairs, 0 agree (0.0 %)")
                .contains("2 variants where the sides differ or contradict the reviewer"); // a1, a2
        CliRun csv = cli("report", "compare", "--prompt-a", "stage1-v1", "--prompt-b", "stage1-v2",
                "--variant", ids.get(0).toString(), "--csv");
        assertThat(csv.out().split("\n")).containsExactly("variant_id,tenant,a,b,reviewer,worth_a_look",
                ids.get(0) + ",cli-report,valid,invalid,accept,true");
    }

    @Test
    void badOptionsGetOneLine() {
        for (String[] args : List.of(new String[] {"report", "--stage", "3"},
                new String[] {"report", "--group-by", "colour"},
                new String[] {"report", "--json", "--csv"},
                new String[] {"report", "--from", "2025-13-01"},
                new String[] {"report", "--from", "2025-06-02", "--to", "2025-06-01"},
                new String[] {"report", "compare", "--prompt-a", "stage1-v1"},
                new String[] {"report", "compare", "--prompt-a", "stage1-v1", "--prompt-b", "stage1-v1"})) {
            CliRun r = cli(args);
            assertThat(r.code()).as(String.join(" ", args)).isNotZero();
            assertThat(r.err().strip()).as(String.join(" ", args)).startsWith("error:").doesNotContain("\n");
        }
    }
}

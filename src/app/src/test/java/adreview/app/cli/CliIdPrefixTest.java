package adreview.app.cli;

import adreview.review.ReviewTestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Every id a command takes may be its first 8+ characters, as the desk shows it; against a real PostgreSQL. */
class CliIdPrefixTest {

    /** Two variants of one job whose ids share their first 8 characters, and one of another job that shares none. */
    static final UUID JOB = UUID.fromString("5a5a5a5a-1111-4111-8111-000000000001");
    static final UUID OTHER_JOB = UUID.fromString("6b6b6b6b-1111-4111-8111-000000000002");
    static final UUID A = UUID.fromString("7e57a11d-0001-4000-8000-000000000001");
    static final UUID B = UUID.fromString("7e57a11d-0002-4000-8000-000000000002");
    static final UUID LONE = UUID.fromString("c0ffee00-aaaa-4aaa-8aaa-000000000001");
    static final UUID TRACE = UUID.fromString("7ace0001-bbbb-4bbb-8bbb-000000000001");

    static ReviewTestDatabase db;

    @BeforeAll
    static void start() {
        db = ReviewTestDatabase.start();
        db.exec("INSERT INTO jobs (job_id, tenant_id, status, current_step) VALUES (?, 'prefix-co', 'running', 'img_gen'),"
                + " (?, 'other-co', 'running', 'img_gen')", JOB, OTHER_JOB);
        db.exec("INSERT INTO jobs_variants (job_variants_id, job_id, current_step, status) VALUES (?, ?, 'img_gen', 'done'),"
                + " (?, ?, 'vlm_judge', 'failed'), (?, ?, 'ocr_eval', 'done')", A, JOB, B, JOB, LONE, OTHER_JOB);
        db.exec("INSERT INTO vlm_traces (vlm_trace_id, job_id, job_variants_id, provider, operation_type, request) "
                + "VALUES (?, ?, ?, 'llava', 'judge', '{}')", TRACE, OTHER_JOB, LONE);
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    static CliRun cli(String... args) {
        return CliRun.against(db, args);
    }

    @Test
    void showTakesTheEightCharactersTheDeskShowsAndTheWholeIdAlike() {
        CliRun shortId = cli("show", "c0ffee00", "--json");
        assertThat(shortId.code()).as(shortId.err()).isZero();
        assertThat(shortId.out()).contains("\"variant_id\" : \"" + LONE + "\"");
        CliRun longer = cli("show", "C0FFEE00-AAAA");
        assertThat(longer.code()).as(longer.err()).isZero();
        assertThat(longer.out()).contains("Variant   " + LONE);
        CliRun whole = cli("show", LONE.toString());
        assertThat(whole.code()).as(whole.err()).isZero();
        assertThat(whole.out()).contains("Variant   " + LONE);
    }

    @Test
    void anAmbiguousPrefixIsOneLineNamingEveryCandidateAndExitsTwo() {
        for (String[] args : List.of(new String[] {"show", "7e57a11d"}, new String[] {"check", "--variant", "7e57a11d"},
                new String[] {"decide", "--variant", "7e57a11d", "--verdict", "accept"},
                new String[] {"judge", "--stage", "1", "--variant", "7e57a11d"},
                new String[] {"report", "compare", "--prompt-a", "stage1-v1", "--prompt-b", "stage1-v2", "--variant", "7e57a11d"})) {
            CliRun r = cli(args);
            assertThat(r.code()).as(String.join(" ", args) + ": " + r.err()).isEqualTo(2);
            assertThat(r.out()).isEmpty();
            assertThat(r.err().strip()).as(args[0])
                    .startsWith("error: 7e57a11d is the start of 2 variant ids: " + A + " (prefix-co, img_gen/done), " + B
                            + " (prefix-co, vlm_judge/failed); give more of the id")
                    .doesNotContain("\n").doesNotContain("Exception").doesNotContain("adreview.");
        }
        assertThat(db.count("reviewer_decisions", "job_variants_id IN (?, ?)", A, B)).isZero();
    }

    @Test
    void noMatchAndTooShortAreOneClearSentenceAndExitTwo() {
        CliRun none = cli("show", "deadbeef");
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err().strip()).isEqualTo("error: variant deadbeef not found in jobs_variants: no id starts with it"
                + " (`list` shows them)");
        CliRun noTrace = cli("decide", "--variant", "c0ffee00", "--verdict", "accept", "--trace", "deadbeef");
        assertThat(noTrace.code()).isEqualTo(2);
        assertThat(noTrace.err().strip()).startsWith("error: trace deadbeef not found in vlm_traces").doesNotContain("\n");
        CliRun tooShort = cli("check", "--variant", "c0ffee0");
        assertThat(tooShort.code()).isEqualTo(2);
        assertThat(tooShort.err().strip()).isEqualTo("error: 'c0ffee0' is not a variant id: too short, give at least 8"
                + " of its characters (as the desk shows it) or the whole UUID");
        CliRun noJob = cli("list", "--job", "0000000");
        assertThat(noJob.code()).isEqualTo(2);
        assertThat(noJob.err()).contains("'0000000' is not a job id: too short");
        // The refused decide wrote nothing (the one other test here stores its decision with a trace).
        assertThat(db.count("reviewer_decisions", "job_variants_id = ? AND vlm_trace_id IS NULL", LONE)).isZero();
    }

    @Test
    void decideStoresTheWholeIdsItsPrefixesName() {
        CliRun r = cli("decide", "--variant", "c0ffee00", "--verdict", "fix", "--trace", "7ace0001", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"variant_id\" : \"" + LONE + "\"").contains("\"trace_id\" : \"" + TRACE + "\"");
        assertThat(db.query("SELECT vlm_trace_id::text FROM reviewer_decisions WHERE job_variants_id = ?", LONE))
                .isEqualTo(TRACE.toString());
    }

    @Test
    void listAndJudgeTakeAJobPrefix() {
        CliRun list = cli("list", "--job", "5a5a5a5a", "--json");
        assertThat(list.code()).as(list.err()).isZero();
        assertThat(list.out()).contains(A.toString()).contains(B.toString()).doesNotContain(LONE.toString());
        // Resolved before the batch looks for a model: an unknown job prefix says so, not "no model".
        CliRun judge = cli("judge", "--stage", "1", "--job", "6b6b6b6c");
        assertThat(judge.code()).isEqualTo(2);
        assertThat(judge.err().strip()).startsWith("error: job 6b6b6b6c not found in jobs");
    }
}

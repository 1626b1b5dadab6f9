package adreview.store.demo;

import static adreview.store.demo.DemoVariants.asset;
import static adreview.store.demo.DemoVariants.other;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * A week of review history, so that the agreement report has something to say on first start: last
 * week's job of each tenant with four finished variants each ({@link DemoVariants#REVIEWED}), their
 * pipeline Stage 1 and Stage 2 traces (prompt v1; Stride, Bean &amp; Brew and Aqua on the 7B int8 model,
 * Nova and Hangang on the 13B fp16 model), reviewer decisions by three reviewers over seven days with
 * comment tags, one decision retracted, re-judges of ten variants with the stricter prompts
 * {@code stage1-v2} / {@code stage2-v2}, and decisions on six of the current variants. The variants reuse
 * the current jobs' drawn images and renders.
 *
 * <p>What the report then shows (pipeline verdicts): Stage 1 agrees with the reviewers on 14 of 25 pairs
 * (is_valid judges the image against the copy; reviewers also send ads back for contrast or a missing call
 * to action), Stage 2 on 20 of 23; on the ten re-judged variants prompt v2 agrees 6 times where v1 agreed
 * twice (DemoReportTest pins these).
 */
final class DemoReviews {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DemoReviews() {
    }

    /** A tenant's earlier job and the files its reviewed variants show. */
    record Earlier(String name, DemoData.JobSpec job, UUID jobId, String image, String render, String folder,
                   String precision, boolean measuredCta) {
    }

    static final Earlier STRIDE = new Earlier("stride", DemoData.STRIDE, DemoVariants.EARLIER_JOBS.get(0),
            "stride-shoe-good", "stride-shoe-good-render", "llava-1.5-7b-hf", "int8", true);
    static final Earlier BREW = new Earlier("brew", DemoData.BREW, DemoVariants.EARLIER_JOBS.get(1),
            "brew-cup-good", "brew-cup-missing-cta-render", "llava-1.5-7b-hf", "int8", false);
    static final Earlier AQUA = new Earlier("aqua", DemoData.AQUA, DemoVariants.EARLIER_JOBS.get(2),
            "aqua-bottle-good", "aqua-bottle-good-render", "llava-1.5-7b-hf", "int8", true);
    static final Earlier NOVA = new Earlier("nova", DemoData.NOVA, DemoVariants.EARLIER_JOBS.get(3),
            "nova-phone-good", "nova-phone-good-render", "llava-1.5-13b-hf", "fp16", true);
    static final Earlier HANGANG = new Earlier("hangang", DemoData.HANGANG, DemoVariants.EARLIER_JOBS.get(4),
            "hangang-shoe", "hangang-shoe-korean-render", "llava-1.5-13b-hf", "fp16", true);

    /**
     * One reviewed variant.
     *
     * @param stage2   "pass", or the criterion the model failed: contrast, cta, occlusion, offbrief
     * @param validV2  the stage1-v2 re-judge's is_valid; null: not re-judged
     * @param stage2V2 the stage2-v2 re-judge (as {@code stage2}); null: not re-judged
     */
    record Reviewed(Earlier earlier, int n, boolean valid, String stage2, String verdict, String reviewer,
                    String comment, int daysAgo, Boolean validV2, String stage2V2) {

        UUID id() {
            return DemoVariants.reviewed(earlier.name() + "-" + n);
        }
    }

    static final String MINA = "mina.park";
    static final String JOON = "joon.lee";
    static final String SARA = "sara.kim";

    static final List<Reviewed> REVIEWED = List.of(
            new Reviewed(STRIDE, 1, true, "pass", "accept", MINA, null, 7, true, "pass"),
            new Reviewed(STRIDE, 2, true, "contrast", "fix", JOON, "#contrast headline hard to read on the orange", 6, true, "contrast"),
            new Reviewed(STRIDE, 3, true, "pass", "fix", MINA, "#cta the button is tiny", 5, true, "cta"),
            new Reviewed(STRIDE, 4, false, "offbrief", "reject", SARA, "#offbrief this is a sandal, not a running shoe", 3, false, null),
            new Reviewed(BREW, 1, true, "cta", "fix", JOON, "#cta add an order button", 7, true, null),
            new Reviewed(BREW, 2, true, "pass", "accept", JOON, null, 6, null, null),
            new Reviewed(BREW, 3, false, "pass", "accept", SARA, "cup fits the copy", 4, true, null),
            new Reviewed(BREW, 4, true, "pass", "accept", MINA, null, 2, null, null),
            new Reviewed(AQUA, 1, true, "pass", "accept", SARA, null, 7, null, null),
            new Reviewed(AQUA, 2, true, "occlusion", "reject", MINA, "#occlusion the headline covers the bottle", 5, false, null),
            new Reviewed(AQUA, 3, false, "offbrief", "reject", JOON, null, 4, null, null),
            new Reviewed(AQUA, 4, true, "pass", "accept", JOON, null, 1, null, null),
            new Reviewed(NOVA, 1, true, "pass", "accept", MINA, null, 6, null, null),
            new Reviewed(NOVA, 2, true, "contrast", "fix", SARA, "#contrast body text on the purple glow", 5, true, null),
            new Reviewed(NOVA, 3, false, "pass", "fix", MINA, null, 3, null, null),
            new Reviewed(NOVA, 4, true, "pass", "reject", JOON, "#offbrief the battery claim is missing", 2, false, "offbrief"),
            new Reviewed(HANGANG, 1, true, "pass", "accept", SARA, null, 6, null, null),
            new Reviewed(HANGANG, 2, false, "pass", "accept", JOON, null, 4, true, null),
            new Reviewed(HANGANG, 3, true, "cta", "fix", MINA, "#cta 지금 구매 is cut off", 2, null, null),
            new Reviewed(HANGANG, 4, true, "pass", "accept", SARA, null, 2, null, null));

    static void insert(Connection c) throws SQLException {
        for (Earlier e : List.of(STRIDE, BREW, AQUA, NOVA, HANGANG)) {
            DemoData.exec(c, "INSERT INTO jobs (job_id, tenant_id, status, current_step, created_at, updated_at) VALUES "
                    + "(?, ?, 'done', 'ocr_eval', now() - interval '9 days', now() - interval '8 days') ON CONFLICT DO NOTHING",
                    e.jobId(), e.job().tenant());
            DemoData.exec(c, "INSERT INTO job_inputs (job_id, desc_eng) VALUES (?, ?) ON CONFLICT DO NOTHING",
                    e.jobId(), e.job().descEng());
            // The render as an image asset of its own (the current variants reach some renders only through layouts).
            DemoData.exec(c, "INSERT INTO image_assets (image_asset_id, image_url, created_at) VALUES "
                    + "(?, ?, now() - interval '9 days') ON CONFLICT DO NOTHING",
                    other("earlier-render", e.name()), DemoData.URL_PREFIX + e.render() + ".png");
        }
        for (Reviewed r : REVIEWED) {
            insert(c, r);
        }
        // The retraction: Sara's reject on Hangang's fourth variant was a slip of the key; she took it back.
        UUID slip = other("decision", "hangang-4-slip");
        decide(c, slip, DemoVariants.reviewed("hangang-4"), "reject", SARA, null, 26 * 60);
        DemoData.exec(c, "INSERT INTO reviewer_decisions (reviewer_decision_id, job_variants_id, verdict, reviewer, "
                + "retracts, created_at) VALUES (?, ?, 'retract', ?, ?, now() - make_interval(mins => ?)) ON CONFLICT DO NOTHING",
                other("decision", "hangang-4-undo"), DemoVariants.reviewed("hangang-4"), SARA, slip, 25 * 60);
        decideCurrentVariants(c);
    }

    private static void insert(Connection c, Reviewed r) throws SQLException {
        Earlier e = r.earlier();
        int hours = r.daysAgo() * 24;
        DemoData.exec(c, "INSERT INTO jobs_variants (job_variants_id, job_id, img_asset_id, overlaid_img_asset_id, status, "
                        + "current_step, created_at, updated_at) VALUES (?, ?, ?, ?, 'done', 'ocr_eval', "
                        + "now() - make_interval(hours => ?), now() - make_interval(hours => ?)) ON CONFLICT DO NOTHING",
                r.id(), e.jobId(), asset(e.image()), other("earlier-render", e.name()), hours + 8, hours + 2);
        String label = e.name() + "-" + r.n();
        analyze(c, other("trace", label + "-analyze"), r, "stage1-v1", r.valid(), false, (hours + 6) * 60);
        judge(c, other("trace", label + "-judge"), r, "stage2-v1", r.stage2(), false, (hours + 4) * 60);
        if (r.validV2() != null) {
            analyze(c, other("trace", label + "-analyze-v2"), r, "stage1-v2", r.validV2(), true, 20 * 60 - r.n());
        }
        if (r.stage2V2() != null) {
            judge(c, other("trace", label + "-judge-v2"), r, "stage2-v2", r.stage2V2(), true, 19 * 60 - r.n());
        }
        decide(c, other("decision", label), r.id(), r.verdict(), r.reviewer(), r.comment(), hours * 60 - r.n() * 37);
    }

    private static ObjectNode request(Reviewed r, String promptVersion, boolean rejudge) {
        ObjectNode request = JSON.createObjectNode();
        request.put("prompt_version", promptVersion);
        ObjectNode model = request.putObject("model");
        model.put("folder", r.earlier().folder());
        model.put("precision", r.earlier().precision());
        model.put("device", "cuda:0");
        request.put("constrained", true);
        request.put("rejudge", rejudge);
        if (rejudge) {
            request.put("reviewer", MINA);
            request.put("reason", "trying the stricter v2 prompts");
        }
        return request;
    }

    private static void analyze(Connection c, UUID id, Reviewed r, String prompt, boolean valid, boolean rejudge,
                                int minutesAgo) throws SQLException {
        ObjectNode request = request(r, prompt, rejudge);
        request.put("asset_url", DemoData.URL_PREFIX + r.earlier().image() + ".png");
        request.put("ad_copy_text", r.earlier().job().descEng());
        ObjectNode response = JSON.createObjectNode();
        response.put("is_valid", valid);
        response.put("image_quality_ok", true);
        response.put("relevance_score", valid ? 0.82 + r.n() * 0.03 : 0.31 + r.n() * 0.04);
        response.put("analysis", valid ? "The product in the image is the one the copy sells."
                : "The image does not show what the copy sells.");
        ArrayNode issues = response.putArray("issues");
        if (!valid) {
            issues.add("The product does not match the ad copy.");
        }
        response.putArray("recommendations");
        ObjectNode font = response.putObject("font_recommendation");
        font.put("style", "bold");
        font.put("size", "large");
        font.put("color", "light");
        trace(c, id, r, "analyze", request, response, minutesAgo);
    }

    private static void judge(Connection c, UUID id, Reviewed r, String prompt, String verdict, boolean rejudge,
                              int minutesAgo) throws SQLException {
        ObjectNode request = request(r, prompt, rejudge);
        request.put("render_asset_url", DemoData.URL_PREFIX + r.earlier().render() + ".png");
        ObjectNode response = JSON.createObjectNode();
        response.put("on_brief", !verdict.equals("offbrief"));
        response.put("occlusion", verdict.equals("occlusion"));
        response.put("contrast_ok", !verdict.equals("contrast"));
        response.put("cta_present", !verdict.equals("cta"));
        response.put("analysis", verdict.equals("pass") ? "On brief, readable, nothing important covered, a clear call to action."
                : "The ad fails on " + verdict + ".");
        ArrayNode issues = response.putArray("issues");
        if (!verdict.equals("pass")) {
            issues.add("Fails on " + verdict + ".");
        }
        // As the measured checks saw the render at judge time: every render but Bean & Brew's has a CTA button.
        ObjectNode measured = response.putObject("measured");
        measured.put("contrastAa", "PASS");
        measured.putObject("cta").put("status", r.earlier().measuredCta() ? "PRESENT" : "ABSENT").putArray("matches");
        ObjectNode occlusion = measured.putObject("occlusion");
        occlusion.put("status", "MEASURED");
        occlusion.putArray("boxes").addObject().put("box", 0).put("role", "headline").put("overSubject", 0.0)
                .put("flagged", false);
        trace(c, id, r, "judge", request, response, minutesAgo);
    }

    private static void trace(Connection c, UUID id, Reviewed r, String operation, ObjectNode request,
                              ObjectNode response, int minutesAgo) throws SQLException {
        DemoData.exec(c, "INSERT INTO vlm_traces (vlm_trace_id, job_id, job_variants_id, provider, operation_type, "
                        + "request, response, latency_ms, created_at, updated_at) VALUES (?, ?, ?, 'llava', ?, ?::jsonb, "
                        + "?::jsonb, ?, now() - make_interval(mins => ?), now() - make_interval(mins => ?)) "
                        + "ON CONFLICT DO NOTHING",
                id, r.earlier().jobId(), r.id(), operation, request.toString(), response.toString(),
                operation.equals("analyze") ? 1900 + r.n() * 70 : 1500 + r.n() * 50, minutesAgo, minutesAgo);
    }

    private static void decide(Connection c, UUID id, UUID variant, String verdict, String reviewer, String comment,
                               int minutesAgo) throws SQLException {
        DemoData.exec(c, "INSERT INTO reviewer_decisions (reviewer_decision_id, job_variants_id, verdict, comment, "
                + "reviewer, created_at) VALUES (?, ?, ?, ?, ?, now() - make_interval(mins => ?)) ON CONFLICT DO NOTHING",
                id, variant, verdict, comment, reviewer, minutesAgo);
    }

    /** Decisions on current variants that already have verdicts; the others are left to decide. */
    private static void decideCurrentVariants(Connection c) throws SQLException {
        decide(c, other("decision", "shoe-good"), DemoVariants.SHOE_GOOD, "accept", MINA, null, 30 * 60);
        decide(c, other("decision", "low-contrast"), DemoVariants.LOW_CONTRAST, "fix", JOON,
                "#contrast grey text on a grey panel", 17 * 60);
        decide(c, other("decision", "text-over-product"), DemoVariants.TEXT_OVER_PRODUCT, "reject", SARA,
                "#occlusion the headline sits on the shoe", 16 * 60);
        decide(c, other("decision", "missing-cta"), DemoVariants.MISSING_CTA, "fix", MINA,
                "#cta no call to action anywhere", 15 * 60);
        decide(c, other("decision", "bottle-good"), DemoVariants.BOTTLE_GOOD, "accept", JOON, null, 40 * 60);
        decide(c, other("decision", "phone-good"), DemoVariants.PHONE_GOOD, "accept", SARA, null, 36 * 60);
    }
}

package adreview.store.demo;

import static adreview.store.demo.DemoVariants.other;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * Stored model calls for the demo's history view: Stage 1 (analyze) and Stage 2 (judge) results in
 * SPEC's shapes, one failed call with its error, one re-judge, and one older pipeline trace that
 * names only its job.
 */
final class DemoTraces {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DemoTraces() {
    }

    /** Trace ids, stable like the variants'. */
    static final UUID SHOE_GOOD_ANALYZE = other("trace", "shoe-good-analyze");
    static final UUID SHOE_GOOD_JUDGE = other("trace", "shoe-good-judge");
    static final UUID STRIDE_LEGACY_ANALYZE = other("trace", "stride-legacy-analyze");
    static final UUID CORRUPT_FAILED_ANALYZE = other("trace", "corrupt-failed-analyze");

    static void insert(Connection c) throws SQLException {
        VariantLookup v = new VariantLookup();
        String stride = DemoData.STRIDE_COPY;

        // Stride: the pipeline's older job-level trace (no variant id), then the variant's own.
        analyze(c, STRIDE_LEGACY_ANALYZE, DemoVariants.JOB_STRIDE, null, v.imageUrl(DemoVariants.SHOE_GOOD), stride,
                true, 0.84, "A blue running shoe on a warm gradient; matches the running-shoe copy.",
                List.of(), List.of("Show the shoe in motion or on a track for more energy."), "bold", "large", "light",
                7120, 52);
        analyze(c, SHOE_GOOD_ANALYZE, DemoVariants.JOB_STRIDE, DemoVariants.SHOE_GOOD,
                v.imageUrl(DemoVariants.SHOE_GOOD), stride, true, 0.91,
                "The image shows a lightweight blue running shoe with a yellow accent on an orange-to-pink gradient."
                        + " It fits the copy about light summer running shoes; the product is clear and well lit.",
                List.of(), List.of("Leave space above the shoe for the headline."), "bold", "large", "light", 6840, 39);
        judge(c, SHOE_GOOD_JUDGE, DemoVariants.JOB_STRIDE, DemoVariants.SHOE_GOOD,
                v.renderUrl(DemoVariants.SHOE_GOOD), true, false, true, true,
                "Headline and body in white on a dark panel and a blue 'Shop now' button are legible; the shoe stays clear.",
                List.of(), false, 5230, 38);
        analyze(c, other("trace", "low-contrast-analyze"), DemoVariants.JOB_STRIDE, DemoVariants.LOW_CONTRAST,
                v.imageUrl(DemoVariants.LOW_CONTRAST), stride, true, 0.9,
                "A running shoe on a bright gradient; relevant to the copy.", List.of(),
                List.of("Use light, bold text over the busy top area."), "bold", "large", "light", 6420, 19);
        analyze(c, other("trace", "over-product-analyze"), DemoVariants.JOB_STRIDE, DemoVariants.TEXT_OVER_PRODUCT,
                v.imageUrl(DemoVariants.TEXT_OVER_PRODUCT), stride, true, 0.89,
                "A running shoe centred on an orange gradient; matches the copy.", List.of(),
                List.of("Keep text in the empty top third."), "sans-serif", "large", "light", 6610, 18);

        // Bean & Brew.
        analyze(c, other("trace", "coffee-good-analyze"), DemoVariants.JOB_BREW, DemoVariants.COFFEE_GOOD,
                v.imageUrl(DemoVariants.COFFEE_GOOD),
                "Slow mornings, bold flavour. Freshly roasted single-origin coffee, delivered every week.", true,
                0.88, "A steaming white cup of coffee on a saucer against a warm beige background; it suits the "
                        + "slow-morning coffee copy.", List.of(),
                List.of("Add coffee beans to hint at 'freshly roasted'."), "serif", "medium", "dark", 5980, 29);
        judge(c, other("trace", "missing-cta-rejudge"), DemoVariants.JOB_BREW, DemoVariants.MISSING_CTA,
                v.renderUrl(DemoVariants.MISSING_CTA), true, false, true, false,
                "Headline and body are clear and on brief, but there is no call to action anywhere on the ad.",
                List.of("No call-to-action button or text is visible."), true, 5410, 21);

        // Aqua Pure: Stage 1 failed on the corrupt file; the good one passed both stages.
        ObjectNode failedRequest = JSON.createObjectNode();
        failedRequest.put("asset_url", v.imageUrl(DemoVariants.CORRUPT_IMAGE));
        failedRequest.put("ad_copy_text", DemoData.AQUA.descEng());
        failedRequest.put("prompt", Stage1Prompt.withCopy(DemoData.AQUA.descEng()));
        ObjectNode error = JSON.createObjectNode();
        error.put("error", "cannot decode image " + v.imageUrl(DemoVariants.CORRUPT_IMAGE)
                + ": not a readable PNG (the file is truncated or corrupt)");
        error.putNull("raw_text");
        DemoData.exec(c, TRACE_SQL, CORRUPT_FAILED_ANALYZE, DemoVariants.JOB_AQUA, DemoVariants.CORRUPT_IMAGE,
                "llava", "analyze", failedRequest.toString(), error.toString(), 14, 7 * 60, 7 * 60);
        analyze(c, other("trace", "bottle-good-analyze"), DemoVariants.JOB_AQUA, DemoVariants.BOTTLE_GOOD,
                v.imageUrl(DemoVariants.BOTTLE_GOOD), DemoData.AQUA.descEng(), true, 0.86,
                "A green insulated bottle with a navy label on a cool blue gradient; matches the brief.",
                List.of(), List.of("Condensation drops would sell 'cold'."), "sans-serif", "large", "dark", 6120, 49);
        judge(c, other("trace", "bottle-good-judge"), DemoVariants.JOB_AQUA, DemoVariants.BOTTLE_GOOD,
                v.renderUrl(DemoVariants.BOTTLE_GOOD), true, false, true, true,
                "Dark text reads well on the light top; the 'Buy now' button is clear.", List.of(), false, 5050, 47);

        // Nova.
        analyze(c, other("trace", "phone-good-analyze"), DemoVariants.JOB_NOVA, DemoVariants.PHONE_GOOD,
                v.imageUrl(DemoVariants.PHONE_GOOD),
                "All day. All night. Nova X keeps going with a two-day battery and a bright display.", true, 0.9,
                "A modern phone with a bright purple screen on a dark background; it fits the battery and display "
                        + "copy.", List.of(), List.of("Show a battery indicator on screen."), "sans-serif", "large",
                "light", 6930, 44);
        judge(c, other("trace", "phone-good-judge"), DemoVariants.JOB_NOVA, DemoVariants.PHONE_GOOD,
                v.renderUrl(DemoVariants.PHONE_GOOD), true, false, true, true,
                "White text on the dark background is legible; the 'Pre-order' button stands out.", List.of(), false,
                5320, 43);
        analyze(c, other("trace", "phone-judging-analyze"), DemoVariants.JOB_NOVA, DemoVariants.PHONE_JUDGING,
                v.imageUrl(DemoVariants.PHONE_JUDGING),
                "All day. All night. Nova X keeps going with a two-day battery and a bright display.", true, 0.87,
                "A phone on a dark gradient; relevant.", List.of(), List.of(), "sans-serif", "large", "light", 6700, 6);
    }

    private static final String TRACE_SQL = "INSERT INTO vlm_traces (vlm_trace_id, job_id, job_variants_id, provider, "
            + "operation_type, request, response, latency_ms, created_at, updated_at) VALUES "
            + "(?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, now() - make_interval(mins => ?), "
            + "now() - make_interval(mins => ?)) ON CONFLICT DO NOTHING";

    private static void analyze(Connection c, UUID id, UUID job, UUID variant, String assetUrl, String adCopy,
                                boolean valid, double score, String analysis, List<String> issues,
                                List<String> recommendations, String style, String size, String colour,
                                int latencyMs, int hoursAgo) throws SQLException {
        ObjectNode request = JSON.createObjectNode();
        request.put("asset_url", assetUrl);
        request.put("ad_copy_text", adCopy);
        request.put("prompt", Stage1Prompt.withCopy(adCopy));
        ObjectNode response = JSON.createObjectNode();
        response.put("is_valid", valid);
        response.put("image_quality_ok", true);
        response.put("relevance_score", score);
        response.put("analysis", analysis);
        issues.forEach(response.putArray("issues")::add);
        recommendations.forEach(response.putArray("recommendations")::add);
        ObjectNode font = response.putObject("font_recommendation");
        font.put("style", style);
        font.put("size", size);
        font.put("color", colour);
        DemoData.exec(c, TRACE_SQL, id, job, variant, "llava", "analyze", request.toString(), response.toString(),
                latencyMs, hoursAgo * 60, hoursAgo * 60);
    }

    private static void judge(Connection c, UUID id, UUID job, UUID variant, String renderUrl, boolean onBrief,
                              boolean occlusion, boolean contrastOk, boolean ctaPresent, String analysis,
                              List<String> issues, boolean rejudge, int latencyMs, int hoursAgo) throws SQLException {
        ObjectNode request = JSON.createObjectNode();
        request.put("render_asset_url", renderUrl);
        request.put("overlay_id", other("overlay", VariantLookup.file(variant)).toString());
        if (rejudge) {
            request.put("rejudge", true);
            request.put("reviewer", "mina.park");
            request.put("reason", "checking the call to action after the layout change");
        }
        ObjectNode response = JSON.createObjectNode();
        response.put("on_brief", onBrief);
        response.put("occlusion", occlusion);
        response.put("contrast_ok", contrastOk);
        response.put("cta_present", ctaPresent);
        response.put("analysis", analysis);
        issues.forEach(response.putArray("issues")::add);
        DemoData.exec(c, TRACE_SQL, id, job, variant, "llava", "judge", request.toString(), response.toString(),
                latencyMs, hoursAgo * 60, hoursAgo * 60);
    }

    /** URLs of a demo variant's files. */
    private static final class VariantLookup {
        static DemoData.VariantSpec spec(UUID variant) {
            return DemoData.VARIANTS.stream().filter(s -> s.id().equals(variant)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("not a demo variant: " + variant));
        }

        static String file(UUID variant) {
            return spec(variant).file();
        }

        String imageUrl(UUID variant) {
            return spec(variant).imageUrl();
        }

        String renderUrl(UUID variant) {
            return spec(variant).renderUrl();
        }
    }

    /** SPEC section 2's Stage 1 prompt, as the demo's stored requests show it. */
    static final class Stage1Prompt {
        private Stage1Prompt() {
        }

        static String withCopy(String adCopy) {
            return "Analyze this image and the following ad copy text:\n\"" + adCopy + "\"\n\n"
                    + "Please evaluate:\n"
                    + "1. Does the image match the ad copy text logically?\n"
                    + "2. Is the image quality good (clear, well-lit, appropriate)?\n"
                    + "3. What is the relevance score (0.0-1.0) between the image and text?\n"
                    + "4. Are there any issues or concerns?\n"
                    + "5. What recommendations do you have?\n"
                    + "6. What font style would be appropriate for text overlay?\n\n"
                    + "Respond in JSON format:\n"
                    + "{ \"is_valid\": true/false, \"image_quality_ok\": true/false,\n"
                    + "  \"relevance_score\": 0.0-1.0, \"analysis\": \"detailed analysis text\",\n"
                    + "  \"issues\": [\"issue1\", \"issue2\"],\n"
                    + "  \"recommendations\": [\"recommendation1\", \"recommendation2\"],\n"
                    + "  \"font_recommendation\": {\"style\": \"bold/serif/sans-serif\",\n"
                    + "    \"size\": \"large/medium/small\", \"color\": \"light/dark\"} }";
        }
    }
}

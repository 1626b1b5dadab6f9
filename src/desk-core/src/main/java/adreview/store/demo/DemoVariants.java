package adreview.store.demo;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * Stable ids of the demo jobs and variants, so that tests anywhere can find the planted faults.
 * Ids are name-based UUIDs ({@code UUID.nameUUIDFromBytes("adreview-demo:<kind>:<name>")}), the
 * same on every machine and every seeding.
 */
public final class DemoVariants {

    private DemoVariants() {
    }

    // Jobs (one tenant each).
    /** Stride Athletics: running shoes; its copy is about running shoes. */
    public static final UUID JOB_STRIDE = job("stride");
    /** Bean &amp; Brew: coffee. */
    public static final UUID JOB_BREW = job("brew");
    /** Aqua Pure: water bottles. */
    public static final UUID JOB_AQUA = job("aqua");
    /** Nova Mobile: phones. */
    public static final UUID JOB_NOVA = job("nova");
    /** Hangang Run: Korean shop, Korean ad copy. */
    public static final UUID JOB_HANGANG = job("hangang");

    // Good variants that should pass.
    /** Shoe, judged: good render, Stage 1 and Stage 2 traces that pass; render via overlaid_img_asset_id. */
    public static final UUID SHOE_GOOD = variant("shoe-good");
    /** Coffee cup, Stage 1 done with a good score. */
    public static final UUID COFFEE_GOOD = variant("coffee-good");
    /** Bottle, at ocr_eval: passed both stages. */
    public static final UUID BOTTLE_GOOD = variant("bottle-good");
    /** Phone, judged and passed. */
    public static final UUID PHONE_GOOD = variant("phone-good");
    /** Phone, overlay done and good: ready for Stage 2; render only via overlay_layouts.layout.render.url. */
    public static final UUID PHONE_READY_FOR_JUDGE = variant("phone-ready-for-judge");

    // Planted faults, one per variant.
    /** Overlay done; headline and body #9A9A9A on a #B0B0B0 panel (contrast ≈ 1.3:1). */
    public static final UUID LOW_CONTRAST = variant("low-contrast");
    /** Overlay done; the headline box sits on the shoe. */
    public static final UUID TEXT_OVER_PRODUCT = variant("text-over-product");
    /** Overlay done; headline and body but no call-to-action (no cta text box, no button). */
    public static final UUID MISSING_CTA = variant("missing-cta");
    /** Stride's running-shoe copy with an image of a coffee cup; ready for Stage 1. */
    public static final UUID IMAGE_CONTRADICTS_COPY = variant("image-contradicts-copy");
    /** Korean ad copy "여름 특가! 모든 러닝화 30% 할인. 지금 구매하세요"; ready for Stage 1. */
    public static final UUID KOREAN_COPY = variant("korean-copy");
    /** Korean headline drawn on the render (NanumGothic); overlay done. */
    public static final UUID KOREAN_RENDER = variant("korean-render");
    /** image_url points at a file that does not exist. */
    public static final UUID MISSING_IMAGE = variant("missing-image");
    /** image_url points at a PNG file whose bytes are corrupt; Stage 1 failed with a stored error trace. */
    public static final UUID CORRUPT_IMAGE = variant("corrupt-image");

    // More steps and statuses of the pipeline.
    /** img_gen running: no image yet. */
    public static final UUID SHOE_GENERATING = variant("shoe-generating");
    /** yolo_detect running. */
    public static final UUID COFFEE_DETECTING = variant("coffee-detecting");
    /** overlay queued. */
    public static final UUID BOTTLE_OVERLAY_QUEUED = variant("bottle-overlay-queued");
    /** overlay failed. */
    public static final UUID PHONE_OVERLAY_FAILED = variant("phone-overlay-failed");
    /** vlm_judge running. */
    public static final UUID PHONE_JUDGING = variant("phone-judging");

    /** The variants of the five current jobs, at every step and status (planted faults included). */
    public static final List<UUID> LIVE = List.of(
            SHOE_GOOD, COFFEE_GOOD, BOTTLE_GOOD, PHONE_GOOD, PHONE_READY_FOR_JUDGE,
            LOW_CONTRAST, TEXT_OVER_PRODUCT, MISSING_CTA, IMAGE_CONTRADICTS_COPY, KOREAN_COPY, KOREAN_RENDER,
            MISSING_IMAGE, CORRUPT_IMAGE,
            SHOE_GENERATING, COFFEE_DETECTING, BOTTLE_OVERLAY_QUEUED, PHONE_OVERLAY_FAILED, PHONE_JUDGING);

    /** Last week's campaign of each tenant: one earlier job per tenant (same tenant as the current job). */
    public static final List<UUID> EARLIER_JOBS = List.of(job("stride-earlier"), job("brew-earlier"),
            job("aqua-earlier"), job("nova-earlier"), job("hangang-earlier"));

    /**
     * Finished variants of the earlier jobs, four per tenant, with Stage 1 and Stage 2 traces and reviewer
     * decisions over the past week (one retracted): the history the agreement report starts with.
     * {@code reviewed("<tenant job>-<n>")}, n = 1..4 ({@link DemoReviews}).
     */
    public static final List<UUID> REVIEWED = reviewedIds();

    /** Every demo variant. */
    public static final List<UUID> ALL = concat(LIVE, REVIEWED);

    /** Every demo job. */
    public static final List<UUID> JOBS = concat(List.of(JOB_STRIDE, JOB_BREW, JOB_AQUA, JOB_NOVA, JOB_HANGANG),
            EARLIER_JOBS);

    /** A reviewed variant of an earlier job, e.g. {@code reviewed("stride-2")}. */
    public static UUID reviewed(String name) {
        return variant("reviewed-" + name);
    }

    private static List<UUID> reviewedIds() {
        List<UUID> ids = new java.util.ArrayList<>();
        for (String job : List.of("stride", "brew", "aqua", "nova", "hangang")) {
            for (int n = 1; n <= 4; n++) {
                ids.add(reviewed(job + "-" + n));
            }
        }
        return List.copyOf(ids);
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    /** The Korean ad copy of {@link #KOREAN_COPY}'s job. */
    public static final String KOREAN_AD_COPY = "여름 특가! 모든 러닝화 30% 할인. 지금 구매하세요";

    static UUID variant(String name) {
        return UUID.nameUUIDFromBytes(("adreview-demo:variant:" + name).getBytes(StandardCharsets.UTF_8));
    }

    static UUID job(String name) {
        return UUID.nameUUIDFromBytes(("adreview-demo:job:" + name).getBytes(StandardCharsets.UTF_8));
    }

    static UUID asset(String name) {
        return UUID.nameUUIDFromBytes(("adreview-demo:asset:" + name).getBytes(StandardCharsets.UTF_8));
    }

    static UUID other(String kind, String name) {
        return UUID.nameUUIDFromBytes(("adreview-demo:" + kind + ":" + name).getBytes(StandardCharsets.UTF_8));
    }
}

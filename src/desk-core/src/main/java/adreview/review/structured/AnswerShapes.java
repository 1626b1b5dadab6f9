package adreview.review.structured;

/**
 * The JSON shapes of the two stages' answers (SPEC §2 and §3), with the bounds that keep an answer
 * inside 512 tokens. The ids are the schema versions recorded with every trace.
 */
public final class AnswerShapes {

    public static final String STAGE1_ID = "stage1-schema-v1";
    public static final String STAGE1_NO_AD_COPY_ID = "stage1-noadcopy-schema-v1";
    public static final String STAGE2_ID = "stage2-schema-v1";

    static final int ANALYSIS_BYTES = 1200;
    static final int LIST_ITEMS = 8;
    static final int ITEM_BYTES = 300;

    private AnswerShapes() {
    }

    /** Stage 1 with ad copy: validity, quality, relevance, analysis, issues, recommendations, font. */
    public static JsonShape stage1() {
        return stage1Fields(JsonShape.object(STAGE1_ID))
                .object("font_recommendation", f -> f
                        .enumOf("style", "bold", "serif", "sans-serif")
                        .enumOf("size", "large", "medium", "small")
                        .enumOf("color", "light", "dark"))
                .build();
    }

    /** Stage 1 without ad copy: the prompt asks for no font, so the shape has none. */
    public static JsonShape stage1NoAdCopy() {
        return stage1Fields(JsonShape.object(STAGE1_NO_AD_COPY_ID)).build();
    }

    private static JsonShape.Builder stage1Fields(JsonShape.Builder b) {
        return b.bool("is_valid")
                .bool("image_quality_ok")
                .number01("relevance_score", 4)
                .string("analysis", ANALYSIS_BYTES)
                .stringList("issues", LIST_ITEMS, ITEM_BYTES)
                .stringList("recommendations", LIST_ITEMS, ITEM_BYTES);
    }

    /** Stage 2: the finished ad's checklist. */
    public static JsonShape stage2() {
        return JsonShape.object(STAGE2_ID)
                .bool("on_brief")
                .bool("occlusion")
                .bool("contrast_ok")
                .bool("cta_present")
                .string("analysis", ANALYSIS_BYTES)
                .stringList("issues", LIST_ITEMS, ITEM_BYTES)
                .build();
    }
}

package adreview.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SPEC section 2 step 3 (ad copy) and section 3 step 3 (render): each source wins in turn, by
 * removing the higher one, on one job and one variant in a real PostgreSQL.
 */
class ResolutionRulesTest {

    private static final String JOB = "10000000-0000-0000-0000-000000000001";
    private static final String VARIANT = "20000000-0000-0000-0000-000000000001";
    private static final String IMAGE = "30000000-0000-0000-0000-000000000001";
    private static final String OVERLAID = "30000000-0000-0000-0000-000000000002";
    private static final String OVERLAY = "40000000-0000-0000-0000-000000000001";

    private static TestDatabase db;
    private static AdCopyResolver adCopy;
    private static RenderResolver renders;

    @BeforeAll
    static void start() {
        db = TestDatabase.start();
        adCopy = new AdCopyResolver(db.database());
        renders = new RenderResolver(db.database());
        db.sql("INSERT INTO jobs (job_id, tenant_id) VALUES ('" + JOB + "', 'tenant-r')",
                "INSERT INTO image_assets (image_asset_id, image_url) VALUES ('" + IMAGE + "', '/assets/r/img.png'), "
                        + "('" + OVERLAID + "', '/assets/r/overlaid.png')",
                "INSERT INTO jobs_variants (job_variants_id, job_id, img_asset_id, overlaid_img_asset_id, status, "
                        + "current_step) VALUES ('" + VARIANT + "', '" + JOB + "', '" + IMAGE + "', '" + OVERLAID
                        + "', 'done', 'overlay')",
                "INSERT INTO overlay_layouts (overlay_id, job_variants_id, layout) VALUES ('" + OVERLAY + "', '"
                        + VARIANT + "', '{\"render\": {\"url\": \"/assets/r/layout-render.png\", \"width\": 1080, "
                        + "\"height\": 1350}, \"text_boxes\": []}')");
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    private static UUID job() {
        return UUID.fromString(JOB);
    }

    private static UUID variant() {
        return UUID.fromString(VARIANT);
    }

    @Test
    void adCopySourcesWinInTurn() {
        db.sql("DELETE FROM txt_ad_copy_generations WHERE job_id = '" + JOB + "'",
                "DELETE FROM job_inputs WHERE job_id = '" + JOB + "'");
        // Nothing at all: the image is evaluated alone.
        assertThat(adCopy.resolve(job(), null)).isEqualTo(AdCopy.NONE);
        assertThat(adCopy.resolve(job(), "   ")).isEqualTo(AdCopy.NONE);

        // The brief, when it is all there is (a blank brief does not count).
        db.sql("INSERT INTO job_inputs (job_id, desc_eng) VALUES ('" + JOB + "', '  ')");
        assertThat(adCopy.resolve(job(), null).source()).isEqualTo(AdCopySource.NONE);
        db.sql("UPDATE job_inputs SET desc_eng = 'Brief: trail running shoes' WHERE job_id = '" + JOB + "'");
        assertThat(adCopy.resolve(job(), null))
                .isEqualTo(new AdCopy("Brief: trail running shoes", AdCopySource.JOB_BRIEF));

        // Generated copy that does not count: not done, another stage, blank.
        db.sql("INSERT INTO txt_ad_copy_generations (job_id, generation_stage, ad_copy_eng, status, created_at) VALUES "
                + "('" + JOB + "', 'ad_copy_eng', 'still running', 'running', now()), "
                + "('" + JOB + "', 'ad_copy_kor', '한국어 카피', 'done', now()), "
                + "('" + JOB + "', 'headline', 'a headline', 'done', now()), "
                + "('" + JOB + "', 'ad_copy_eng', '', 'done', now())");
        assertThat(adCopy.resolve(job(), null).source()).isEqualTo(AdCopySource.JOB_BRIEF);

        // Done generated copy beats the brief; the newest done one wins.
        db.sql("INSERT INTO txt_ad_copy_generations (job_id, generation_stage, ad_copy_eng, status, created_at) VALUES "
                + "('" + JOB + "', 'ad_copy_eng', 'Older copy', 'done', now() - interval '2 hours'), "
                + "('" + JOB + "', 'ad_copy_eng', 'Newest copy', 'done', now() - interval '1 hour'), "
                + "('" + JOB + "', 'ad_copy_eng', 'Newer but failed', 'failed', now() - interval '1 minute')");
        assertThat(adCopy.resolve(job(), null)).isEqualTo(new AdCopy("Newest copy", AdCopySource.GENERATED_COPY));

        // Typed copy beats everything.
        assertThat(adCopy.resolve(job(), "  Typed by the reviewer "))
                .isEqualTo(new AdCopy("Typed by the reviewer", AdCopySource.TYPED));
        assertThat(db.database().withConnection(c -> adCopy.resolve(c, job(), "typed")).source())
                .isEqualTo(AdCopySource.TYPED);
        assertThat(db.database().withConnection(c -> adCopy.resolve(c, job(), null)).source())
                .isEqualTo(AdCopySource.GENERATED_COPY);
    }

    @Test
    void renderSourcesWinInTurn() {
        try {
            ResolvedRender explicit = renders.resolve(variant(), "/assets/r/explicit.png");
            assertThat(explicit).isEqualTo(
                    new ResolvedRender("/assets/r/explicit.png", RenderSource.EXPLICIT, UUID.fromString(OVERLAY)));

            assertThat(renders.resolve(variant(), null)).isEqualTo(
                    new ResolvedRender("/assets/r/overlaid.png", RenderSource.OVERLAID_ASSET, UUID.fromString(OVERLAY)));
            assertThat(renders.resolve(variant(), " ").source()).isEqualTo(RenderSource.OVERLAID_ASSET);

            // An overlaid asset with an empty URL does not count.
            db.sql("UPDATE image_assets SET image_url = '' WHERE image_asset_id = '" + OVERLAID + "'");
            assertThat(renders.resolve(variant(), null).source()).isEqualTo(RenderSource.OVERLAY_LAYOUT);
            db.sql("UPDATE jobs_variants SET overlaid_img_asset_id = NULL WHERE job_variants_id = '" + VARIANT + "'");
            assertThat(renders.resolve(variant(), null)).isEqualTo(
                    new ResolvedRender("/assets/r/layout-render.png", RenderSource.OVERLAY_LAYOUT,
                            UUID.fromString(OVERLAY)));

            // A layout without render.url: nothing to judge.
            db.sql("UPDATE overlay_layouts SET layout = '{\"text_boxes\": []}' WHERE overlay_id = '" + OVERLAY + "'");
            ResolvedRender none = renders.resolve(variant(), null);
            assertThat(none.present()).isFalse();
            assertThat(none.source()).isEqualTo(RenderSource.NONE);
            assertThat(none.overlayId()).isEqualTo(UUID.fromString(OVERLAY));

            db.sql("DELETE FROM overlay_layouts WHERE overlay_id = '" + OVERLAY + "'");
            assertThat(renders.resolve(variant(), null)).isEqualTo(new ResolvedRender(null, RenderSource.NONE, null));
            // The explicit URL still wins without any overlay.
            assertThat(renders.resolve(variant(), "file:///tmp/r.png").source()).isEqualTo(RenderSource.EXPLICIT);
        } finally {
            restoreRenderFixture();
        }
    }

    private static void restoreRenderFixture() {
        db.sql("UPDATE image_assets SET image_url = '/assets/r/overlaid.png' WHERE image_asset_id = '" + OVERLAID + "'",
                "UPDATE jobs_variants SET overlaid_img_asset_id = '" + OVERLAID + "' WHERE job_variants_id = '"
                        + VARIANT + "'");
    }

    @Test
    void renderOfAnUnknownVariantNamesIt() {
        UUID ghost = UUID.fromString("20000000-0000-0000-0000-0000000000ff");
        assertThatThrownBy(() -> renders.resolve(ghost, null))
                .isInstanceOf(StoreException.class).hasMessageContaining(ghost.toString());
    }

    @Test
    void adCopyRecordRejectsInconsistentValues() {
        assertThatThrownBy(() -> new AdCopy(null, AdCopySource.TYPED)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AdCopy("x", AdCopySource.NONE)).isInstanceOf(IllegalArgumentException.class);
    }
}

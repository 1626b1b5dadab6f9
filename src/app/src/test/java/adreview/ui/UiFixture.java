package adreview.ui;

import adreview.app.DeskConfig;
import adreview.app.DeskContext;
import adreview.store.VariantFilter;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;

/**
 * A fresh desk home for UI tests: the {@code adreview.home} property points at a temp folder so the
 * embedded PostgreSQL and its data are new. When the store's demo data is not there (an empty
 * database), a small set of variants with the faults the UI must show is inserted: a variant with
 * image, render and traces, a Korean ad copy, a missing image file and a corrupt one.
 */
final class UiFixture {

    static final String KOREAN_COPY = "향긋한 녹차로 하루를 시작하세요";

    private UiFixture() {
    }

    /** Points {@code adreview.home} at a new temp folder and returns the configuration loaded from it. */
    static DeskConfig freshHome(String prefix) throws IOException {
        Path home = Files.createTempDirectory(prefix);
        System.setProperty(DeskConfig.HOME_PROPERTY, home.toString());
        return DeskConfig.load(Map.of(), Map.of());
    }

    static void clearHome() {
        System.clearProperty(DeskConfig.HOME_PROPERTY);
    }

    /** Opens the database once (starting PostgreSQL, migrating, seeding demo data) and adds test rows if it is empty. */
    static void prepare(DeskConfig config) {
        try (DeskContext context = DeskContext.open(config)) {
            if (context.variants().list(VariantFilter.ALL).isEmpty()) {
                seed(context, config.assetRoot());
            }
        }
    }

    private static void seed(DeskContext context, Path assets) {
        UUID coffee = UUID.randomUUID();
        UUID tea = UUID.randomUUID();
        UUID faults = UUID.randomUUID();
        draw(assets.resolve("acme-coffee/latte.png"), new Color(0xF3E3C8), new Color(0xB07942), null);
        draw(assets.resolve("acme-coffee/latte-render.png"), new Color(0xF3E3C8), new Color(0xB07942), "Wake up to fresh coffee");
        draw(assets.resolve("seoul-tea/green-tea.png"), new Color(0xDDEFD6), new Color(0x4F8A3C), null);
        draw(assets.resolve("faults/sneaker.png"), new Color(0xDCE6F2), new Color(0xD0443E), null);
        try {
            Files.createDirectories(assets.resolve("faults"));
            Files.write(assets.resolve("faults/corrupt.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 1, 2, 3});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        context.database().runInTransaction(c -> {
            job(c, coffee, "acme-coffee", "Coffee beans roasted this morning, delivered to your door.");
            job(c, tea, "seoul-tea", "Green tea from Boseong.");
            job(c, faults, "faulty-shoes", "Running shoes for city runners.");
            update(c, "INSERT INTO txt_ad_copy_generations (job_id, generation_stage, ad_copy_eng, status) VALUES (?, 'ad_copy_eng', ?, 'done')",
                    coffee, "Wake up to freshly roasted coffee.");
            update(c, "INSERT INTO txt_ad_copy_generations (job_id, generation_stage, ad_copy_eng, status) VALUES (?, 'ad_copy_eng', ?, 'done')",
                    tea, KOREAN_COPY);
            UUID latte = variant(c, coffee, "/assets/acme-coffee/latte.png", "/assets/acme-coffee/latte-render.png", "vlm_judge", "done");
            variant(c, tea, "/assets/seoul-tea/green-tea.png", null, "vlm_analyze", "done");
            variant(c, faults, "/assets/faults/sneaker-gone.png", null, "img_gen", "failed");
            variant(c, faults, "/assets/faults/corrupt.png", null, "vlm_analyze", "queued");
            variant(c, faults, "/assets/faults/sneaker.png", null, "yolo_detect", "running");
            update(c, "INSERT INTO vlm_traces (job_id, job_variants_id, provider, operation_type, request, response, latency_ms, created_at) "
                    + "VALUES (?, ?, 'llava', 'analyze', ?::jsonb, ?::jsonb, 5210, now() - interval '2 hours')",
                    coffee, latte, "{\"asset_url\":\"/assets/acme-coffee/latte.png\",\"ad_copy_text\":\"Wake up to freshly roasted coffee.\",\"prompt\":\"Analyze this image\"}",
                    "{\"is_valid\":true,\"image_quality_ok\":true,\"relevance_score\":0.86,\"analysis\":\"A latte in warm light.\",\"issues\":[],\"recommendations\":[\"Leave space for the headline\"],\"font_recommendation\":{\"style\":\"bold\",\"size\":\"large\",\"color\":\"dark\"}}");
            update(c, "INSERT INTO vlm_traces (job_id, job_variants_id, provider, operation_type, request, response, latency_ms, created_at) "
                    + "VALUES (?, ?, 'llava', 'judge', ?::jsonb, ?::jsonb, 6120, now() - interval '1 hour')",
                    coffee, latte, "{\"render_asset_url\":\"/assets/acme-coffee/latte-render.png\"}",
                    "{\"on_brief\":true,\"occlusion\":false,\"contrast_ok\":false,\"cta_present\":true,\"analysis\":\"Headline is hard to read.\",\"issues\":[\"low contrast headline\"]}");
            update(c, "INSERT INTO vlm_traces (job_id, job_variants_id, provider, operation_type, request, response, latency_ms, created_at) "
                    + "VALUES (?, NULL, 'llava', 'analyze', ?::jsonb, ?::jsonb, 930, now() - interval '3 hours')",
                    coffee, "{\"asset_url\":\"/assets/acme-coffee/old.png\"}",
                    "{\"error\":\"model output is not valid JSON\",\"raw_text\":\"The image shows\"}");
        });
    }

    private static void job(Connection c, UUID id, String tenant, String brief) throws java.sql.SQLException {
        update(c, "INSERT INTO jobs (job_id, tenant_id, status, current_step) VALUES (?, ?, 'running', 'vlm_analyze')", id, tenant);
        update(c, "INSERT INTO job_inputs (job_id, desc_eng) VALUES (?, ?)", id, brief);
    }

    private static UUID variant(Connection c, UUID job, String imageUrl, String renderUrl, String step, String status)
            throws java.sql.SQLException {
        UUID asset = UUID.randomUUID();
        update(c, "INSERT INTO image_assets (image_asset_id, image_url) VALUES (?, ?)", asset, imageUrl);
        UUID variant = UUID.randomUUID();
        update(c, "INSERT INTO jobs_variants (job_variants_id, job_id, img_asset_id, status, current_step) VALUES (?, ?, ?, ?, ?)",
                variant, job, asset, status, step);
        if (renderUrl != null) {
            update(c, "INSERT INTO overlay_layouts (job_variants_id, layout) VALUES (?, ?::jsonb)", variant,
                    "{\"render\":{\"url\":\"" + renderUrl + "\"},\"text_boxes\":[]}");
        }
        return variant;
    }

    private static void update(Connection c, String sql, Object... params) throws java.sql.SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            st.executeUpdate();
        }
    }

    /** A product-like shape (a cup) on a gradient, with an optional headline (the overlay render). */
    private static void draw(Path file, Color background, Color product, String headline) {
        BufferedImage image = new BufferedImage(768, 768, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, background, 768, 768, background.darker()));
        g.fillRect(0, 0, 768, 768);
        g.setColor(product);
        g.fillRoundRect(244, 300, 280, 300, 60, 60);
        g.fillOval(500, 370, 110, 140);
        g.setColor(background);
        g.fillOval(525, 395, 60, 90);
        g.setColor(product.darker());
        g.fillOval(234, 270, 300, 70);
        if (headline != null) {
            g.setColor(new Color(0x202020));
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 48));
            g.drawString(headline, 60, 140);
            g.setColor(new Color(0xD0443E));
            g.fillRoundRect(264, 650, 240, 70, 20, 20);
            g.setColor(Color.WHITE);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 30));
            g.drawString("Order now", 310, 696);
        }
        g.dispose();
        try {
            Files.createDirectories(file.getParent());
            ImageIO.write(image, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a folder tree (a model folder into a desk's models folder). */
    static void copyTree(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Files.copy(p, to.resolve(from.relativize(p).toString()));
            }
        }
    }

    /** Waits up to 60 s for {@code condition}, letting the FX thread run between checks. */
    static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        org.testfx.util.WaitForAsyncUtils.waitFor(60, java.util.concurrent.TimeUnit.SECONDS, () -> {
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
            return condition.call();
        });
    }

    /** Closes a whole-desk test's application and every stage it left, so none stays over the next desk. */
    static void stopDesk(javafx.application.Application app) throws Exception {
        if (app != null) {
            org.testfx.api.FxToolkit.cleanupApplication(app);
        }
        org.testfx.api.FxToolkit.cleanupStages();
        clearHome();
    }
}

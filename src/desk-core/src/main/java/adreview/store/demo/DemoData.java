package adreview.store.demo;

import static adreview.store.demo.DemoVariants.asset;
import static adreview.store.demo.DemoVariants.other;

import adreview.store.Database;
import adreview.store.StoreException;
import adreview.store.demo.DemoPainter.Palette;
import adreview.store.demo.DemoPainter.Product;
import adreview.store.demo.DemoPainter.TextBox;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo data that makes a fresh desk worth opening: five jobs (tenants), eighteen variants
 * across every step and status, images drawn here with Java2D, overlay renders with their layouts,
 * a few stored traces, and the planted faults named in {@link DemoVariants}; and a week of review
 * history of the same tenants (earlier jobs, reviewer decisions, re-judges with a second prompt
 * version: {@link DemoReviews}) for the agreement report.
 *
 * <p>Seeding happens once per database (a {@code desk_meta} marker); the image files are
 * (re)drawn whenever one is missing under the asset root, except the one that is missing on purpose.
 */
public final class DemoData {

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** {@code desk_meta} key marking a database as seeded. */
    public static final String SEEDED_MARKER = "demo.seeded";
    /** Demo files live under {@code <asset root>/demo}, URLs {@code /assets/demo/<file>}. */
    public static final String URL_PREFIX = "/assets/demo/";

    private static final int W = 1080;
    private static final int H = 1350;
    private static final int TALL = 1920;
    private static final Color INK = new Color(0x1E, 0x1E, 0x28);
    private static final Color WHITE = new Color(0xFF, 0xFF, 0xFF);

    private DemoData() {
    }

    enum Overlay { NONE, GOOD, LOW_CONTRAST, OVER_PRODUCT, NO_CTA }

    enum ImageState { DRAWN, NONE, MISSING_FILE, CORRUPT_FILE }

    record JobSpec(UUID id, String tenant, String status, String step, String descEng, String descKor,
                   String headline, String body, String cta, Palette palette, Color ink) {
    }

    record VariantSpec(UUID id, JobSpec job, String file, Product product, int height, String step, String status,
                       ImageState image, Overlay overlay, boolean overlaidAsset, int hoursAgo) {

        String imageUrl() {
            return URL_PREFIX + file + ".png";
        }

        String renderUrl() {
            return URL_PREFIX + file + "-render.png";
        }

        boolean hasRender() {
            return overlay != Overlay.NONE;
        }
    }

    // ---- the data --------------------------------------------------------------------------

    static final JobSpec STRIDE = new JobSpec(DemoVariants.JOB_STRIDE, "stride-athletics", "running", "vlm_judge",
            "Lightweight running shoes for summer training: sporty, energetic, outdoors.", null,
            "Run lighter this summer", "Stride Air 2 running shoes: just 210 g of pure speed.", "Shop now",
            new Palette(new Color(0xFF, 0x9A, 0x3C), new Color(0xF2, 0x4E, 0x6A), new Color(0x2D, 0x6C, 0xDF),
                    new Color(0xFF, 0xD2, 0x3F)), WHITE);
    static final JobSpec BREW = new JobSpec(DemoVariants.JOB_BREW, "bean-and-brew", "running", "yolo_detect",
            "Single-origin coffee, freshly roasted, for slow weekend mornings.", null,
            "Slow mornings, bold flavour", "Freshly roasted single-origin coffee, delivered weekly.", "Order beans",
            new Palette(new Color(0xF6, 0xE7, 0xD2), new Color(0xD9, 0xB8, 0x8F), new Color(0xF4, 0xF1, 0xEA),
                    new Color(0x8B, 0x4A, 0x2B)), INK);
    static final JobSpec AQUA = new JobSpec(DemoVariants.JOB_AQUA, "aqua-pure", "failed", "vlm_analyze",
            "Insulated stainless steel water bottle that keeps drinks cold for 24 hours.", null,
            "Cold for 24 hours", "An insulated steel bottle for every trail and every desk.", "Buy now",
            new Palette(new Color(0x9F, 0xE6, 0xF0), new Color(0x2B, 0x8C, 0xC4), new Color(0x3C, 0xB3, 0x71),
                    new Color(0x10, 0x3F, 0x6E)), INK);
    static final JobSpec NOVA = new JobSpec(DemoVariants.JOB_NOVA, "nova-mobile", "running", "vlm_judge",
            "Nova X phone with an all-day battery and a bright, sharp display.", null,
            "All day. All night.", "Nova X: a two-day battery and the brightest screen we have made.", "Pre-order",
            new Palette(new Color(0x24, 0x1E, 0x4E), new Color(0x0B, 0x0B, 0x1A), new Color(0x33, 0x33, 0x3A),
                    new Color(0x6C, 0x5C, 0xE7)), WHITE);
    static final JobSpec HANGANG = new JobSpec(DemoVariants.JOB_HANGANG, "hangang-run", "queued", "vlm_analyze",
            "Summer sale: 30% off every running shoe.", "여름 특가: 모든 러닝화 30% 할인",
            "여름 특가! 러닝화 30% 할인", "모든 러닝화 30% 할인. 지금 구매하세요", "지금 구매",
            new Palette(new Color(0x8E, 0xD1, 0xFC), new Color(0x2E, 0x86, 0xDE), new Color(0xE8, 0x4A, 0x5F),
                    new Color(0xFF, 0xFF, 0xFF)), WHITE);

    static final List<JobSpec> JOBS = List.of(STRIDE, BREW, AQUA, NOVA, HANGANG);

    static final List<VariantSpec> VARIANTS = List.of(
            v(DemoVariants.SHOE_GOOD, STRIDE, "stride-shoe-good", Product.SHOE, H, "vlm_judge", "done",
                    ImageState.DRAWN, Overlay.GOOD, true, 40),
            v(DemoVariants.LOW_CONTRAST, STRIDE, "stride-shoe-low-contrast", Product.SHOE, H, "overlay", "done",
                    ImageState.DRAWN, Overlay.LOW_CONTRAST, false, 20),
            v(DemoVariants.TEXT_OVER_PRODUCT, STRIDE, "stride-shoe-text-over-product", Product.SHOE, H, "overlay",
                    "done", ImageState.DRAWN, Overlay.OVER_PRODUCT, false, 19),
            v(DemoVariants.IMAGE_CONTRADICTS_COPY, STRIDE, "stride-coffee-cup", Product.COFFEE_CUP, H,
                    "vlm_analyze", "queued", ImageState.DRAWN, Overlay.NONE, false, 6),
            v(DemoVariants.SHOE_GENERATING, STRIDE, "stride-generating", Product.SHOE, H, "img_gen", "running",
                    ImageState.NONE, Overlay.NONE, false, 1),
            v(DemoVariants.COFFEE_GOOD, BREW, "brew-cup-good", Product.COFFEE_CUP, H, "vlm_analyze", "done",
                    ImageState.DRAWN, Overlay.NONE, false, 30),
            v(DemoVariants.MISSING_CTA, BREW, "brew-cup-missing-cta", Product.COFFEE_CUP, H, "overlay", "done",
                    ImageState.DRAWN, Overlay.NO_CTA, false, 22),
            v(DemoVariants.COFFEE_DETECTING, BREW, "brew-cup-tall", Product.COFFEE_CUP, TALL, "yolo_detect",
                    "running", ImageState.DRAWN, Overlay.NONE, false, 2),
            v(DemoVariants.BOTTLE_GOOD, AQUA, "aqua-bottle-good", Product.BOTTLE, H, "ocr_eval", "done",
                    ImageState.DRAWN, Overlay.GOOD, true, 50),
            v(DemoVariants.MISSING_IMAGE, AQUA, "aqua-bottle-missing", Product.BOTTLE, H, "vlm_analyze", "queued",
                    ImageState.MISSING_FILE, Overlay.NONE, false, 8),
            v(DemoVariants.CORRUPT_IMAGE, AQUA, "aqua-bottle-corrupt", Product.BOTTLE, H, "vlm_analyze", "failed",
                    ImageState.CORRUPT_FILE, Overlay.NONE, false, 7),
            v(DemoVariants.BOTTLE_OVERLAY_QUEUED, AQUA, "aqua-bottle-overlay-queued", Product.BOTTLE, H, "overlay",
                    "queued", ImageState.DRAWN, Overlay.NONE, false, 5),
            v(DemoVariants.PHONE_GOOD, NOVA, "nova-phone-good", Product.PHONE, TALL, "vlm_judge", "done",
                    ImageState.DRAWN, Overlay.GOOD, true, 45),
            v(DemoVariants.PHONE_READY_FOR_JUDGE, NOVA, "nova-phone-ready", Product.PHONE, H, "overlay", "done",
                    ImageState.DRAWN, Overlay.GOOD, false, 12),
            v(DemoVariants.PHONE_JUDGING, NOVA, "nova-phone-judging", Product.PHONE, TALL, "vlm_judge", "running",
                    ImageState.DRAWN, Overlay.GOOD, false, 3),
            v(DemoVariants.PHONE_OVERLAY_FAILED, NOVA, "nova-phone-overlay-failed", Product.PHONE, H, "overlay",
                    "failed", ImageState.DRAWN, Overlay.NONE, false, 10),
            v(DemoVariants.KOREAN_COPY, HANGANG, "hangang-shoe", Product.SHOE, H, "vlm_analyze", "queued",
                    ImageState.DRAWN, Overlay.NONE, false, 4),
            v(DemoVariants.KOREAN_RENDER, HANGANG, "hangang-shoe-korean", Product.SHOE, H, "overlay", "done",
                    ImageState.DRAWN, Overlay.GOOD, false, 9));

    private static VariantSpec v(UUID id, JobSpec job, String file, Product product, int height, String step,
                                 String status, ImageState image, Overlay overlay, boolean overlaidAsset,
                                 int hoursAgo) {
        return new VariantSpec(id, job, file, product, height, step, status, image, overlay, overlaidAsset, hoursAgo);
    }

    // ---- seeding ---------------------------------------------------------------------------

    /**
     * Draws missing demo images under {@code assetRoot/demo}, then seeds the rows if this database
     * has never been seeded. Returns true when rows were inserted.
     */
    public static boolean seedIfFirstStart(Database database, Path assetRoot) {
        writeAssets(assetRoot);
        return seedRowsIfFirstStart(database);
    }

    /**
     * Only the rows (no image files): for tests that need the demo's jobs, variants and traces but
     * not its pixels. Returns true when rows were inserted.
     */
    public static boolean seedRowsIfFirstStart(Database database) {
        return database.inTransaction(connection -> {
            if (seeded(connection)) {
                return false;
            }
            insertAll(connection);
            try (PreparedStatement st = connection.prepareStatement(
                    "INSERT INTO desk_meta (meta_key, meta_value) VALUES (?, ?) ON CONFLICT (meta_key) DO NOTHING")) {
                st.setString(1, SEEDED_MARKER);
                st.setString(2, "demo data v1");
                st.executeUpdate();
            }
            LOG.info("seeded demo data: {} jobs, {} variants", DemoVariants.JOBS.size(), DemoVariants.ALL.size());
            return true;
        });
    }

    private static boolean seeded(Connection connection) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement("SELECT 1 FROM desk_meta WHERE meta_key = ?")) {
            st.setString(1, SEEDED_MARKER);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * What the demo renders' text was drawn with, kept in {@code demo/.drawn-with}. Renders of an older desk, drawn
     * before the Korean font was bundled, show empty boxes for Hangul; a different (or missing) note redraws them
     * once. The photos carry no text and stay.
     */
    static final String DRAWN_WITH = "renders drawn with the bundled " + DemoPainter.FONT_FAMILY + " (painter 2)";

    /** Draws every demo image that is not on disk yet (in parallel: each is independent). */
    public static void writeAssets(Path assetRoot) {
        Path dir = assetRoot.resolve("demo");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StoreException("cannot create the demo asset folder " + dir + ": " + e.getMessage(), e);
        }
        Path note = dir.resolve(".drawn-with");
        boolean redrawRenders = !DRAWN_WITH.equals(readNote(note));
        VARIANTS.parallelStream().forEach(spec -> {
            Path photoFile = dir.resolve(spec.file() + ".png");
            Path renderFile = dir.resolve(spec.file() + "-render.png");
            boolean needPhoto = spec.image() == ImageState.DRAWN && !Files.exists(photoFile);
            boolean needRender = spec.hasRender() && (redrawRenders || !Files.exists(renderFile));
            if (spec.image() == ImageState.CORRUPT_FILE && !Files.exists(photoFile)) {
                writeAtomically(photoFile, corruptPng());
            }
            if (!needPhoto && !needRender) {
                return;
            }
            BufferedImage photo = DemoPainter.photo(spec.product(), spec.job().palette(), W, spec.height(),
                    spec.id().getLeastSignificantBits());
            if (needPhoto) {
                writePng(photo, photoFile);
            }
            if (needRender) {
                writePng(DemoPainter.render(photo, textBoxes(spec)), renderFile);
            }
        });
        if (redrawRenders) {
            writeAtomically(note, (DRAWN_WITH + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String readNote(Path note) {
        try {
            return Files.readString(note, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return null; // none yet: an older desk's renders, or a first start
        }
    }

    /** A file that starts like a PNG and then stops making sense: decoders must fail on it. */
    static byte[] corruptPng() {
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
        byte[] junk = "IHDR this is not image data; the file was cut off during upload"
                .getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = new byte[signature.length + junk.length];
        System.arraycopy(signature, 0, bytes, 0, signature.length);
        System.arraycopy(junk, 0, bytes, signature.length, junk.length);
        return bytes;
    }

    private static void writePng(BufferedImage image, Path file) {
        try {
            Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".part");
            try {
                encodePng(image, tmp);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write demo image " + file + ": " + e.getMessage(), e);
        }
    }

    /** PNG with fast deflate: the demo images are mostly flat colour, so size hardly grows. */
    private static void encodePng(BufferedImage image, Path file) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.8f); // deflate level 1 of 9 in the JDK's PNG writer
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }

    private static void writeAtomically(Path file, byte[] bytes) {
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".part");
            Files.write(tmp, bytes);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write demo file " + file + ": " + e.getMessage(), e);
        }
    }

    // ---- layouts ---------------------------------------------------------------------------

    /** The text boxes of a variant's render, in render pixels; the planted faults live here. */
    static List<TextBox> textBoxes(VariantSpec spec) {
        JobSpec job = spec.job();
        int margin = 80;
        int maxWidth = W - 2 * margin;
        // White ink on a light photo (the orange shoe, the light-blue Korean ad) needs a dark
        // translucent scrim behind it to pass WCAG AA; the low-contrast fault has its grey panels.
        Color scrim = spec.overlay() == Overlay.GOOD && needsScrim(job) ? SCRIM : null;
        // Panels take more room: start higher so no box touches the product.
        boolean panels = spec.overlay() == Overlay.LOW_CONTRAST || scrim != null;
        int top = spec.height() == TALL ? 180 : panels ? 70 : 110;
        List<TextBox> boxes = new ArrayList<>();
        Color ink = job.ink();
        Color panel = scrim;
        if (spec.overlay() == Overlay.LOW_CONTRAST) {
            ink = new Color(0x9A, 0x9A, 0x9A);
            panel = new Color(0xB0, 0xB0, 0xB0);
        }
        TextBox headline = DemoPainter.fit(job.headline(), "headline", margin, top, maxWidth, true, 88, ink, panel);
        if (spec.overlay() == Overlay.OVER_PRODUCT) {
            Rectangle2D product = DemoPainter.productBounds(spec.product(), W, spec.height());
            int y = (int) (product.getCenterY() - headline.h() / 2.0);
            headline = new TextBox(headline.text(), "headline", headline.x(), y, headline.w(), headline.h(),
                    true, headline.size(), headline.colour(), headline.fill());
        }
        boxes.add(headline);
        int bodyY = spec.overlay() == Overlay.OVER_PRODUCT ? top : headline.y() + headline.h() + (panels ? 12 : 24);
        boxes.add(DemoPainter.fit(job.body(), "body", margin, bodyY, maxWidth, false, 44, ink, panel));
        if (spec.overlay() != Overlay.NO_CTA) {
            TextBox cta = DemoPainter.fit(job.cta(), "cta", 0, spec.height() - 250, maxWidth, true, 46, WHITE,
                    ctaColour(job));
            boxes.add(new TextBox(cta.text(), "cta", (W - cta.w()) / 2, cta.y(), cta.w(), cta.h(), true, cta.size(),
                    cta.colour(), cta.fill()));
        }
        return boxes;
    }

    /** A dark, mostly opaque panel: white text on it measures above 7:1 over any of the demo photos. */
    private static final Color SCRIM = new Color(0x14, 0x14, 0x28, 0xC8);

    /** White ink over a photo whose top (where the headline sits) is light. */
    static boolean needsScrim(JobSpec job) {
        Color top = job.palette().top();
        // WCAG relative luminance; white on it is below 4.5:1 above about 0.18.
        double luminance = 0.2126 * linear(top.getRed()) + 0.7152 * linear(top.getGreen()) + 0.0722 * linear(top.getBlue());
        return job.ink().equals(WHITE) && luminance > 0.18;
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static Color ctaColour(JobSpec job) {
        return job == HANGANG ? new Color(0xC0, 0x1E, 0x3C) : job == BREW ? new Color(0x6B, 0x3A, 0x1F)
                : job == AQUA ? new Color(0x10, 0x3F, 0x6E) : job == NOVA ? new Color(0x5B, 0x4B, 0xD6)
                : new Color(0x1F, 0x3F, 0x9F);
    }

    /** {@code overlay_layouts.layout}: render url/size and the text boxes, exactly as the pipeline writes it. */
    static ObjectNode layoutJson(VariantSpec spec) {
        ObjectNode layout = JSON.createObjectNode();
        ObjectNode render = layout.putObject("render");
        render.put("url", spec.renderUrl());
        render.put("width", W);
        render.put("height", spec.height());
        ArrayNode boxes = layout.putArray("text_boxes");
        for (TextBox box : textBoxes(spec)) {
            ObjectNode b = boxes.addObject();
            b.put("text", box.text());
            b.put("role", box.role());
            b.put("x", box.x());
            b.put("y", box.y());
            b.put("w", box.w());
            b.put("h", box.h());
            b.put("font", DemoPainter.FONT_FAMILY);
            b.put("weight", box.bold() ? "bold" : "normal");
            b.put("size", box.size());
            b.put("colour", DemoPainter.hex(box.colour()));
        }
        return layout;
    }

    // ---- rows ------------------------------------------------------------------------------

    private static void insertAll(Connection c) throws SQLException {
        for (JobSpec job : JOBS) {
            int hours = VARIANTS.stream().filter(v -> v.job() == job).mapToInt(VariantSpec::hoursAgo).max().orElse(1);
            exec(c, "INSERT INTO jobs (job_id, tenant_id, status, current_step, created_at, updated_at) VALUES "
                            + "(?, ?, ?, ?, now() - make_interval(hours => ?), now() - make_interval(mins => ?)) "
                            + "ON CONFLICT DO NOTHING",
                    job.id(), job.tenant(), job.status(), job.step(), hours + 2, 30);
            exec(c, "INSERT INTO job_inputs (job_id, desc_eng, desc_kor) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                    job.id(), job.descEng(), job.descKor());
        }
        insertAdCopies(c);
        for (VariantSpec v : VARIANTS) {
            UUID image = null;
            if (v.image() != ImageState.NONE) {
                image = asset(v.file());
                exec(c, "INSERT INTO image_assets (image_asset_id, image_url, created_at) VALUES "
                        + "(?, ?, now() - make_interval(hours => ?)) ON CONFLICT DO NOTHING",
                        image, v.imageUrl(), v.hoursAgo() + 1);
            }
            UUID overlaid = null;
            if (v.hasRender() && v.overlaidAsset()) {
                overlaid = asset(v.file() + "-render");
                exec(c, "INSERT INTO image_assets (image_asset_id, image_url, created_at) VALUES "
                        + "(?, ?, now() - make_interval(hours => ?)) ON CONFLICT DO NOTHING",
                        overlaid, v.renderUrl(), v.hoursAgo());
            }
            exec(c, "INSERT INTO jobs_variants (job_variants_id, job_id, img_asset_id, overlaid_img_asset_id, status, "
                            + "current_step, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, "
                            + "now() - make_interval(hours => ?), now() - make_interval(hours => ?)) ON CONFLICT DO NOTHING",
                    v.id(), v.job().id(), image, overlaid, v.status(), v.step(), v.hoursAgo() + 1, v.hoursAgo());
            if (v.hasRender()) {
                exec(c, "INSERT INTO overlay_layouts (overlay_id, job_variants_id, layout) VALUES (?, ?, ?::jsonb) "
                        + "ON CONFLICT DO NOTHING", other("overlay", v.file()), v.id(), layoutJson(v).toString());
            }
        }
        DemoTraces.insert(c);
        DemoReviews.insert(c);
    }

    /**
     * Generated copy: Stride has an older done row, the newest done row (which wins) and a newer
     * failed one (which must be skipped); Aqua has none, so its brief is used.
     */
    private static void insertAdCopies(Connection c) throws SQLException {
        String sql = "INSERT INTO txt_ad_copy_generations (txt_ad_copy_generation_id, job_id, generation_stage, "
                + "ad_copy_eng, status, created_at) VALUES (?, ?, ?, ?, ?, now() - make_interval(hours => ?)) "
                + "ON CONFLICT DO NOTHING";
        exec(c, sql, other("copy", "stride-old"), STRIDE.id(), "ad_copy_eng",
                "Fast shoes for fast people.", "done", 60);
        exec(c, sql, other("copy", "stride"), STRIDE.id(), "ad_copy_eng",
                STRIDE_COPY, "done", 55);
        exec(c, sql, other("copy", "stride-failed"), STRIDE.id(), "ad_copy_eng",
                null, "failed", 50);
        exec(c, sql, other("copy", "stride-kor-stage"), STRIDE.id(), "ad_copy_kor",
                "이번 여름, 더 가볍게 달리세요.", "done", 49);
        exec(c, sql, other("copy", "brew"), BREW.id(), "ad_copy_eng",
                "Slow mornings, bold flavour. Freshly roasted single-origin coffee, delivered every week.", "done", 40);
        exec(c, sql, other("copy", "nova"), NOVA.id(), "ad_copy_eng",
                "All day. All night. Nova X keeps going with a two-day battery and a bright display.", "done", 48);
        exec(c, sql, other("copy", "hangang"), HANGANG.id(), "ad_copy_eng",
                DemoVariants.KOREAN_AD_COPY, "done", 12);
    }

    /** The ad copy Stage 1 resolves for Stride's variants (newest done generated copy). */
    public static final String STRIDE_COPY =
            "Run lighter this summer. Stride Air 2 running shoes weigh just 210 g and grip every trail.";

    static void exec(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            st.executeUpdate();
        }
    }
}

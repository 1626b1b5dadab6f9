package adreview.store.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import adreview.store.AdCopy;
import adreview.store.AdCopyResolver;
import adreview.store.AdCopySource;
import adreview.store.AssetLocation;
import adreview.store.AssetResolver;
import adreview.store.OverlayLayout;
import adreview.store.OverlayLayoutRepository;
import adreview.store.PipelineStep;
import adreview.store.TestDatabase;
import adreview.store.Variant;
import adreview.store.VariantFilter;
import adreview.store.VariantRepository;
import adreview.store.VariantRow;
import adreview.store.VariantStatus;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo data: coverage of steps and statuses, drawn files, layout shape, planted faults, idempotent seeding. */
class DemoDataTest {

    private static TestDatabase db;
    private static Path assetRoot;
    private static VariantRepository variants;
    private static AssetResolver assets;
    private static OverlayLayoutRepository overlays;

    @BeforeAll
    static void seed() {
        db = TestDatabase.start();
        assetRoot = db.dir().resolve("assets");
        assertThat(DemoData.seedIfFirstStart(db.database(), assetRoot)).isTrue();
        variants = new VariantRepository(db.database());
        assets = new AssetResolver(assetRoot);
        overlays = new OverlayLayoutRepository(db.database());
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    private static String counts() {
        List<String> tables = List.of("jobs", "job_inputs", "image_assets", "jobs_variants",
                "txt_ad_copy_generations", "overlay_layouts", "vlm_traces");
        List<String> parts = new ArrayList<>();
        for (String t : tables) {
            parts.add(t + "=" + db.count("SELECT count(*) FROM " + t));
        }
        return String.join(" ", parts);
    }

    @Test
    void seedingTwiceDoesNotDuplicate() {
        String before = counts();
        assertThat(DemoData.seedIfFirstStart(db.database(), assetRoot)).isFalse();
        assertThat(DemoData.seedRowsIfFirstStart(db.database())).isFalse();
        assertThat(counts()).isEqualTo(before);
        // Even after the reviewer deleted a demo variant, a restart does not bring it back.
        db.sql("DELETE FROM jobs_variants WHERE job_variants_id = '" + DemoVariants.PHONE_OVERLAY_FAILED + "'");
        assertThat(DemoData.seedIfFirstStart(db.database(), assetRoot)).isFalse();
        assertThat(db.count("SELECT count(*) FROM jobs_variants")).isEqualTo(DemoVariants.ALL.size() - 1);
        db.database().runInTransaction(c -> DemoData.exec(c, "INSERT INTO jobs_variants (job_variants_id, job_id, "
                + "img_asset_id, status, current_step) VALUES (?, ?, ?, 'failed', 'overlay')",
                DemoVariants.PHONE_OVERLAY_FAILED, DemoVariants.JOB_NOVA, DemoVariants.asset("nova-phone-overlay-failed")));
    }

    @Test
    void jobsAndVariantsCoverEveryStepAndStatus() {
        assertThat(db.count("SELECT count(DISTINCT tenant_id) FROM jobs")).isGreaterThanOrEqualTo(4);
        List<VariantRow> rows = variants.list(VariantFilter.ALL);
        assertThat(rows).hasSizeGreaterThanOrEqualTo(16);
        Set<String> steps = new HashSet<>();
        Set<String> statuses = new HashSet<>();
        rows.forEach(r -> {
            steps.add(r.currentStep());
            statuses.add(r.status());
        });
        for (PipelineStep step : PipelineStep.values()) {
            assertThat(steps).contains(step.dbValue());
        }
        for (VariantStatus status : VariantStatus.values()) {
            assertThat(statuses).contains(status.dbValue());
        }
        assertThat(new HashSet<>(DemoVariants.ALL)).hasSameSizeAs(DemoVariants.ALL);
        assertThat(DemoVariants.SHOE_GOOD).isEqualTo(UUID.nameUUIDFromBytes(
                "adreview-demo:variant:shoe-good".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void imagesAreDrawnUnderTheAssetRootExceptTheMissingOne() throws Exception {
        for (UUID id : DemoVariants.ALL) {
            Variant v = variants.find(id).orElseThrow();
            if (id.equals(DemoVariants.SHOE_GENERATING)) {
                assertThat(v.imageUrl()).isNull();
                continue;
            }
            assertThat(v.imageUrl()).startsWith("/assets/demo/");
            AssetLocation location = assets.resolve(v.imageUrl());
            assertThat(location).isInstanceOf(AssetLocation.LocalFile.class);
            AssetLocation.LocalFile file = (AssetLocation.LocalFile) location;
            if (id.equals(DemoVariants.MISSING_IMAGE)) {
                assertThat(file.exists()).isFalse();
                continue;
            }
            assertThat(file.exists()).as("file of %s", v.imageUrl()).isTrue();
            if (id.equals(DemoVariants.CORRUPT_IMAGE)) {
                BufferedImage[] decoded = new BufferedImage[1];
                Throwable error = catchThrowable(() -> decoded[0] = ImageIO.read(file.path().toFile()));
                assertThat(error != null || decoded[0] == null).as("corrupt image must not decode").isTrue();
                continue;
            }
            BufferedImage image = ImageIO.read(file.path().toFile());
            assertThat(image.getWidth()).isEqualTo(1080);
            assertThat(image.getHeight()).isIn(1350, 1920);
        }
    }

    @Test
    void layoutsHaveExactlyTheAgreedShapeAndMatchTheirRenders() throws Exception {
        Set<String> boxKeys = Set.of("text", "role", "x", "y", "w", "h", "font", "weight", "size", "colour");
        int layouts = 0;
        for (UUID id : DemoVariants.ALL) {
            var found = overlays.forVariant(id);
            if (found.isEmpty()) {
                continue;
            }
            layouts++;
            JsonNode layout = found.get().layout();
            assertThat(fieldNames(layout)).containsExactlyInAnyOrder("render", "text_boxes");
            assertThat(fieldNames(layout.get("render"))).containsExactlyInAnyOrder("url", "width", "height");
            Path renderFile = assets.requireFile(found.get().renderUrl());
            BufferedImage render = ImageIO.read(renderFile.toFile());
            assertThat(render.getWidth()).isEqualTo(layout.at("/render/width").asInt());
            assertThat(render.getHeight()).isEqualTo(layout.at("/render/height").asInt());
            for (JsonNode box : layout.get("text_boxes")) {
                assertThat(fieldNames(box)).containsExactlyInAnyOrderElementsOf(boxKeys);
                assertThat(box.get("role").asText()).isIn("headline", "body", "cta");
                assertThat(box.get("font").asText()).isEqualTo("NanumGothic");
                assertThat(box.get("weight").asText()).isIn("bold", "normal");
                assertThat(box.get("colour").asText()).matches("#[0-9A-F]{6}");
                assertThat(box.get("size").isInt()).isTrue();
                Rectangle r = rect(box);
                assertThat(new Rectangle(0, 0, render.getWidth(), render.getHeight()).contains(r))
                        .as("box %s inside the render", box).isTrue();
            }
        }
        assertThat(layouts).isEqualTo(9);
    }

    @Test
    void lowContrastTextIsGreyOnAGreyPanel() throws Exception {
        OverlayLayout layout = overlays.forVariant(DemoVariants.LOW_CONTRAST).orElseThrow();
        BufferedImage render = ImageIO.read(assets.requireFile(layout.renderUrl()).toFile());
        JsonNode headline = box(layout, "headline");
        assertThat(headline.get("colour").asText()).isEqualTo("#9A9A9A");
        // Inside the box's padding the pixels are the panel's #B0B0B0.
        int rgb = render.getRGB(headline.get("x").asInt() + 20, headline.get("y").asInt() + 4) & 0xFFFFFF;
        assertThat(String.format("#%06X", rgb)).isEqualTo("#B0B0B0");
    }

    @Test
    void textOverProductHasItsHeadlineOnTheShoe() {
        OverlayLayout layout = overlays.forVariant(DemoVariants.TEXT_OVER_PRODUCT).orElseThrow();
        Rectangle headline = rect(box(layout, "headline"));
        var product = DemoPainter.productBounds(DemoPainter.Product.SHOE, 1080, 1350);
        assertThat(headline.intersects(product)).isTrue();
        // ...while the good variant (and the low-contrast one, whose only fault is contrast) keep every
        // box off the product.
        for (UUID id : List.of(DemoVariants.SHOE_GOOD, DemoVariants.LOW_CONTRAST)) {
            for (JsonNode b : overlays.forVariant(id).orElseThrow().layout().get("text_boxes")) {
                assertThat(rect(b).intersects(product)).as("%s box %s", id, b.get("role")).isFalse();
            }
        }
    }

    @Test
    void missingCtaHasNoCallToAction() {
        OverlayLayout layout = overlays.forVariant(DemoVariants.MISSING_CTA).orElseThrow();
        List<String> roles = new ArrayList<>();
        layout.layout().get("text_boxes").forEach(b -> roles.add(b.get("role").asText()));
        assertThat(roles).containsExactly("headline", "body");
        assertThat(box(overlays.forVariant(DemoVariants.SHOE_GOOD).orElseThrow(), "cta").get("text").asText())
                .isEqualTo("Shop now");
    }

    @Test
    void koreanCopyAndMismatchedImageAreWhereTheReviewerWillLook() {
        AdCopyResolver resolver = new AdCopyResolver(db.database());
        AdCopy korean = resolver.resolve(DemoVariants.JOB_HANGANG, null);
        assertThat(korean).isEqualTo(new AdCopy(DemoVariants.KOREAN_AD_COPY, AdCopySource.GENERATED_COPY));
        assertThat(box(overlays.forVariant(DemoVariants.KOREAN_RENDER).orElseThrow(), "headline").get("text").asText())
                .contains("러닝화");

        AdCopy stride = resolver.resolve(DemoVariants.JOB_STRIDE, null);
        assertThat(stride.text()).contains("running shoes");
        assertThat(stride.source()).isEqualTo(AdCopySource.GENERATED_COPY);
        Variant mismatch = variants.find(DemoVariants.IMAGE_CONTRADICTS_COPY).orElseThrow();
        assertThat(mismatch.jobId()).isEqualTo(DemoVariants.JOB_STRIDE);
        assertThat(DemoData.VARIANTS.stream().filter(s -> s.id().equals(DemoVariants.IMAGE_CONTRADICTS_COPY))
                .findFirst().orElseThrow().product()).isEqualTo(DemoPainter.Product.COFFEE_CUP);

        // Aqua has no generated copy: its brief is used.
        assertThat(resolver.resolve(DemoVariants.JOB_AQUA, null).source()).isEqualTo(AdCopySource.JOB_BRIEF);
    }

    @Test
    void assetsAreRedrawnOnlyWhenMissing() throws Exception {
        Path good = assets.requireFile("/assets/demo/stride-shoe-good.png");
        Path render = assets.requireFile("/assets/demo/brew-cup-missing-cta-render.png");
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(good, old);
        Files.delete(render);
        DemoData.writeAssets(assetRoot);
        assertThat(Files.getLastModifiedTime(good)).isEqualTo(old);
        assertThat(ImageIO.read(render.toFile()).getWidth()).isEqualTo(1080);
        assertThat(Files.exists(assetRoot.resolve("demo/aqua-bottle-missing.png"))).isFalse();
    }

    @Test
    void rendersOfAnOlderDeskAreRedrawnOnceWithTheBundledFont() throws Exception {
        AssetResolver assets = new AssetResolver(assetRoot);
        DemoData.writeAssets(assetRoot);
        Path render = assets.requireFile("/assets/demo/brew-cup-missing-cta-render.png");
        Path photo = assets.requireFile("/assets/demo/stride-shoe-good.png");
        byte[] drawn = Files.readAllBytes(render);
        // As an older desk left them: a render drawn without the Korean font, and no note of what drew it.
        BufferedImage blank = new BufferedImage(1080, 1080, BufferedImage.TYPE_INT_RGB);
        ImageIO.write(blank, "png", render.toFile());
        Files.delete(assetRoot.resolve("demo/.drawn-with"));
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(photo, old);

        DemoData.writeAssets(assetRoot);
        assertThat(Files.readAllBytes(render)).isEqualTo(drawn); // drawn again, as the first time
        assertThat(Files.getLastModifiedTime(photo)).isEqualTo(old); // photos carry no text: left alone
        assertThat(Files.readString(assetRoot.resolve("demo/.drawn-with")).strip()).isEqualTo(DemoData.DRAWN_WITH);

        FileTime now = Files.getLastModifiedTime(render);
        Files.setLastModifiedTime(render, old);
        DemoData.writeAssets(assetRoot); // the note matches: nothing is redrawn
        assertThat(Files.getLastModifiedTime(render)).isEqualTo(old).isNotEqualTo(now);
    }

    private static JsonNode box(OverlayLayout layout, String role) {
        for (JsonNode b : layout.layout().get("text_boxes")) {
            if (role.equals(b.get("role").asText())) {
                return b;
            }
        }
        throw new AssertionError("no " + role + " box in " + layout.layout());
    }

    private static Rectangle rect(JsonNode box) {
        return new Rectangle(box.get("x").asInt(), box.get("y").asInt(), box.get("w").asInt(), box.get("h").asInt());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}

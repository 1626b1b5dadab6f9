package adreview.review.measured;

import adreview.checks.BoxContrast;
import adreview.checks.CtaResult;
import adreview.checks.MeasuredChecks;
import adreview.checks.MeasuredReport;
import adreview.checks.OcclusionResult;
import adreview.checks.Placement;
import adreview.checks.Verdict;
import adreview.checks.Wcag;
import adreview.store.AssetResolver;
import adreview.store.OverlayLayoutRepository;
import adreview.store.RenderResolver;
import adreview.store.StoreException;
import adreview.store.TestDatabase;
import adreview.store.VariantRepository;
import adreview.store.demo.DemoData;
import adreview.store.demo.DemoVariants;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The demo data's planted faults, found by the measured checks on a real (embedded) PostgreSQL. */
class DemoFaultsTest {

    private static TestDatabase db;
    private static VariantMeasurement measurement;

    @BeforeAll
    static void seed() {
        db = TestDatabase.start();
        Path assets = db.dir().resolve("assets");
        DemoData.seedIfFirstStart(db.database(), assets);
        measurement = new VariantMeasurement(new VariantRepository(db.database()), new RenderResolver(db.database()),
                new OverlayLayoutRepository(db.database()), new AssetResolver(assets), new MeasuredChecks());
    }

    @AfterAll
    static void stop() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void lowContrastVariantFailsContrast() {
        MeasuredReport r = measurement.measure(DemoVariants.LOW_CONTRAST, null);

        assertThat(r.contrastAa()).isEqualTo(Verdict.FAIL);
        BoxContrast headline = r.contrast().get(0);
        assertThat(headline.textColour()).isEqualTo("#9A9A9A");
        assertThat(headline.backgroundColour()).isEqualTo("#B0B0B0");
        assertThat(headline.ratio()).isEqualTo(Wcag.round2(Wcag.contrastRatio(0x9A9A9A, 0xB0B0B0)));
        assertThat(headline.aa()).isEqualTo(Verdict.FAIL);
        assertThat(r.contrast().get(1).aa()).isEqualTo(Verdict.FAIL);
        assertThat(MeasuredChecks.disagreements(r, true, null, null))
                .singleElement().satisfies(d -> assertThat(d.field()).isEqualTo("contrast_ok"));
    }

    @Test
    void variantWithoutCallToActionIsReported() {
        MeasuredReport r = measurement.measure(DemoVariants.MISSING_CTA, null);

        assertThat(r.cta().status()).isEqualTo(CtaResult.Status.ABSENT);
        assertThat(r.cta().matches()).isEmpty();
        assertThat(MeasuredChecks.disagreements(r, null, true, null))
                .singleElement().satisfies(d -> assertThat(d.field()).isEqualTo("cta_present"));
    }

    @Test
    void textOverProductVariantIsFlaggedForOcclusion() {
        MeasuredReport r = measurement.measure(DemoVariants.TEXT_OVER_PRODUCT, null);

        List<OcclusionResult.BoxOcclusion> boxes = r.occlusion().boxes();
        assertThat(boxes.get(0).role()).isEqualTo("headline");
        assertThat(boxes.get(0).flagged()).isTrue();
        assertThat(boxes.get(0).overSubject()).isGreaterThan(0.5);
        assertThat(boxes.subList(1, boxes.size())).noneMatch(OcclusionResult.BoxOcclusion::flagged);
        assertThat(MeasuredChecks.disagreements(r, null, null, false))
                .singleElement().satisfies(d -> assertThat(d.field()).isEqualTo("occlusion"));
    }

    @Test
    void goodVariantsHaveACallToActionNoOcclusionAndSharpAdequateImages() {
        for (UUID id : List.of(DemoVariants.SHOE_GOOD, DemoVariants.BOTTLE_GOOD, DemoVariants.PHONE_GOOD,
                DemoVariants.PHONE_READY_FOR_JUDGE, DemoVariants.KOREAN_RENDER)) {
            MeasuredReport r = measurement.measure(id, null);

            assertThat(r.notes()).as("variant %s", id).isEmpty();
            assertThat(r.cta().status()).as("variant %s", id).isEqualTo(CtaResult.Status.PRESENT);
            assertThat(r.occlusion().anyFlagged()).as("variant %s: %s", id, r.occlusion()).isFalse();
            assertThat(r.quality().ok()).as("variant %s: %s", id, r.quality()).isTrue();
        }
    }

    @Test
    void goodVariantsWithDarkOrPanelledTextPassContrast() {
        for (UUID id : List.of(DemoVariants.BOTTLE_GOOD, DemoVariants.PHONE_GOOD, DemoVariants.PHONE_READY_FOR_JUDGE)) {
            MeasuredReport r = measurement.measure(id, null);

            assertThat(r.contrast()).as("variant %s", id)
                    .allSatisfy(c -> assertThat(c.aa()).as("%s", c).isEqualTo(Verdict.PASS));
            assertThat(MeasuredChecks.disagreements(r, true, true, false)).isEmpty();
        }
    }

    /**
     * SHOE_GOOD and KOREAN_RENDER draw white text over a light orange / light blue photo; on the
     * photo alone that measured about 2:1 and 1.6:1. Their headline and body now sit on a dark scrim,
     * and the measurement (the layout's white text against the measured backdrop) says they pass.
     */
    @Test
    void whiteTextOnALightPhotoPassesOnItsScrim() {
        for (UUID id : List.of(DemoVariants.SHOE_GOOD, DemoVariants.KOREAN_RENDER)) {
            MeasuredReport r = measurement.measure(id, null);
            BoxContrast headline = r.contrast().get(0);

            assertThat(headline.textColour()).isEqualTo("#FFFFFF");
            assertThat(headline.designerColour()).isEqualTo("#FFFFFF");
            int backdrop = Wcag.parseHex(headline.backgroundColour());
            assertThat(Wcag.contrastRatio(0xFFFFFF, backdrop)).as("variant %s on %s", id, headline.backgroundColour())
                    .isGreaterThanOrEqualTo(Wcag.AA_NORMAL);
            assertThat(r.contrastAa()).as("variant %s: %s", id, r.contrast()).isEqualTo(Verdict.PASS);
            assertThat(r.contrast()).as("variant %s", id)
                    .allSatisfy(c -> assertThat(c.aa()).as("%s", c).isEqualTo(Verdict.PASS));
            assertThat(MeasuredChecks.disagreements(r, true, true, false)).as("variant %s", id).isEmpty();
        }
    }

    @Test
    void measuredTextColoursAreTheLayoutsDrawnColours() {
        for (UUID id : List.of(DemoVariants.BOTTLE_GOOD, DemoVariants.PHONE_GOOD, DemoVariants.MISSING_CTA,
                DemoVariants.LOW_CONTRAST)) {
            MeasuredInputs in = measurement.load(id);
            MeasuredReport r = measurement.measure(in, null);
            JsonNode boxes = in.layout().path("text_boxes");

            assertThat(r.contrast()).hasSize(boxes.size());
            for (BoxContrast c : r.contrast()) {
                assertThat(c.textColour()).as("variant %s box %d", id, c.box())
                        .isEqualToIgnoringCase(boxes.get(c.box()).path("colour").asText());
            }
        }
    }

    @Test
    void placementFollowsTheImageAspectUnlessGiven() {
        assertThat(measurement.measure(DemoVariants.PHONE_GOOD, null).placement()).isEqualTo(Placement.STORY);
        assertThat(measurement.measure(DemoVariants.BOTTLE_GOOD, null).placement()).isEqualTo(Placement.FEED);
        MeasuredReport square = measurement.measure(DemoVariants.BOTTLE_GOOD, Placement.STORY);
        assertThat(square.quality().resolutionOk()).isFalse();
    }

    @Test
    void missingAndCorruptImagesBecomeNotesNamingTheFile() {
        MeasuredReport missing = measurement.measure(DemoVariants.MISSING_IMAGE, null);
        MeasuredReport corrupt = measurement.measure(DemoVariants.CORRUPT_IMAGE, null);

        assertThat(missing.notes()).anyMatch(n -> n.startsWith("generated image: image file missing")
                && n.contains("aqua-bottle-missing.png"));
        assertThat(missing.quality()).isNull();
        assertThat(corrupt.notes()).anyMatch(n -> n.startsWith("generated image:") && n.contains("aqua-bottle-corrupt.png"));
        assertThat(corrupt.occlusion().status()).isEqualTo(OcclusionResult.Status.NOT_MEASURED);
    }

    @Test
    void unknownVariantIsAClearError() {
        UUID nobody = UUID.nameUUIDFromBytes("nobody".getBytes());
        assertThatThrownBy(() -> measurement.measure(nobody, null))
                .isInstanceOf(StoreException.class).hasMessageContaining(nobody.toString()).hasMessageContaining("not found");
    }
}

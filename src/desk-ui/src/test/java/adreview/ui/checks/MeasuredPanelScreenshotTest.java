package adreview.ui.checks;

import adreview.checks.Disagreement;
import adreview.checks.MeasuredChecks;
import adreview.checks.MeasuredReport;
import adreview.review.measured.MeasuredInputs;
import adreview.review.measured.VariantMeasurement;
import adreview.store.AssetResolver;
import adreview.store.OverlayLayoutRepository;
import adreview.store.RenderResolver;
import adreview.store.TestDatabase;
import adreview.store.VariantRepository;
import adreview.store.demo.DemoData;
import adreview.store.demo.DemoVariants;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.shape.Rectangle;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Measured panel and the boxes layer on demo variants, headless (TestFX + Monocle): what they
 * show is checked through the scene graph, and screenshots go to target/screenshots/ to be looked at.
 */
class MeasuredPanelScreenshotTest {

    private static TestDatabase db;
    private static VariantMeasurement measurement;
    private static Stage stage;

    @BeforeAll
    static void setUp() throws Exception {
        db = TestDatabase.start();
        Path assets = db.dir().resolve("assets");
        DemoData.seedIfFirstStart(db.database(), assets);
        measurement = new VariantMeasurement(new VariantRepository(db.database()), new RenderResolver(db.database()),
                new OverlayLayoutRepository(db.database()), new AssetResolver(assets), new MeasuredChecks());
        System.setProperty("headless.geometry", "1440x900-32"); // Monocle's default screen is 1280x800
        stage = FxToolkit.registerPrimaryStage();
    }

    @AfterAll
    static void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        if (db != null) {
            db.close();
        }
    }

    /** Lays out the layer beside the panel, snapshots the pair to a PNG and returns the root. */
    private static HBox render(UUID variant, Boolean modelContrastOk, Boolean modelCta, Boolean modelOcclusion,
                               String file) throws Exception {
        MeasuredInputs in = measurement.load(variant);
        MeasuredReport report = measurement.measure(in, null);
        List<Disagreement> disagreements = MeasuredChecks.disagreements(report, modelContrastOk, modelCta, modelOcclusion);
        Image render = SwingFXUtils.toFXImage(in.render(), null);
        AtomicReference<HBox> root = new AtomicReference<>();
        FxToolkit.setupStage(s -> {
            OverlayBoxesLayer layer = new OverlayBoxesLayer();
            layer.show(render, report);
            layer.setPrefWidth(440);
            MeasuredPanel panel = new MeasuredPanel();
            panel.show(report, disagreements);
            panel.setPrefWidth(560);
            HBox box = new HBox(layer, panel);
            box.setStyle("-fx-background-color: white;");
            root.set(box);
            s.setScene(new Scene(box, 1020, 760));
            s.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        AtomicReference<WritableImage> snap = new AtomicReference<>();
        WaitForAsyncUtils.asyncFx(() -> snap.set(root.get().snapshot(null, null))).get();
        Path out = Path.of("target", "screenshots", file);
        Files.createDirectories(out.getParent());
        ImageIO.write(SwingFXUtils.fromFXImage(snap.get(), null), "png", out.toFile());
        return root.get();
    }

    private static List<String> texts(Node root) {
        return root.lookupAll(".label").stream().map(n -> ((Label) n).getText()).collect(Collectors.toList());
    }

    @Test
    void textOverProductShowsTheFlaggedBoxTheSubjectAndTheModelsContradictions() throws Exception {
        HBox root = render(DemoVariants.TEXT_OVER_PRODUCT, true, true, false, "measured-panel.png");

        List<String> texts = texts(root);
        assertThat(texts).anyMatch(t -> t.contains("Model disagrees"));
        assertThat(texts).anyMatch(t -> t.startsWith("occlusion: model says false, measured true"));
        assertThat(texts).anyMatch(t -> t.startsWith("contrast_ok: model says true, measured false"));
        assertThat(texts).anyMatch(t -> t.startsWith("headline") && t.contains("on subject"));
        assertThat(texts).contains("subject", "over subject");
        OverlayBoxesLayer layer = (OverlayBoxesLayer) root.getChildren().get(0);
        long boxes = layer.lookupAll("Rectangle").stream().filter(n -> n instanceof Rectangle).count();
        assertThat(boxes).isEqualTo(4); // three text boxes and the subject
        assertThat(Files.size(Path.of("target", "screenshots", "measured-panel.png"))).isGreaterThan(10_000);
    }

    @Test
    void lowContrastAndMissingCtaAreShownWithoutDisagreementsWhenTheModelAgrees() throws Exception {
        HBox low = render(DemoVariants.LOW_CONTRAST, false, true, false, "measured-panel-low-contrast.png");
        assertThat(texts(low)).noneMatch(t -> t.contains("Model disagrees"));
        assertThat(texts(low)).contains("1.30:1", "#9A9A9A", "on #B0B0B0", "headline 1.30:1 fail");

        HBox noCta = render(DemoVariants.MISSING_CTA, null, null, null, "measured-panel-missing-cta.png");
        assertThat(texts(noCta)).contains("absent");
    }
}

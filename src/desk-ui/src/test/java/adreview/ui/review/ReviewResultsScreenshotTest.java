package adreview.ui.review;

import adreview.review.result.FontRecommendation;
import adreview.review.result.Stage1Result;
import adreview.review.result.Stage2Result;

import adreview.ui.DeskStyles;
import adreview.ui.Screenshots;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renders both result views headless (JavaFX's Headless platform) with answers on a demo-like ad image and writes
 * {@code target/screenshots/stage1-results.png} and {@code stage2-results.png}.
 */
@ExtendWith(ApplicationExtension.class)
class ReviewResultsScreenshotTest {

    private final Stage1ResultViewModel stage1 = new Stage1ResultViewModel();
    private final Stage2ResultViewModel stage2 = new Stage2ResultViewModel();
    private Stage1ResultView stage1View;
    private Stage2ResultView stage2View;
    private Stage stage;

    static Path image(String name) {
        return adreview.llava.Fixtures.images().resolve(name).toAbsolutePath();
    }

    /**
     * A demo-like generated image (no text yet, as Stage 1 sees it): a warm gradient, a sun, a sneaker-like
     * product on a floor. Drawn here so the screenshot does not depend on the demo data's files.
     */
    static Path demoGeneratedImage() throws java.io.IOException {
        Path file = Path.of("target/screenshots/demo-generated.png").toAbsolutePath();
        Files.createDirectories(file.getParent());
        var img = new java.awt.image.BufferedImage(768, 960, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new java.awt.GradientPaint(0, 0, new java.awt.Color(0x2E6FD8), 0, 700, new java.awt.Color(0xF6B36B)));
        g.fillRect(0, 0, 768, 700);
        g.setColor(new java.awt.Color(0xFFE3A3));
        g.fillOval(470, 120, 190, 190);
        g.setPaint(new java.awt.GradientPaint(0, 700, new java.awt.Color(0xE9D3B0), 0, 960, new java.awt.Color(0xC9A77C)));
        g.fillRect(0, 700, 768, 260);
        g.setColor(new java.awt.Color(0, 0, 0, 60));
        g.fillOval(170, 640, 440, 60);
        g.setColor(new java.awt.Color(0xE94B3C));
        g.fillRoundRect(180, 500, 400, 150, 120, 120);
        g.setColor(new java.awt.Color(0xFFFFFF));
        g.fillRoundRect(170, 610, 430, 46, 30, 30);
        g.setColor(new java.awt.Color(0x1F2933));
        for (int i = 0; i < 5; i++) {
            g.fillOval(300 + i * 38, 530 + i * 6, 14, 14);
        }
        g.dispose();
        javax.imageio.ImageIO.write(img, "png", file.toFile());
        return file;
    }

    private static FontRecommendation font(String style, String size, String color) {
        return new FontRecommendation(FontRecommendation.Style.of(style), FontRecommendation.Size.of(size),
                FontRecommendation.Color.of(color));
    }

    @Start
    void start(Stage stage) {
        adreview.ui.DeskApplication.registerFonts();
        this.stage = stage;
        stage1View = new Stage1ResultView(stage1);
        stage2View = new Stage2ResultView(stage2);
        stage.setScene(new Scene(new Label("loading"), 900, 760));
        stage.show();
    }

    private void show(javafx.scene.Parent view, double w, double h) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            Scene scene = new Scene(view, w, h);
            scene.getStylesheets().add(DeskStyles.url());
            stage.setScene(scene);
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void stage1ResultsWithKoreanFontPreview(FxRobot robot) throws Exception {
        String imageUri = demoGeneratedImage().toUri().toString();
        WaitForAsyncUtils.asyncFx(() -> stage1.show(new Stage1Result(true, true, 0.82,
                "The beach scene and bright palette match the summer sale copy. The product is centred and well lit; "
                        + "the lower third is calm enough for a text overlay.",
                List.of("Horizon is slightly tilted", "Small watermark in the lower right corner"),
                List.of("Place the copy in the lower third", "Crop 5 % from the top to centre the product",
                        "Use a light colour with a soft shadow for legibility"),
                font("bold", "large", "light")), imageUri, "여름 세일 최대 30% 할인",
                "Trace 2026-11-26 06:41:12 · analyze · 3f2a9c1e")).get();
        show(stage1View, 900, 760);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> stage1View.isSettled());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#relevanceScore").queryAs(Label.class).getText()).isEqualTo("0.82");
        Text sample = robot.lookup("#fontPreviewText").queryAs(Text.class);
        assertThat(sample.getText()).isEqualTo("여름 세일 최대 30% 할인");
        // The desk's bundled face, whatever fonts the machine has (CI has no CJK font installed).
        assertThat(sample.getFont().getFamily()).isEqualTo("NanumGothic");
        assertThat(robot.lookup("#stage1Issues").queryAll()).hasSize(1);

        Path file = WaitForAsyncUtils.asyncFx(() -> Screenshots.write(stage.getScene(), Path.of("target/screenshots/stage1-results.png"))).get();
        assertThat(Files.size(file)).isGreaterThan(10_000);
    }

    @Test
    void longAnswersWrapInTheirColumnAndLeaveTheFontPreviewClear(FxRobot robot) throws Exception {
        // Random-weight models write runs of tokens without spaces: "words" wider than the column.
        String word = "partyNumberiveaufoundrokevariableitaine".repeat(4);
        String analysis = String.join(" ", java.util.Collections.nCopies(40, word + "系 дире⊠ affairmathfrak"));
        String imageUri = demoGeneratedImage().toUri().toString();
        WaitForAsyncUtils.asyncFx(() -> stage1.show(new Stage1Result(false, false, 1.0, analysis,
                List.of(analysis), List.of(word + word), font("bold", "medium", "light")), imageUri, "Sale", "t")).get();
        show(stage1View, 900, 760);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> stage1View.isSettled());
        WaitForAsyncUtils.waitForFxEvents();
        Label text = robot.lookup("#stage1Analysis").queryAs(Label.class);
        javafx.scene.Node preview = robot.lookup("#fontPreview").query();
        double textRight = text.localToScene(text.getBoundsInLocal()).getMaxX();
        double previewLeft = preview.localToScene(preview.getBoundsInLocal()).getMinX();
        assertThat(textRight).isLessThan(previewLeft);
    }

    @Test
    void stage2ResultsChecklist(FxRobot robot) throws Exception {
        String renderUri = image("ad_landscape.png").toUri().toString();
        WaitForAsyncUtils.asyncFx(() -> stage2.show(new Stage2Result(true, false, true, false,
                "The headline reads clearly on the dark band and matches the brief. The button says \"Shop now\" "
                        + "but sits outside the safe area on small screens.",
                List.of("Call to action is cut off at narrow widths", "Headline and button compete for attention")),
                renderUri, "Run just now (re-judge)")).get();
        show(stage2View, 900, 620);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> stage2View.isSettled());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#stage2Summary").queryAs(Label.class).getText()).isEqualTo("3 of 4 checks pass");
        assertThat(robot.lookup(".rv-check-row").queryAll()).hasSize(4);
        assertThat(robot.lookup(".rv-check-fail").queryAll()).hasSize(1);

        Path file = WaitForAsyncUtils.asyncFx(() -> Screenshots.write(stage.getScene(), Path.of("target/screenshots/stage2-results.png"))).get();
        assertThat(Files.size(file)).isGreaterThan(10_000);
    }
}

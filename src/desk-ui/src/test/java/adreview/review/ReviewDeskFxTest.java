package adreview.review;

import adreview.review.decision.ReviewerDecisionRepository;
import adreview.review.prompt.PromptLibrary;
import adreview.store.AdCopyResolver;
import adreview.store.AssetLocation;
import adreview.store.AssetResolver;
import adreview.store.RenderResolver;
import adreview.store.TraceRepository;
import adreview.store.VariantFilter;
import adreview.store.VariantRepository;
import adreview.store.VariantRow;
import adreview.store.demo.DemoData;
import adreview.ui.DeskStyles;
import adreview.ui.Screenshots;
import adreview.ui.review.ReviewDesk;
import adreview.ui.review.RunItem;
import adreview.ui.review.RunOutcome;
import adreview.ui.review.SelectionNavigator;
import adreview.ui.review.TraceEntry;
import adreview.ui.review.VariantRef;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The review pane on the real path: demo data in an embedded PostgreSQL, the review service, the desk's
 * adapters and queue, real clicks. Click Run Stage 1, wait, and find the score, the lists, the font preview
 * and the new trace. The model is the engine on the tiny fixture checkpoint, configured as the desk does.
 */
@ExtendWith(ApplicationExtension.class)
class ReviewDeskFxTest {

    static ReviewTestDatabase db;
    static Path assetRoot;

    static ReviewService serviceWith(ReviewModel model) {
        return new ReviewService(db.database(), new VariantRepository(db.database()), new TraceRepository(db.database()),
                new AdCopyResolver(db.database()), new RenderResolver(db.database()), new AssetResolver(assetRoot),
                new PromptLibrary(), model);
    }
    static RandomLogitsModel standIn;
    static Path tinyModel;
    static List<VariantRef> variants;

    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "test-review-db");
        t.setDaemon(true);
        return t;
    });
    private ReviewDesk desk;
    private ListView<VariantRef> list;
    private Stage stage;

    @BeforeAll
    static void database() throws Exception {
        db = ReviewTestDatabase.start();
        assetRoot = db.dir().resolve("assets");
        DemoData.seedIfFirstStart(db.database(), assetRoot);
        Path shared = adreview.llava.Fixtures.fixtures();
        tinyModel = shared.resolve("llava-tiny");
        standIn = new RandomLogitsModel(adreview.review.structured.TokenVocabulary.load(tinyModel), 3);
        AssetResolver assets = new AssetResolver(assetRoot);
        // Demo variants whose generated image is on disk and decodes, in a state a pipeline Stage 1 starts from.
        variants = new VariantRepository(db.database()).list(VariantFilter.ALL).stream()
                .filter(r -> r.imageUrl() != null && assets.resolve(r.imageUrl()) instanceof AssetLocation.LocalFile f && f.exists())
                .filter(r -> RunEligibility.STAGE1.allows(r.currentStep(), r.status()))
                .filter(r -> decodes(assets.requireFile(r.imageUrl())))
                .limit(5)
                .map(ReviewDeskFxTest::ref)
                .toList();
        assertThat(variants).hasSizeGreaterThanOrEqualTo(2);
    }

    static boolean decodes(Path file) {
        try {
            return javax.imageio.ImageIO.read(file.toFile()) != null;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    static VariantRef ref(VariantRow r) {
        AssetResolver assets = new AssetResolver(assetRoot);
        return new VariantRef(r.variantId(), r.tenantId() + " · " + r.variantId().toString().substring(0, 8),
                assets.requireFile(r.imageUrl()).toUri().toString(), null, null);
    }

    @AfterAll
    static void stopDatabase() {
        db.close();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        list = new ListView<>();
        list.getItems().setAll(variants);
        list.setCellFactory(lv -> new ListCell<>() {
            @Override protected void updateItem(VariantRef v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : v.label());
            }
        });
        desk = new ReviewDesk(new SelectionNavigator<>(list.getSelectionModel(), list.getItems(), v -> v, list::scrollTo),
                background, List.of());
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> desk.viewModel().variantChanged());
        SplitPane split = new SplitPane(list, desk.pane());
        split.setDividerPositions(0.22);
        StackPane root = new StackPane(split, desk.pane().helpOverlay());
        Scene scene = new Scene(root, 1240, 780);
        scene.getStylesheets().add(DeskStyles.url());
        desk.pane().installKeys(scene, list);
        stage.setScene(scene);
        stage.show();
        list.getSelectionModel().select(0);
    }

    @AfterEach
    void close() {
        desk.close();
        background.shutdownNow();
    }

    /** The review path with the review tests' stand-in model (random logits under the schema): quick. */
    @Test
    void clickRunStage1ThenTheScoreListsFontPreviewAndNewTraceAppear(FxRobot robot) throws Exception {
        runStage1(robot, standIn, variants.get(0), 120, "review-desk-demo-run.png");
    }

    /** The same with the engine itself on the tiny fixture checkpoint, configured as the desk does (about a minute on a CPU). */
    @Test
    void clickRunStage1WithTheTinyEngineModel(FxRobot robot) throws Exception {
        runStage1(robot, LlavaReviewModel.shared(tinyModel, "cpu", "auto"), variants.get(1), 900, "review-desk-tiny-model-run.png");
    }

    private void runStage1(FxRobot robot, ReviewModel model, VariantRef v, int timeoutSeconds, String screenshot) throws Exception {
        desk.connect(serviceWith(model), new ReviewerDecisionRepository(db.database()), new TraceRepository(db.database()),
                tinyModel, model);
        var vm = desk.viewModel();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm.canRunProperty().get());
        WaitForAsyncUtils.asyncFx(() -> list.getSelectionModel().clearAndSelect(variants.indexOf(v))).get();
        WaitForAsyncUtils.waitForFxEvents();
        int tracesBefore = new TraceRepository(db.database()).forVariant(v.id()).size();

        robot.clickOn("#runStage1Button");
        try {
            WaitForAsyncUtils.waitFor(timeoutSeconds, TimeUnit.SECONDS, () -> vm.queue().lastFinishedProperty().get() != null);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no result after " + timeoutSeconds + " s; progress: " + vm.queue().phaseTextProperty().get(), e);
        }
        RunItem item = vm.queue().lastFinishedProperty().get();
        assertThat(item.outcome()).as(item.phase().describe()).isInstanceOf(RunOutcome.Done.class);
        var done = (RunOutcome.Done) item.outcome();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm.comparison().traces().stream().anyMatch(t -> t.id().equals(done.traceId())));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> desk.pane().stage1View().isSettled());
        WaitForAsyncUtils.waitForFxEvents();

        // The new trace row, and the variant's state moved on as SPEC §2 says.
        var traces = new TraceRepository(db.database()).forVariant(v.id());
        assertThat(traces).hasSize(tracesBefore + 1);
        assertThat(db.state(v.id())).isEqualTo("done/vlm_analyze");
        TraceEntry newest = vm.comparison().traces().get(0);
        assertThat(newest.id()).isEqualTo(done.traceId());

        // Score, lists and font preview show what the trace stored.
        var response = newest.response();
        assertThat(robot.lookup("#relevanceScore").queryAs(Label.class).getText())
                .isEqualTo(String.format(java.util.Locale.ROOT, "%.2f", response.path("relevance_score").asDouble()));
        int issues = response.path("issues").size();
        assertThat(robot.lookup("#stage1Issues").queryAs(VBox.class).getChildren()).hasSize(Math.max(1, issues));
        int recs = response.path("recommendations").size();
        assertThat(robot.lookup("#stage1Recommendations").queryAs(VBox.class).getChildren()).hasSize(Math.max(1, recs));
        Text preview = robot.lookup("#fontPreviewText").queryAs(Text.class);
        String judgedCopy = newest.request().path("ad_copy_text").asText("");
        if (!judgedCopy.isBlank()) {
            assertThat(preview.getText()).isEqualTo(judgedCopy);
        }
        assertThat(robot.lookup("#fontPreviewCaption").queryAs(Label.class).getText())
                .isEqualToIgnoringCase(response.path("font_recommendation").path("style").asText() + " · "
                        + response.path("font_recommendation").path("size").asText() + " · "
                        + response.path("font_recommendation").path("color").asText());
        assertThat(item.firstTokenMillis()).isGreaterThanOrEqualTo(0);
        System.out.println("Run Stage 1 on " + v.label() + ": first streamed token " + item.firstTokenMillis()
                + " ms after the click, " + item.phase().describe());
        WaitForAsyncUtils.asyncFx(() -> Screenshots.write(stage.getScene(), Path.of("target/screenshots", screenshot)))
                .get(10, TimeUnit.SECONDS);
    }
}

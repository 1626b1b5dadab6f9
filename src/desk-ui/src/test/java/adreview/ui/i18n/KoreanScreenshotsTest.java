package adreview.ui.i18n;

import adreview.desk.DeskSetting;
import adreview.desk.ModelLibrary;
import adreview.desk.ModelStatus;
import adreview.models.Fixtures;
import adreview.models.ModelCatalog;
import adreview.models.download.FakeHub;
import adreview.models.download.HubClient;
import adreview.models.download.ModelDownloader;
import adreview.review.report.AgreementReports;
import adreview.review.result.FontRecommendation;
import adreview.review.result.Stage1Result;
import adreview.review.result.Stage2Result;
import adreview.store.TestDatabase;
import adreview.store.demo.DemoData;
import adreview.ui.DeskApplication;
import adreview.ui.DeskStyles;
import adreview.ui.Screenshots;
import adreview.ui.about.AboutDialog;
import adreview.ui.about.AboutInfo;
import adreview.ui.concurrent.TaskExecutor;
import adreview.ui.keys.KeyBinding;
import adreview.ui.list.VariantListViewModel;
import adreview.ui.models.ModelsView;
import adreview.ui.models.ModelsViewModel;
import adreview.ui.prefs.UiPreferences;
import adreview.ui.report.ReportView;
import adreview.ui.report.ReportViewModel;
import adreview.ui.review.ReviewPane;
import adreview.ui.review.ReviewViewModel;
import adreview.ui.state.StateManager;
import adreview.ui.state.VariantNavigator;
import javafx.application.Platform;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The desk in Korean, headless: the review pane (Stage 1 and Stage 2 results, the keyboard help), the report, the
 * Models view and the settings dialog are built after {@code Messages.use(Locale.KOREAN)} (and with Korean as the
 * JVM's locale, as on a Korean system), checked for Korean words, and written to
 * {@code target/screenshots/*-ko.png}. The language is put back afterwards for the other tests of the JVM.
 */
class KoreanScreenshotsTest extends FxRobot {

    static final Path SHOTS = Path.of("target", "screenshots");

    static Locale jvmLocale;
    static TestDatabase db;
    static TaskExecutor executor;
    static Stage stage;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void korean() throws Exception {
        jvmLocale = Locale.getDefault();
        Locale.setDefault(Locale.KOREAN);
        Messages.use(Locale.KOREAN);
        db = TestDatabase.start();
        DemoData.seedRowsIfFirstStart(db.database());
        executor = TaskExecutor.forJavaFx();
        System.setProperty("headless.geometry", "1440x900-32");
        stage = FxToolkit.registerPrimaryStage();
        WaitForAsyncUtils.asyncFx(DeskApplication::registerFonts).get(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void english() throws Exception {
        try {
            FxToolkit.cleanupStages();
            if (executor != null) {
                executor.close();
            }
            if (db != null) {
                db.close();
            }
        } finally {
            Messages.use(Locale.ENGLISH);
            Locale.setDefault(jvmLocale);
        }
    }

    @Test
    void reviewPaneResultsAndKeys() throws Exception {
        AtomicReference<ReviewPane> paneRef = new AtomicReference<>();
        AtomicReference<ReviewViewModel> vmRef = new AtomicReference<>();
        String image = adreview.llava.Fixtures.images().resolve("ad_landscape.png").toUri().toString();
        show(() -> {
            StateManager state = new StateManager();
            VariantListViewModel list = new VariantListViewModel(executor, state);
            ReviewViewModel vm = new ReviewViewModel(executor, new VariantNavigator(state, list.visibleVariants()),
                    UiPreferences.inMemory(), () -> Optional.of("김지연"));
            vm.setReadiness(ModelStatus.ready("llava-1.5-7b-hf"));
            ReviewPane pane = new ReviewPane(vm, UiPreferences.inMemory());
            vm.stage1().show(new Stage1Result(true, true, 0.82,
                    "해변 장면과 밝은 색감이 여름 세일 문구와 잘 어울립니다. 제품이 가운데에 있고 조명이 좋으며, "
                            + "아래쪽 3분의 1은 텍스트를 얹기에 충분히 차분합니다.",
                    List.of("수평선이 조금 기울어져 있습니다", "오른쪽 아래에 작은 워터마크가 있습니다"),
                    List.of("문구를 아래쪽 3분의 1에 두세요", "제품이 가운데 오도록 위를 5 % 잘라 내세요"),
                    new FontRecommendation(FontRecommendation.Style.of("bold"), FontRecommendation.Size.of("large"),
                            FontRecommendation.Color.of("light"))),
                    image, "여름 세일 최대 30% 할인", Messages.get("review.fromTrace", "2026-11-26 06:41:12 · analyze · 3f2a9c1e"));
            vm.stage2().show(new Stage2Result(true, false, true, false,
                    "헤드라인이 어두운 띠 위에서 잘 읽히고 요청서와 맞습니다. 버튼의 \"지금 구매\"는 작은 화면에서 안전 영역 밖에 있습니다.",
                    List.of("좁은 화면에서 행동 유도 문구가 잘립니다")), image, Messages.get("review.justNow.rejudge"));
            paneRef.set(pane);
            vmRef.set(vm);
            return new StackPane(pane, pane.helpOverlay());
        }, 900, 900);
        ReviewPane pane = paneRef.get();
        ReviewViewModel vm = vmRef.get();
        waitUntil(() -> pane.stage1View().isSettled());
        assertThat(lookup("#runStage1Button").queryAs(Button.class).getText()).isEqualTo("1단계 실행");
        assertThat(lookup("#acceptButton").queryAs(Button.class).getText()).isEqualTo("승인");
        assertThat(lookup("#validBadge").queryAs(Label.class).getText()).isEqualTo("광고 문구에 적합");
        screenshot("review-stage1-ko.png");

        interact(() -> vm.showTab(ReviewViewModel.ResultTab.STAGE2));
        waitUntil(() -> pane.stage2View().isSettled());
        assertThat(lookup("#stage2Summary").queryAs(Label.class).getText()).isEqualTo("검사 4개 중 3개 통과");
        screenshot("review-stage2-ko.png");

        interact(() -> vm.perform(KeyBinding.HELP));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(texts(lookup("#keyboardHelp").query())).contains("키보드", "다음 변형", "선택한 변형 승인 후 다음 변형으로");
        screenshot("review-help-ko.png");
    }

    @Test
    void report() throws Exception {
        AtomicReference<ReportView> viewRef = new AtomicReference<>();
        show(() -> {
            ReportViewModel vm = new ReportViewModel(new AgreementReports(db.database()), executor);
            ReportView view = new ReportView(vm);
            viewRef.set(view);
            vm.start();
            return view;
        }, 1000, 900);
        ReportView view = viewRef.get();
        waitUntil(() -> view.model().reportProperty().get() != null && !view.model().loadingProperty().get());
        assertThat(lookup("#reportSummary").queryAs(Label.class).getText()).startsWith("25쌍 · 14쌍 일치 · 56.0 %");
        assertThat(texts(view)).contains("모델 판정 × 검수자 결정", "시간에 따른 일치율");
        screenshot("report-ko.png");
    }

    @Test
    void modelsView() throws Exception {
        Path models = tmp.resolve("models");
        Fixtures.copyOfTinyModel(models.resolve("llava-tiny-local"));
        Path damaged = Fixtures.copyOfTinyModel(models.resolve("llava-tiny-damaged"));
        try (RandomAccessFile f = new RandomAccessFile(damaged.resolve("model-00001-of-00002.safetensors").toFile(), "rw")) {
            f.setLength(f.length() - 4096);
        }
        Files.delete(damaged.resolve("tokenizer.json"));
        ExecutorService io = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "models-io-ko");
            t.setDaemon(true);
            return t;
        });
        try (FakeHub hub = new FakeHub(Fixtures.tinyModel())) {
            ModelsViewModel vm = new ModelsViewModel(new ModelLibrary(new ModelCatalog(models),
                    new ModelDownloader(new HubClient(hub.base(), null))), io, Platform::runLater);
            vm.inUseProperty().set(models.resolve("llava-tiny-local"));
            show(() -> new ModelsView(vm), 1180, 560);
            waitUntil(() -> vm.folders().size() == 2);
            interact(() -> vm.use(vm.folders().get(0))); // the damaged one: says why not, in Korean
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(vm.messageProperty().get()).startsWith("llava-tiny-damaged은(는) 완전하지 않습니다: ");
            assertThat(lookup("#models-use").queryAs(Button.class).getText()).isEqualTo("이 모델 사용");
            screenshot("models-ko.png");
        } finally {
            io.shutdownNow();
        }
    }

    @Test
    void settingsDialog() throws Exception {
        show(() -> {
            AboutInfo info = AboutInfo.collect(List.of(
                            new DeskSetting("Database URL", "jdbc:postgresql://localhost:54329/adreview", "default"),
                            new DeskSetting("Asset root", "/srv/adreview/assets", "config file"),
                            new DeskSetting("Model folder", "/home/jiyeon/.local/share/ad-review-desk/models/llava-1.5-7b-hf",
                                    "environment (ADREVIEW_MODEL_DIR)"),
                            new DeskSetting("Device", "cpu", "default")),
                    "PostgreSQL 17 (embedded) · localhost:54329/adreview", new SimpleStringProperty("김지연"),
                    UiPreferences.inMemory(), shown -> shown.accept("OK"));
            AboutDialog dialog = new AboutDialog(info);
            return new StackPane(dialog.getDialogPane());
        }, 940, 760);
        assertThat(texts(stage.getScene().getRoot())).contains("검수자 이름", "언어", "버전", "연결 테스트");
        screenshot("settings-ko.png");
    }

    // ---- helpers ----

    private static void show(Callable<Parent> content, double width, double height) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            Scene scene = new Scene(content.call(), width, height);
            scene.getStylesheets().add(DeskStyles.url());
            stage.setScene(scene);
            stage.setTitle(Messages.get("app.title"));
            stage.show();
            return null;
        }).get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Every text shown under {@code root}: labels, buttons, the texts inside charts and skins. */
    private static List<String> texts(javafx.scene.Node root) {
        List<String> found = new java.util.ArrayList<>();
        collect(root, found);
        return found;
    }

    private static void collect(javafx.scene.Node node, List<String> found) {
        String text = node instanceof Labeled l ? l.getText() : node instanceof javafx.scene.text.Text t ? t.getText() : null;
        if (text != null && !text.isEmpty()) {
            found.add(text);
        }
        if (node instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collect(c, found));
        }
    }

    private static void screenshot(String name) throws Exception {
        Path file = SHOTS.resolve(name);
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.asyncFx(() -> Screenshots.write(stage.getScene(), file)).get(10, TimeUnit.SECONDS);
        assertThat(Files.size(file)).isGreaterThan(10_000);
        System.out.println("KoreanScreenshotsTest: screenshot " + file.toAbsolutePath());
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> WaitForAsyncUtils.asyncFx(condition).get(10, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitForFxEvents();
    }
}

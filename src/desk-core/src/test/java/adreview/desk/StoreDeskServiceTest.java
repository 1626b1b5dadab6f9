package adreview.desk;

import adreview.review.RandomLogitsModel;
import adreview.review.ReviewModel;
import adreview.review.ReviewTestDatabase;
import adreview.review.RunListener;
import adreview.review.RunOutcome;
import adreview.review.RunRequest;
import adreview.review.Cancellation;
import adreview.review.decision.Verdict;
import adreview.review.prompt.Prompt;
import adreview.review.structured.TokenVocabulary;
import adreview.store.AdCopySource;
import adreview.store.AssetLocation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The window's one facade on a real database: a variant's detail in one round trip, rows with decisions, runs. */
class StoreDeskServiceTest {

    static ReviewTestDatabase db;
    static StoreDeskService desk;
    static Path assets;

    @BeforeAll
    static void start() throws Exception {
        db = ReviewTestDatabase.start();
        assets = db.dir().resolve("assets");
        Files.createDirectories(assets.resolve("t"));
        for (String name : new String[] {"ad_landscape.png", "ad_portrait.png"}) {
            Files.copy(adreview.llava.Fixtures.images().resolve(name), assets.resolve("t").resolve(name));
        }
        desk = TestDesks.on(db, assets, new RandomLogitsModel(TokenVocabulary.load(adreview.llava.Fixtures.tinyModel()), 5));
    }

    @AfterAll
    static void stop() {
        desk.close();
        db.close();
    }

    private static UUID variant(String step, String status) {
        UUID job = db.insertJob("Fresh coffee, delivered");
        db.insertAdCopy(job, "Wake up to fresh coffee", "done");
        UUID v = db.insertVariant(job, db.insertAsset("/assets/t/ad_landscape.png"), null, step, status);
        db.insertOverlay(v, "/assets/t/ad_portrait.png");
        return v;
    }

    @Test
    void theDetailOfAVariantComesInOneRoundTripWithEverythingTheWindowShows() {
        UUID v = variant("img_gen", "done");
        RunOutcome outcome = desk.run(RunRequest.pipeline(Prompt.Stage.STAGE1, v), RunListener.NONE, Cancellation.manual());
        assertThat(outcome).isInstanceOf(RunOutcome.Done.class);
        desk.decide(v, Verdict.ACCEPT, "good", "Jiyeon", null);

        VariantDetail d = desk.detail(v).orElseThrow();
        assertThat(d.variant().currentStep()).isEqualTo("vlm_analyze");
        assertThat(d.job()).isNotNull();
        assertThat(d.image()).isInstanceOfSatisfying(AssetLocation.LocalFile.class, f -> assertThat(f.exists()).isTrue());
        assertThat(d.render().present()).isTrue();
        assertThat(d.renderImage()).isInstanceOf(AssetLocation.LocalFile.class);
        assertThat(d.adCopy().text()).isEqualTo("Wake up to fresh coffee");
        assertThat(d.adCopy().source()).isEqualTo(AdCopySource.GENERATED_COPY);
        assertThat(d.traces()).singleElement().satisfies(t -> assertThat(t.operationType()).isEqualTo("analyze"));
        assertThat(d.decisions()).singleElement().satisfies(x -> assertThat(x.verdict()).isEqualTo(Verdict.ACCEPT));
        assertThat(desk.detail(UUID.randomUUID())).isEmpty();
    }

    @Test
    void listedVariantsCarryTheirCurrentDecision() {
        UUID v = variant("overlay", "done");
        desk.decide(v, Verdict.REJECT, null, "Minho", null);
        ListedVariant row = desk.variants().stream().filter(x -> x.row().variantId().equals(v)).findFirst().orElseThrow();
        assertThat(row.decision().verdict()).isEqualTo(Verdict.REJECT);
        assertThat(row.searchableText()).contains("reject").contains(v.toString());
    }

    @Test
    void measuringAVariantNeedsNoModel() {
        UUID v = variant("overlay", "done");
        VariantMeasured m = desk.measure(v);
        assertThat(m.report()).isNotNull();
        assertThat(m.disagreements()).isEmpty(); // no Stage 2 answer yet
    }

    @Test
    void theModelStatusSaysWhatIsMissingAndHowToGetIt() {
        assertThat(desk.modelStatus().ready()).isTrue();
        ReviewModel missing = new ReviewModel() {
            @Override public ModelInfo info() { return new ModelInfo("none", "", "", ""); }
            @Override public Optional<String> unavailableReason() { return Optional.of("Model folder /nope does not exist"); }
            @Override public TokenVocabulary vocabulary() { throw new UnsupportedOperationException(); }
            @Override public Generation generate(Path i, String p, adreview.llava.generate.TokenConstraint c, int m,
                                                 RunListener l, java.util.function.BooleanSupplier x) {
                throw new UnsupportedOperationException();
            }
        };
        try (StoreDeskService without = TestDesks.on(db, assets, missing)) {
            ModelStatus s = without.modelStatus();
            assertThat(s.ready()).isFalse();
            assertThat(s.problem()).contains("/nope");
            assertThat(s.remedy()).contains(ModelStatus.DOWNLOAD_COMMAND);
        }
    }

    /** A model that cannot generate here: only what the status reads of it matters. */
    private static ReviewModel statusOnly(String backend, String reason) {
        return new ReviewModel() {
            @Override public String backend() { return backend; }
            @Override public String describe() { return "OpenAI-compatible server at gpu:8000, model llava"; }
            @Override public ModelInfo info() { return new ModelInfo("llava", "server", "gpu:8000", "data-url"); }
            @Override public Optional<String> unavailableReason() { return Optional.ofNullable(reason); }
            @Override public TokenVocabulary vocabulary() { throw new UnsupportedOperationException(); }
            @Override public Generation generate(Path i, String p, adreview.llava.generate.TokenConstraint c, int m,
                                                 RunListener l, java.util.function.BooleanSupplier x) {
                throw new UnsupportedOperationException();
            }
        };
    }

    @Test
    void aServerBackendNeedsNoModelFolderAndRunsAsManyAtOnceAsConfigured() {
        try (StoreDeskService server = TestDesks.on(db, assets, statusOnly("openai", null), 4)) {
            ModelStatus s = server.modelStatus();
            assertThat(s.ready()).isTrue();
            assertThat(s.modelFolder()).isFalse();
            assertThat(s.answeredBy()).isEqualTo("OpenAI-compatible server at gpu:8000, model llava");
            assertThat(s.parallelRuns()).isEqualTo(4);
        }
        try (StoreDeskService noUrl = TestDesks.on(db, assets,
                statusOnly("openai", "The openai backend has no server URL"), 4)) {
            ModelStatus s = noUrl.modelStatus();
            assertThat(s.ready()).isFalse();
            assertThat(s.modelFolder()).isFalse(); // no download or Models window offered
            assertThat(s.problem()).isEqualTo("The openai backend has no server URL");
            assertThat(s.remedy()).contains("Settings").doesNotContain("models download");
        }
        try (StoreDeskService local = TestDesks.on(db, assets,
                new RandomLogitsModel(TokenVocabulary.load(adreview.llava.Fixtures.tinyModel()), 5), 4)) {
            assertThat(local.modelStatus().parallelRuns()).isEqualTo(1); // one shared model, one generation at a time
            assertThat(local.modelStatus().modelFolder()).isTrue();
        }
    }
}

package adreview.desk;

import adreview.checks.MeasuredChecks;
import adreview.models.ModelCatalog;
import adreview.models.download.HubClient;
import adreview.models.download.ModelDownloader;
import adreview.review.ReviewModel;
import adreview.review.ReviewService;
import adreview.review.ReviewTestDatabase;
import adreview.store.ReviewerDecisionRepository;
import adreview.review.report.AgreementReports;
import adreview.review.measured.VariantMeasurement;
import adreview.review.prompt.PromptLibrary;
import adreview.store.AdCopyResolver;
import adreview.store.AssetResolver;
import adreview.store.JobRepository;
import adreview.store.OverlayLayoutRepository;
import adreview.store.RenderResolver;
import adreview.store.RunClaims;
import adreview.store.TraceRepository;
import adreview.store.VariantRepository;

import java.nio.file.Path;
import java.util.List;

/**
 * The desk's facade over a test database, built as the composition root builds it: the real repositories, the real
 * review service with run claims and measured checks, on the model the test gives (a scripted or the tiny one).
 */
public final class TestDesks {

    private TestDesks() {
    }

    public static StoreDeskService on(ReviewTestDatabase db, Path assetRoot, ReviewModel model) {
        return on(db, assetRoot, model, 1);
    }

    /** @param concurrency the configured parallel runs (a server backend uses them; the local model runs one) */
    public static StoreDeskService on(ReviewTestDatabase db, Path assetRoot, ReviewModel model, int concurrency) {
        var database = db.database();
        VariantRepository variants = new VariantRepository(database);
        TraceRepository traces = new TraceRepository(database);
        RenderResolver renders = new RenderResolver(database);
        AssetResolver assets = new AssetResolver(assetRoot);
        VariantMeasurement measurement = new VariantMeasurement(variants, renders, new OverlayLayoutRepository(database),
                assets, new MeasuredChecks());
        RunClaims claims = new RunClaims(database);
        return new StoreDeskService(new StoreDeskService.Parts(
                "test database " + db.jdbcUrl(), 0, () -> List.of(new DeskSetting("Database URL", db.jdbcUrl(), "test")),
                variants, new JobRepository(database), traces, new AdCopyResolver(database), renders, assets,
                new ReviewerDecisionRepository(database), new AgreementReports(database), measurement,
                folder -> model,
                m -> new ReviewService(database, variants, traces, new AdCopyResolver(database), renders, assets,
                        new PromptLibrary(), m, measurement, claims),
                assetRoot.resolve("models"), folder -> "saved (test)", concurrency,
                new ModelLibrary(new ModelCatalog(assetRoot.resolve("models")), new ModelDownloader(HubClient.fromEnvironment(null))),
                claims::close));
    }
}

package adreview.app;

import adreview.store.AdCopy;
import adreview.store.AssetLocation;
import adreview.store.AssetResolver;
import adreview.store.Job;
import adreview.store.ResolvedRender;
import adreview.store.RenderSource;
import adreview.store.Trace;
import adreview.store.Variant;
import adreview.store.VariantFilter;
import adreview.store.VariantRow;
import adreview.ui.data.AdCopySource;
import adreview.ui.data.ConfigEntry;
import adreview.ui.data.DeskBackend;
import adreview.ui.data.DeskData;
import adreview.ui.data.DeskSession;
import adreview.ui.data.ImageLocation;
import adreview.ui.data.ResolvedAdCopy;
import adreview.ui.data.TraceEntry;
import adreview.ui.data.VariantDetail;
import adreview.ui.data.VariantSummary;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The browsing UI's backend over the store: opens a {@link DeskContext} from the configuration and
 * answers the UI's {@link DeskData} questions with the store's repositories and resolvers.
 */
public final class StoreDeskBackend implements DeskBackend {

    private final Supplier<DeskConfig> config;
    private final boolean closeOnCrash;
    private volatile DeskConfig loaded;

    /**
     * @param config       loads the effective configuration (may throw {@link DeskConfig.ConfigException})
     * @param closeOnCrash install the window's crash policy ({@link DeskContext#closeOnUncaughtException}):
     *                     exceptions on the JavaFX thread become a one-line notice, a fatal Error stops
     *                     the database and exits (the application does; tests must not)
     */
    public StoreDeskBackend(Supplier<DeskConfig> config, boolean closeOnCrash) {
        this.config = config;
        this.closeOnCrash = closeOnCrash;
    }

    /**
     * @throws IllegalStateException with the same one-line message the CLI prints ({@link UserMessages})
     */
    @Override
    public DeskSession open(Consumer<String> progress) {
        DeskContext context;
        try {
            DeskConfig cfg = config.get();
            loaded = cfg;
            progress.accept(cfg.embedded()
                    ? "Starting the embedded PostgreSQL in " + cfg.embeddedDataDir() + " (the first start also creates the demo data)…"
                    : "Connecting to " + cfg.dbUrl() + "…");
            context = DeskContext.open(cfg);
        } catch (RuntimeException e) {
            throw new IllegalStateException(UserMessages.describe(e), e);
        }
        if (closeOnCrash) {
            context.closeOnUncaughtException(new UiErrorNotice()::show);
        }
        progress.accept("Loading variants…");
        return new Session(context);
    }

    @Override
    public List<ConfigEntry> configuration() {
        DeskConfig cfg = loaded;
        if (cfg == null) {
            try {
                cfg = config.get();
                loaded = cfg;
            } catch (RuntimeException e) {
                return List.of(new ConfigEntry("Configuration", "invalid: " + e.getMessage(), "—"));
            }
        }
        return entries(cfg);
    }

    /** The configured backend's check: a server's GET /models and one tiny request; the local model's readiness. */
    @Override
    public Optional<Supplier<String>> connectionTest() {
        return Optional.of(() -> {
            DeskConfig cfg = loaded;
            try {
                return ReviewWiring.testConnection(cfg != null ? cfg : config.get());
            } catch (RuntimeException e) {
                return "Failed: " + UserMessages.describe(e);
            }
        });
    }

    static List<ConfigEntry> entries(DeskConfig cfg) {
        List<ConfigEntry> entries = new ArrayList<>();
        for (DeskConfig.Setting s : cfg.settings()) {
            entries.add(new ConfigEntry(s.key().title(), s.value(), s.source().label()
                    + sourceDetail(s.key(), s.source())));
        }
        entries.add(new ConfigEntry("Config file", String.valueOf(cfg.configFile()),
                cfg.configFile() != null && java.nio.file.Files.exists(cfg.configFile()) ? "read" : "not present"));
        return List.copyOf(entries);
    }

    private static String sourceDetail(DeskConfig.Key key, ConfigSource source) {
        return switch (source) {
            case ENVIRONMENT -> " (" + key.envVar() + ")";
            case COMMAND_LINE -> " (" + key.flag() + ")";
            case CONFIG_FILE -> " (" + key.property() + ")";
            case DEFAULT -> "";
        };
    }

    private static final class Session implements DeskSession, DeskData {
        private final DeskContext context;
        private final adreview.review.decision.ReviewerDecisionRepository decisions;
        private final Support support;

        Session(DeskContext context) {
            this.context = context;
            this.decisions = ReviewWiring.decisions(context);
            this.support = new Support(context, decisions);
        }

        @Override
        public Optional<adreview.ui.data.ReviewSupport> review() {
            return Optional.of(support);
        }

        @Override
        public DeskData data() {
            return this;
        }

        @Override
        public List<ConfigEntry> configuration() {
            return entries(context.config());
        }

        @Override
        public String databaseDescription() {
            return context.databaseDescription();
        }

        @Override
        public String startupNotice() {
            int n = context.recovered().size();
            if (n == 0) {
                return "";
            }
            long failed = context.recovered().stream().filter(r -> r.variantFailed()).count();
            return "Recovered " + n + " interrupted run" + (n == 1 ? "" : "s") + " of an earlier desk process ("
                    + failed + " variant" + (failed == 1 ? "" : "s") + " set failed, each with an 'interrupted' trace)";
        }

        @Override
        public void close() {
            context.close();
        }

        @Override
        public List<VariantSummary> listVariants() {
            AssetResolver assets = context.assets();
            List<VariantSummary> rows = new ArrayList<>();
            List<VariantRow> found = context.variants().list(VariantFilter.ALL);
            java.util.Map<UUID, adreview.review.decision.ReviewerDecision> latest =
                    decisions.latestFor(found.stream().map(VariantRow::variantId).toList());
            for (VariantRow r : found) {
                adreview.review.decision.ReviewerDecision d = latest.get(r.variantId());
                rows.add(new VariantSummary(r.variantId(), r.jobId(), r.tenantId(), r.currentStep(), r.status(),
                        r.stage1Score(), r.stage2Verdict(), r.updatedAt(),
                        location(assets, r.imageUrl(), "img_asset_id"), d == null ? null : d.verdict().title(),
                        r.rejudged()));
            }
            return rows;
        }

        @Override
        public Optional<VariantDetail> findVariant(UUID variantId) {
            Optional<Variant> found = context.variants().find(variantId);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            Variant v = found.get();
            Optional<Job> job = context.jobs().find(v.jobId());
            ResolvedRender render = context.renders().resolve(variantId, null);
            AssetResolver assets = context.assets();
            ImageLocation renderLocation = render.source() == RenderSource.NONE
                    ? new ImageLocation(null, null, null, "no render")
                    : location(assets, render.url(), render.source().label());
            return Optional.of(new VariantDetail(v.variantId(), v.jobId(), job.map(Job::tenantId).orElse(null),
                    v.currentStep(), v.status(), v.updatedAt(), v.imgAssetId(), v.overlaidImgAssetId(),
                    job.map(Job::status).orElse(null), job.map(Job::currentStep).orElse(null),
                    job.map(Job::createdAt).orElse(null),
                    location(assets, v.imageUrl(), "img_asset_id"), renderLocation));
        }

        @Override
        public List<TraceEntry> traces(UUID variantId, UUID jobId) {
            List<TraceEntry> entries = new ArrayList<>();
            for (Trace t : context.traces().history(variantId, jobId)) {
                entries.add(new TraceEntry(t.traceId(), t.jobId(), t.variantId(), t.createdAt(), t.provider(),
                        t.operationType(), t.latencyMs() == null ? null : t.latencyMs().longValue(),
                        json(t.request()), json(t.response())));
            }
            return entries;
        }

        @Override
        public List<adreview.ui.data.DecisionEntry> decisions(UUID variantId) {
            return decisions.history(variantId).stream()
                    .map(d -> new adreview.ui.data.DecisionEntry(d.createdAt(), d.verdict().title(), d.reviewer(),
                            d.comment()))
                    .toList();
        }

        @Override
        public ResolvedAdCopy resolveAdCopy(UUID jobId, String typed) {
            AdCopy copy = context.adCopy().resolve(jobId, typed);
            AdCopySource source = switch (copy.source()) {
                case TYPED -> AdCopySource.TYPED;
                case GENERATED_COPY -> AdCopySource.GENERATED_COPY;
                case JOB_BRIEF -> AdCopySource.JOB_BRIEF;
                case NONE -> AdCopySource.NONE;
            };
            return new ResolvedAdCopy(copy.text() == null ? "" : copy.text(), source);
        }

        private static String json(JsonNode node) {
            return node == null || node.isNull() ? null : node.toString();
        }
    }

    /** The review parts on one open context. */
    private record Support(DeskContext context, adreview.review.decision.ReviewerDecisionRepository decisions)
            implements adreview.ui.data.ReviewSupport {

        @Override
        public java.nio.file.Path configuredModelDir() {
            return context.config().modelDir();
        }

        @Override
        public int concurrency() {
            return context.config().effectiveConcurrency();
        }

        @Override
        public java.nio.file.Path modelsDir() {
            java.nio.file.Path dir = context.config().modelDir().toAbsolutePath().normalize();
            // A single model folder: list it beside its siblings.
            return java.nio.file.Files.isRegularFile(dir.resolve("config.json")) && dir.getParent() != null
                    ? dir.getParent() : dir;
        }

        @Override
        public adreview.review.ReviewModel model(java.nio.file.Path folder) {
            // With a server backend the folder does not matter: runs go to the server.
            return ReviewWiring.model(context.config().withModelDir(folder));
        }

        @Override
        public String rememberModel(java.nio.file.Path folder) {
            DeskConfig cfg = context.config();
            if (cfg.configFile() == null) {
                return "not saved: this session has no config file";
            }
            try {
                ConfigFileWriter.set(cfg.configFile(), DeskConfig.Key.MODEL_DIR,
                        folder.toAbsolutePath().normalize().toString());
            } catch (java.io.IOException | RuntimeException e) {
                return "not saved to " + cfg.configFile() + ": " + e.getMessage();
            }
            ConfigSource source = cfg.sourceOf(DeskConfig.Key.MODEL_DIR);
            boolean overridden = source == ConfigSource.ENVIRONMENT || source == ConfigSource.COMMAND_LINE;
            return "saved to " + cfg.configFile() + (overridden ? " (the " + source.label() + " still names "
                    + cfg.modelDir() + " and wins at the next start)" : "");
        }

        @Override
        public adreview.review.ReviewService reviewService(adreview.review.ReviewModel model) {
            return ReviewWiring.reviewService(context, model);
        }

        @Override
        public adreview.store.TraceRepository traces() {
            return context.traces();
        }

        @Override
        public adreview.review.measured.VariantMeasurement measurement() {
            return new adreview.review.measured.VariantMeasurement(context.variants(), context.renders(),
                    context.overlays(), context.assets(), new adreview.checks.MeasuredChecks());
        }
    }

    /** The store's view of an image URL, in the UI's terms. */
    static ImageLocation location(AssetResolver assets, String url, String source) {
        if (url == null || url.isBlank()) {
            return new ImageLocation(null, null, source, "no image URL");
        }
        AssetLocation location = assets.resolve(url);
        if (location instanceof AssetLocation.LocalFile local) {
            return ImageLocation.resolved(url, local.path(), source);
        }
        return ImageLocation.unavailable(url, source, location.problem());
    }
}

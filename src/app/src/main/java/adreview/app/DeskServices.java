package adreview.app;

import adreview.desk.DeskService;
import adreview.desk.DeskSetting;
import adreview.desk.DeskStarter;
import adreview.desk.StoreDeskService;
import adreview.models.ModelCatalog;
import adreview.models.download.HubClient;
import adreview.models.download.ModelDownloader;
import adreview.store.ReviewerDecisionRepository;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The composition root of the window: builds the desk's one {@link DeskService} on an open {@link DeskContext}
 * (repositories, the review service on the configured model, measured checks, model manager). The CLI commands
 * build what they need from the same context and {@link ReviewWiring}.
 */
public final class DeskServices implements DeskStarter {

    private final Supplier<DeskConfig> config;
    private final boolean closeOnCrash;
    private volatile DeskConfig loaded;

    /**
     * @param config       loads the effective configuration (may throw {@link DeskConfig.ConfigException})
     * @param closeOnCrash install the window's crash policy ({@link DeskContext#closeOnUncaughtException}); the
     *                     application does, tests must not
     */
    public DeskServices(Supplier<DeskConfig> config, boolean closeOnCrash) {
        this.config = config;
        this.closeOnCrash = closeOnCrash;
    }

    @Override
    public DeskService start(Consumer<StartProgress> progress) {
        DeskContext context;
        try {
            DeskConfig cfg = config.get();
            loaded = cfg;
            progress.accept(cfg.embedded()
                    ? new StartProgress(StartProgress.Step.STARTING_EMBEDDED_DATABASE, cfg.embeddedDataDir().toString())
                    : new StartProgress(StartProgress.Step.CONNECTING, adreview.store.JdbcUrls.withoutPassword(cfg.dbUrl())));
            context = DeskContext.open(cfg);
        } catch (RuntimeException e) {
            throw new IllegalStateException(adreview.desk.Problems.describe(e), e);
        }
        if (closeOnCrash) {
            context.closeOnUncaughtException(new UiErrorNotice()::show);
        }
        progress.accept(new StartProgress(StartProgress.Step.LOADING_VARIANTS, ""));
        return service(context);
    }

    /** The facade on an open context; closing it closes the context. */
    static DeskService service(DeskContext context) {
        DeskConfig cfg = context.config();
        return new StoreDeskService(new StoreDeskService.Parts(
                context.databaseDescription(), context.recovered().size(), () -> settings(cfg),
                context.variants(), context.jobs(), context.traces(), context.adCopy(), context.renders(),
                context.assets(), new ReviewerDecisionRepository(context.database()),
                new adreview.review.report.AgreementReports(context.database()), ReviewWiring.measurement(context),
                folder -> ReviewWiring.model(cfg.withModelDir(folder)), model -> ReviewWiring.reviewService(context, model),
                cfg.modelDir(), folder -> rememberModel(cfg, folder), cfg.effectiveConcurrency(),
                new adreview.desk.ModelLibrary(ModelCatalog.around(cfg.modelDir()),
                        new ModelDownloader(HubClient.fromEnvironment(null))),
                context::close));
    }

    @Override
    public adreview.desk.ImageReader imageReader() {
        try {
            DeskConfig cfg = loaded != null ? loaded : config.get();
            return new adreview.desk.ImageReader(cfg.imageLimits().maxPixels());
        } catch (RuntimeException e) {
            // A broken configuration is reported where it is opened; the window still needs a decoder.
            return adreview.desk.ImageReader.withDefaultLimits();
        }
    }

    @Override
    public String testConnection() {
        DeskConfig cfg = loaded;
        try {
            return ReviewWiring.testConnection(cfg != null ? cfg : config.get());
        } catch (RuntimeException e) {
            return "Failed: " + adreview.desk.Problems.describe(e);
        }
    }

    @Override
    public List<DeskSetting> settings() {
        DeskConfig cfg = loaded;
        if (cfg == null) {
            try {
                cfg = config.get();
                loaded = cfg;
            } catch (RuntimeException e) {
                return List.of(new DeskSetting("Configuration", "invalid: " + adreview.desk.Problems.describe(e), "—"));
            }
        }
        return settings(cfg);
    }

    static List<DeskSetting> settings(DeskConfig cfg) {
        List<DeskSetting> rows = new ArrayList<>();
        for (DeskConfig.Setting s : cfg.settings()) {
            rows.add(new DeskSetting(s.key().title(), s.value(), s.source().label() + sourceDetail(s.key(), s.source())));
        }
        rows.add(new DeskSetting("Config file", String.valueOf(cfg.configFile()),
                cfg.configFile() != null && Files.exists(cfg.configFile()) ? "read" : "not present"));
        return List.copyOf(rows);
    }

    private static String sourceDetail(DeskConfig.Key key, ConfigSource source) {
        return switch (source) {
            case ENVIRONMENT -> " (" + key.envVar() + ")";
            case COMMAND_LINE -> " (" + key.flag() + ")";
            case CONFIG_FILE -> " (" + key.property() + ")";
            case PASSWORD_FILE -> " (~/.pgpass or PGPASSFILE)";
            case DEFAULT -> "";
        };
    }

    /** Saves the chosen folder as {@code model.dir} in the user's config file; says where, or why not. */
    static String rememberModel(DeskConfig cfg, Path folder) {
        if (cfg.configFile() == null) {
            return "not saved: this session has no config file";
        }
        try {
            ConfigFileWriter.set(cfg.configFile(), DeskConfig.Key.MODEL_DIR, folder.toAbsolutePath().normalize().toString());
        } catch (IOException | RuntimeException e) {
            return "not saved to " + cfg.configFile() + ": " + adreview.desk.Problems.describe(e);
        }
        ConfigSource source = cfg.sourceOf(DeskConfig.Key.MODEL_DIR);
        boolean overridden = source == ConfigSource.ENVIRONMENT || source == ConfigSource.COMMAND_LINE;
        return "saved to " + cfg.configFile() + (overridden ? " (the " + source.label() + " still names "
                + cfg.modelDir() + " and wins at the next start)" : "");
    }
}

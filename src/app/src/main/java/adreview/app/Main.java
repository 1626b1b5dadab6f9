package adreview.app;

import adreview.app.DeskConfig.Key;
import adreview.app.cli.CheckCommand;
import adreview.app.cli.ListCommand;
import adreview.app.cli.ShowCommand;
import adreview.app.cli.JudgeCommand;
import adreview.app.cli.DecideCommand;
import adreview.app.cli.RecoverCommand;
import adreview.review.ReviewModel;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The one program: with no command it opens the desk's window, otherwise it runs a CLI command.
 * Subcommands are registered here, in one place. The global options below override environment
 * variables, the user config file and the defaults (see {@link DeskConfig}); they may be given
 * before or after the subcommand.
 */
@Command(name = "ad-review-desk", mixinStandardHelpOptions = true, version = "Ad Review Desk 0.1",
        description = "Review AI-generated ads with LLaVA-1.5 running locally or on an OpenAI-compatible server.",
        subcommands = {
                ListCommand.class,
                ShowCommand.class,
                JudgeCommand.class,
                DecideCommand.class,
                adreview.app.cli.ModelsCommand.class,
                adreview.app.cli.GenerateCommand.class,
                adreview.app.cli.BenchCommand.class,
                adreview.app.cli.ParityCommand.class,
                CheckCommand.class,
                RecoverCommand.class,
                adreview.app.cli.ReportCommand.class,
        })
public final class Main implements Runnable {

    @Option(names = "--db-url", scope = ScopeType.INHERIT, paramLabel = "JDBC_URL",
            description = "Pipeline database, e.g. jdbc:postgresql://host:5432/pipeline (default: embedded PostgreSQL).")
    String dbUrl;

    @Option(names = "--db-user", scope = ScopeType.INHERIT, paramLabel = "USER", description = "Database user.")
    String dbUser;

    @Option(names = "--db-password", scope = ScopeType.INHERIT, paramLabel = "PASSWORD",
            description = "Database password (deprecated: every account sees it in `ps`; use ADREVIEW_DB_PASSWORD,"
                    + " db.password in desk.properties (chmod 600) or ~/.pgpass).")
    String dbPassword;

    @Option(names = "--asset-root", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Folder that /assets/... image URLs resolve against.")
    String assetRoot;

    @Option(names = "--model-dir", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Hugging Face model folder (LLaVA-1.5).")
    String modelDir;

    @Option(names = "--device", scope = ScopeType.INHERIT, paramLabel = "DEVICE",
            description = "auto, cpu, gpu or cuda[:N].")
    String device;

    @Option(names = "--precision", scope = ScopeType.INHERIT, paramLabel = "PRECISION",
            description = "auto, int8, fp16 or fp32.")
    String precision;

    @Option(names = "--data-dir", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Data folder: embedded database and demo images (default ~/.local/share/ad-review-desk).")
    String dataDir;

    @Option(names = "--image-max-pixels", scope = ScopeType.INHERIT, paramLabel = "PIXELS",
            description = "Refuse images above this many pixels before decoding them (default 64000000).")
    String imageMaxPixels;

    @Option(names = "--migrate", scope = ScopeType.INHERIT,
            description = "Create or update the desk's tables in an external database (Flyway).")
    boolean migrate;

    @Option(names = "--backend", scope = ScopeType.INHERIT, paramLabel = "local|openai",
            description = "local: the engine in this process (default); openai: an OpenAI-compatible server (--endpoint).")
    String backend;

    @Option(names = "--endpoint", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "The server's API base URL for --backend openai, e.g. http://host:8000/v1. "
                    + "The API key comes from ADREVIEW_API_KEY or api.key in desk.properties, never from a flag.")
    String endpoint;

    @Option(names = "--remote-model", scope = ScopeType.INHERIT, paramLabel = "NAME",
            description = "The model name to ask the server for (default: the first id of GET /models).")
    String remoteModel;

    @Option(names = "--concurrency", scope = ScopeType.INHERIT, paramLabel = "N",
            description = "Runs at once in a batch (default 1 local, 4 openai; the local backend always runs one at a time).")
    String concurrency;

    /** Where {@code judge} gets its model from: the configured folder, or a test's stand-in. */
    private final Function<DeskConfig, ReviewModel> models;
    private boolean warnedAboutPasswordFlag;

    public Main() {
        this(ReviewWiring::model);
    }

    Main(Function<DeskConfig, ReviewModel> models) {
        this.models = Objects.requireNonNull(models, "models");
    }

    public static void main(String[] launcherArgs) {
        String[] args = LauncherArgs.applySystemProperties(launcherArgs);
        // Before any DJL class loads: DJL otherwise reports usage over the network; the desk runs offline.
        System.setProperty("OPT_OUT_TRACKING", "true");
        // Before the first logger: stack traces go to <data>/logs/desk.log, the terminal gets one line.
        LogFiles.configure(args);
        CommandLine commandLine = commandLine();
        int code = commandLine.execute(args);
        CommandLine.ParseResult parsed = commandLine.getParseResult();
        if (code != 0 || args.length > 0 && parsed != null && parsed.hasSubcommand()) {
            System.exit(code);
        }
    }

    /**
     * The command line with the desk's error policy: one line on stderr, exit code 1; 2 for a bad option or an id
     * that names no single row.
     */
    public static CommandLine commandLine() {
        return commandLine(ReviewWiring::model);
    }

    /**
     * As {@link #commandLine()}, with {@code judge} running on the model {@code models} gives (tests run the
     * real CLI on a stand-in model this way). The stack trace of an error goes to the log file only.
     */
    public static CommandLine commandLine(Function<DeskConfig, ReviewModel> models) {
        CommandLine commandLine = new CommandLine(new Main(models));
        // Database text reaches the terminal through these: control characters (ESC …) are shown, not obeyed.
        commandLine.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        commandLine.setOut(new java.io.PrintWriter(new adreview.app.cli.Terminal.SafeWriter(
                new java.io.OutputStreamWriter(System.out, java.nio.charset.StandardCharsets.UTF_8)), true));
        commandLine.setErr(new java.io.PrintWriter(new adreview.app.cli.Terminal.SafeWriter(
                new java.io.OutputStreamWriter(System.err, java.nio.charset.StandardCharsets.UTF_8)), true));
        commandLine.setExecutionExceptionHandler((error, cmd, parseResult) -> {
            if (error instanceof adreview.store.IdResolutionException badId) {
                // A mistyped id is a usage error (2, as for a bad option), not a failure; its sentence is built
                // whole (candidates included), so it is not cut to Problems' length.
                cmd.getErr().println("error: " + adreview.desk.Problems.oneLine(badId.getMessage()));
                cmd.getErr().flush();
                return 2;
            }
            org.slf4j.LoggerFactory.getLogger(Main.class).warn("{} failed", cmd.getCommandName(), error);
            cmd.getErr().println("error: " + adreview.desk.Problems.describe(error));
            cmd.getErr().flush();
            return 1;
        });
        commandLine.setParameterExceptionHandler((error, args) -> {
            CommandLine cmd = error.getCommandLine();
            cmd.getErr().println("error: " + adreview.desk.Problems.oneLine(error.getMessage()) + " (see " + cmd.getCommandName()
                    + " --help)");
            cmd.getErr().flush();
            return 2;
        });
        return commandLine;
    }

    /** The command-line flags that were given, for {@link DeskConfig}. */
    Map<Key, String> flags() {
        Map<Key, String> flags = new EnumMap<>(Key.class);
        putIfGiven(flags, Key.DB_URL, dbUrl);
        putIfGiven(flags, Key.DB_USER, dbUser);
        putIfGiven(flags, Key.DB_PASSWORD, dbPassword);
        if (dbPassword != null && !warnedAboutPasswordFlag) {
            // Still honoured, so scripts keep working, but said once: the flag is in every account's `ps` listing.
            warnedAboutPasswordFlag = true;
            System.err.println("warning: --db-password is visible to every account on this machine (ps); set"
                    + " ADREVIEW_DB_PASSWORD, db.password in desk.properties (chmod 600) or ~/.pgpass instead");
        }
        putIfGiven(flags, Key.ASSET_ROOT, assetRoot);
        putIfGiven(flags, Key.MODEL_DIR, modelDir);
        putIfGiven(flags, Key.DEVICE, device);
        putIfGiven(flags, Key.PRECISION, precision);
        putIfGiven(flags, Key.DATA_DIR, dataDir);
        putIfGiven(flags, Key.IMAGE_MAX_PIXELS, imageMaxPixels);
        if (migrate) {
            flags.put(Key.MIGRATE, "true");
        }
        putIfGiven(flags, Key.BACKEND, backend);
        putIfGiven(flags, Key.ENDPOINT, endpoint);
        putIfGiven(flags, Key.REMOTE_MODEL, remoteModel);
        putIfGiven(flags, Key.CONCURRENCY, concurrency);
        return flags;
    }

    private static void putIfGiven(Map<Key, String> flags, Key key, String value) {
        if (value != null) {
            flags.put(key, value);
        }
    }

    /** The effective configuration: defaults &lt; config file &lt; environment &lt; these flags. */
    public DeskConfig config() {
        return DeskConfig.load(flags());
    }

    /** The model {@code judge} runs on, for this configuration. */
    public ReviewModel model(DeskConfig config) {
        return models.apply(config);
    }

    /** Opens the database the configuration names (commands close it when done). */
    public DeskContext openContext() {
        return DeskContext.open(config());
    }

    /** No subcommand: the window, on the configured (or embedded) database; the flags apply as for the CLI. */
    @Override
    public void run() {
        DeskConfig cfg = config();
        String noWindow = WindowSupport.problem();
        if (noWindow != null) {
            System.err.println("error: " + noWindow);
            System.exit(1);
        }
        adreview.ui.DeskApplication.launch(new DeskServices(this::config, true), uiPreferences(cfg));
    }

    /** What the window remembers (layout, reviewer, language): beside the user's config file. */
    static adreview.ui.prefs.UiPreferences uiPreferences(DeskConfig cfg) {
        return cfg.configFile() == null ? adreview.ui.prefs.UiPreferences.inMemory()
                : adreview.ui.prefs.UiPreferences.file(cfg.configFile().resolveSibling("ui.properties"));
    }
}

package adreview.app;

import adreview.llava.image.ImageLimits;
import adreview.store.JdbcUrls;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The desk's effective configuration and where each value came from.
 *
 * <p>Precedence, lowest first: built-in defaults, the user config file
 * ({@code ~/.config/ad-review-desk/desk.properties}), environment variables ({@code ADREVIEW_*}),
 * command-line flags. The system property {@code adreview.home} moves both the config file
 * ({@code <home>/config/desk.properties}) and the data folder ({@code <home>/data}) under one
 * directory; tests use it to stay out of the real home.
 *
 * @param dbUrl      JDBC URL of an external pipeline database, or null for the embedded PostgreSQL
 * @param dbUser     database user (external database only)
 * @param dbPassword database password (external database only)
 * @param assetRoot  directory that {@code /assets/...} image URLs resolve against
 * @param modelDir   Hugging Face model folder (or a folder of them)
 * @param device     auto, cpu, gpu or cuda[:N]
 * @param precision  auto, int8, fp16 or fp32
 * @param dataDir    the desk's data folder: embedded PostgreSQL data, demo assets
 * @param migrate    run Flyway migrations against an external database
 * @param imageMaxPixels images above this many pixels are refused before they are decoded
 * @param configFile the user config file that was consulted (it may not exist)
 * @param sources    where each value came from
 * @param backend    {@code local} (the engine in this process) or {@code openai} (an OpenAI-compatible server)
 * @param endpoint   the server's API base URL, e.g. {@code http://host:8000/v1}; null when not configured
 * @param remoteModel the model name to ask the server for; null: the first id of {@code GET /models}
 * @param apiKey     the server's API key from the environment or the config file (never a flag); null for none.
 *                   Never printed: {@link #toString()} and {@link #settings()} mask it
 * @param concurrency parallel runs asked for: 1 local, 4 remote unless configured (see {@link #effectiveConcurrency()})
 */
public record DeskConfig(
        String dbUrl,
        String dbUser,
        String dbPassword,
        Path assetRoot,
        Path modelDir,
        String device,
        String precision,
        Path dataDir,
        boolean migrate,
        long imageMaxPixels,
        Path configFile,
        Map<Key, ConfigSource> sources,
        String backend,
        String endpoint,
        String remoteModel,
        String apiKey,
        int concurrency) {

    /** System property that relocates config file and data folder (tests, portable installs). */
    public static final String HOME_PROPERTY = "adreview.home";
    private static final String APP_DIR = "ad-review-desk";
    private static final Pattern DEVICE = Pattern.compile("auto|cpu|gpu|cuda(:\\d+)?");
    private static final List<String> PRECISIONS = List.of("auto", "int8", "fp16", "fp32");
    public static final String LOCAL = "local";
    public static final String OPENAI = "openai";
    private static final List<String> BACKENDS = List.of(LOCAL, OPENAI);
    /** More parallel runs than this is a typo, not a plan: a server queues what its slots cannot take. */
    static final int MAX_CONCURRENCY = 64;

    /** One configurable value with its name in each source. */
    public enum Key {
        DB_URL("db.url", "ADREVIEW_DB_URL", "--db-url", "Database URL"),
        DB_USER("db.user", "ADREVIEW_DB_USER", "--db-user", "Database user"),
        DB_PASSWORD("db.password", "ADREVIEW_DB_PASSWORD", "--db-password", "Database password"),
        ASSET_ROOT("asset.root", "ADREVIEW_ASSET_ROOT", "--asset-root", "Asset root"),
        MODEL_DIR("model.dir", "ADREVIEW_MODEL_DIR", "--model-dir", "Model folder"),
        DEVICE("device", "ADREVIEW_DEVICE", "--device", "Device"),
        PRECISION("precision", "ADREVIEW_PRECISION", "--precision", "Precision"),
        DATA_DIR("data.dir", "ADREVIEW_DATA_DIR", "--data-dir", "Data folder"),
        MIGRATE("migrate", "ADREVIEW_MIGRATE", "--migrate", "Migrate external database"),
        IMAGE_MAX_PIXELS("image.max.pixels", "ADREVIEW_IMAGE_MAX_PIXELS", "--image-max-pixels", "Image pixel limit"),
        BACKEND("backend", "ADREVIEW_BACKEND", "--backend", "Backend"),
        ENDPOINT("endpoint", "ADREVIEW_ENDPOINT", "--endpoint", "Server URL"),
        REMOTE_MODEL("remote.model", "ADREVIEW_REMOTE_MODEL", "--remote-model", "Server model name"),
        /** No flag: a key on the command line would show in the process list and the shell's history. */
        API_KEY("api.key", "ADREVIEW_API_KEY", null, "API key"),
        CONCURRENCY("concurrency", "ADREVIEW_CONCURRENCY", "--concurrency", "Parallel runs");

        private final String property;
        private final String envVar;
        private final String flag;
        private final String title;

        Key(String property, String envVar, String flag, String title) {
            this.property = property;
            this.envVar = envVar;
            this.flag = flag;
            this.title = title;
        }

        /** Name in desk.properties. */
        public String property() {
            return property;
        }

        /** Name of the environment variable. */
        public String envVar() {
            return envVar;
        }

        /** Command-line flag; null for the API key, which has none. */
        public String flag() {
            return flag;
        }

        /** Human title for the settings dialog. */
        public String title() {
            return title;
        }
    }

    /** What Settings shows for a password that is set: never the value, not even its length. */
    public static final String MASKED = "••••";

    /** One row of the settings dialog: the value as shown (password masked) and its source. */
    public record Setting(Key key, String value, ConfigSource source) {
    }

    public DeskConfig {
        Objects.requireNonNull(assetRoot, "assetRoot");
        Objects.requireNonNull(modelDir, "modelDir");
        Objects.requireNonNull(dataDir, "dataDir");
        sources = Collections.unmodifiableMap(new EnumMap<>(sources));
        backend = backend == null ? LOCAL : backend;
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1");
        }
    }

    /** True when runs go to an OpenAI-compatible server. */
    public boolean remote() {
        return OPENAI.equals(backend);
    }

    /**
     * How many runs go at once: as configured for a server; always 1 for the local backend, whose one shared
     * model takes one generation at a time (more threads would only wait in its queue).
     */
    public int effectiveConcurrency() {
        return remote() ? concurrency : 1;
    }

    /** Secrets masked: a configuration in a log line or an exception must not carry them. */
    @Override
    public String toString() {
        return "DeskConfig[dbUrl=" + dbUrl + ", dbUser=" + dbUser + ", dbPassword=" + mask(dbPassword) + ", assetRoot="
                + assetRoot + ", modelDir=" + modelDir + ", device=" + device + ", precision=" + precision + ", dataDir="
                + dataDir + ", migrate=" + migrate + ", imageMaxPixels=" + imageMaxPixels + ", configFile=" + configFile + ", backend=" + backend + ", endpoint="
                + endpoint + ", remoteModel=" + remoteModel + ", apiKey=" + mask(apiKey) + ", concurrency=" + concurrency + "]";
    }

    private static String mask(String secret) {
        return secret == null || secret.isEmpty() ? "(none)" : "••••";
    }

    /** True when no database URL is configured: the desk runs its own PostgreSQL. */
    public boolean embedded() {
        return dbUrl == null || dbUrl.isBlank();
    }

    /** Where the embedded PostgreSQL keeps its data. */
    public Path embeddedDataDir() {
        return dataDir.resolve("pg");
    }

    /** The image limits this configuration sets (the pixel limit; the side limit is fixed). */
    public ImageLimits imageLimits() {
        return ImageLimits.ofMaxPixels(imageMaxPixels);
    }

    /** Source of one value. */
    public ConfigSource sourceOf(Key key) {
        return sources.getOrDefault(key, ConfigSource.DEFAULT);
    }

    /** The effective configuration as the settings dialog shows it, one row per key. */
    public List<Setting> settings() {
        List<Setting> rows = new ArrayList<>();
        for (Key key : Key.values()) {
            String shown = switch (key) {
                case DB_URL -> embedded() ? "(embedded PostgreSQL in " + embeddedDataDir() + ")"
                        : JdbcUrls.withoutPassword(dbUrl);
                case DB_USER -> dbUser;
                case DB_PASSWORD -> embedded() ? "(generated; in " + embeddedDataDir() + ")"
                        : dbPassword == null || dbPassword.isEmpty() ? "(none)" : MASKED;
                case ASSET_ROOT -> assetRoot.toString();
                case MODEL_DIR -> modelDir.toString();
                case DEVICE -> device;
                case PRECISION -> precision;
                case DATA_DIR -> dataDir.toString();
                case MIGRATE -> Boolean.toString(migrate);
                case IMAGE_MAX_PIXELS -> String.format(Locale.ROOT, "%,d (%s megapixels)", imageMaxPixels,
                        imageLimits().megapixels());
                case BACKEND -> remote() ? OPENAI + " (OpenAI-compatible server)" : LOCAL + " (the engine in this process)";
                case ENDPOINT -> endpoint == null ? (remote() ? "(none: runs are refused until one is set)" : "(none)") : endpoint;
                case REMOTE_MODEL -> remoteModel == null ? "(the first model the server lists)" : remoteModel;
                case API_KEY -> mask(apiKey);
                case CONCURRENCY -> remote() ? Integer.toString(concurrency)
                        : "1 (the local model runs one at a time" + (concurrency > 1 ? "; " + concurrency + " configured" : "") + ")";
            };
            rows.add(new Setting(key, shown, sourceOf(key)));
        }
        return List.copyOf(rows);
    }

    /**
     * Loads the configuration of this process: real environment, the user config file at its
     * usual place, and the given command-line flags (null values mean "not given").
     */
    public static DeskConfig load(Map<Key, String> flags) {
        return load(System.getenv(), flags);
    }

    /** As {@link #load(Map)} with an explicit environment (tests pass a map). */
    public static DeskConfig load(Map<String, String> env, Map<Key, String> flags) {
        Path home = userHome();
        Path configFile = defaultConfigFile(env, home);
        DeskConfig config = resolve(env, readProperties(configFile), configFile, flags, defaultDataDir(env, home));
        if (!config.embedded() && config.sourceOf(Key.DB_PASSWORD) == ConfigSource.DEFAULT
                && JdbcUrls.passwordIn(config.dbUrl()) == null) {
            // No password anywhere else: PostgreSQL's own password file, as psql would read it.
            Path pgpass = PgPassFile.location(env, home);
            var found = PgPassFile.lookup(pgpass, config.dbUrl(), config.dbUser());
            if (found.isPresent()) {
                return config.withPassword(found.get(), ConfigSource.PASSWORD_FILE);
            }
        }
        return config;
    }

    /** This configuration with another database password and its source. */
    DeskConfig withPassword(String password, ConfigSource source) {
        Map<Key, ConfigSource> changed = new EnumMap<>(Key.class);
        changed.putAll(sources);
        changed.put(Key.DB_PASSWORD, source);
        return new DeskConfig(dbUrl, dbUser, password, assetRoot, modelDir, device, precision, dataDir, migrate,
                imageMaxPixels, configFile, changed, backend, endpoint, remoteModel, apiKey, concurrency);
    }

    /** This configuration with another model folder (the Models window's choice, a comparison's second model). */
    public DeskConfig withModelDir(Path folder) {
        return new DeskConfig(dbUrl, dbUser, dbPassword, assetRoot, folder, device, precision, dataDir, migrate,
                imageMaxPixels, configFile, sources, backend, endpoint, remoteModel, apiKey, concurrency);
    }

    /**
     * Pure precedence logic: defaults &lt; file &lt; env &lt; flags.
     *
     * @param defaultDataDir the data folder when none is configured
     */
    public static DeskConfig resolve(Map<String, String> env, Properties file, Path configFile,
                                     Map<Key, String> flags, Path defaultDataDir) {
        Map<Key, String> values = new EnumMap<>(Key.class);
        Map<Key, ConfigSource> sources = new EnumMap<>(Key.class);
        for (Key key : Key.values()) {
            String fromFile = file == null ? null : trimToNull(file.getProperty(key.property()));
            String fromEnv = trimToNull(env.get(key.envVar()));
            // The API key is never taken from a flag, whoever built the map.
            String fromFlag = flags == null || key.flag() == null ? null : trimToNullKeepEmpty(flags.get(key));
            if (fromFlag != null) {
                values.put(key, fromFlag);
                sources.put(key, ConfigSource.COMMAND_LINE);
            } else if (fromEnv != null) {
                values.put(key, fromEnv);
                sources.put(key, ConfigSource.ENVIRONMENT);
            } else if (fromFile != null) {
                values.put(key, fromFile);
                sources.put(key, ConfigSource.CONFIG_FILE);
            } else {
                sources.put(key, ConfigSource.DEFAULT);
            }
        }
        Path dataDir = values.containsKey(Key.DATA_DIR)
                ? path(Key.DATA_DIR, values.get(Key.DATA_DIR), sources)
                : defaultDataDir.toAbsolutePath().normalize();
        Path assetRoot = values.containsKey(Key.ASSET_ROOT)
                ? path(Key.ASSET_ROOT, values.get(Key.ASSET_ROOT), sources)
                : dataDir.resolve("assets");
        Path modelDir = values.containsKey(Key.MODEL_DIR)
                ? path(Key.MODEL_DIR, values.get(Key.MODEL_DIR), sources)
                : Path.of("models").toAbsolutePath().normalize();
        String device = values.getOrDefault(Key.DEVICE, "auto").toLowerCase(Locale.ROOT);
        if (!DEVICE.matcher(device).matches()) {
            throw new ConfigException("invalid device '" + device + "' (from " + origin(Key.DEVICE, sources)
                    + "): use auto, cpu, gpu or cuda[:N]");
        }
        String precision = values.getOrDefault(Key.PRECISION, "auto").toLowerCase(Locale.ROOT);
        if (!PRECISIONS.contains(precision)) {
            throw new ConfigException("invalid precision '" + precision + "' (from "
                    + origin(Key.PRECISION, sources) + "): use one of " + String.join(", ", PRECISIONS));
        }
        boolean migrate = bool(Key.MIGRATE, values.get(Key.MIGRATE), sources);
        long imageMaxPixels = positiveLong(Key.IMAGE_MAX_PIXELS, values.get(Key.IMAGE_MAX_PIXELS),
                ImageLimits.DEFAULT_MAX_PIXELS, sources);
        String backend = values.getOrDefault(Key.BACKEND, LOCAL).toLowerCase(Locale.ROOT);
        if (!BACKENDS.contains(backend)) {
            throw new ConfigException("invalid backend '" + backend + "' (from " + origin(Key.BACKEND, sources)
                    + "): use " + String.join(" or ", BACKENDS));
        }
        String endpoint = values.get(Key.ENDPOINT);
        if (endpoint != null && !endpoint.isBlank()) {
            try {
                endpoint = adreview.review.remote.RemoteSettings.parseEndpoint(endpoint).toString();
            } catch (IllegalArgumentException e) {
                throw new ConfigException("invalid server URL (from " + origin(Key.ENDPOINT, sources) + "): "
                        + e.getMessage());
            }
        } else {
            endpoint = null;
        }
        int concurrency = concurrency(values.get(Key.CONCURRENCY), sources, OPENAI.equals(backend) ? 4 : 1);
        return new DeskConfig(
                values.get(Key.DB_URL),
                values.getOrDefault(Key.DB_USER, "postgres"),
                values.getOrDefault(Key.DB_PASSWORD, ""),
                assetRoot, modelDir, device, precision, dataDir, migrate, imageMaxPixels, configFile, sources,
                backend, endpoint, values.get(Key.REMOTE_MODEL), values.get(Key.API_KEY), concurrency);
    }

    /** The config file this process reads: {@code $XDG_CONFIG_HOME/ad-review-desk/desk.properties}. */
    public static Path defaultConfigFile(Map<String, String> env, Path userHome) {
        String relocated = System.getProperty(HOME_PROPERTY);
        if (relocated != null && !relocated.isBlank()) {
            return Path.of(relocated, "config", "desk.properties");
        }
        String xdg = trimToNull(env.get("XDG_CONFIG_HOME"));
        Path base = xdg != null ? Path.of(xdg) : userHome.resolve(".config");
        return base.resolve(APP_DIR).resolve("desk.properties");
    }

    /** The default data folder: {@code $XDG_DATA_HOME/ad-review-desk} ({@code ~/.local/share/...}). */
    public static Path defaultDataDir(Map<String, String> env, Path userHome) {
        String relocated = System.getProperty(HOME_PROPERTY);
        if (relocated != null && !relocated.isBlank()) {
            return Path.of(relocated, "data");
        }
        String xdg = trimToNull(env.get("XDG_DATA_HOME"));
        Path base = xdg != null ? Path.of(xdg) : userHome.resolve(".local").resolve("share");
        return base.resolve(APP_DIR);
    }

    /** The user's home; the build's tests set {@code user.home.override} to keep out of the real one. */
    static Path userHome() {
        String override = System.getProperty("user.home.override");
        return Path.of(override != null && !override.isBlank() ? override : System.getProperty("user.home"));
    }

    /**
     * Reads the config file. A file that holds {@code db.password} must be readable by its owner only: the desk
     * refuses it otherwise (as libpq refuses such a {@code .pgpass}), with the command that fixes it.
     */
    static Properties readProperties(Path file) {
        Properties properties = new Properties();
        if (file == null || !Files.isRegularFile(file)) {
            return properties;
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException("cannot read config file " + file + ": " + e.getMessage());
        }
        String password = properties.getProperty(Key.DB_PASSWORD.property());
        if (password != null && !password.isBlank()) {
            String mode = PrivateFiles.openMode(file);
            if (mode != null) {
                throw new ConfigException(PrivateFiles.exposed(file, Key.DB_PASSWORD.property(), mode));
            }
        }
        return properties;
    }

    private static Path path(Key key, String value, Map<Key, ConfigSource> sources) {
        String expanded = value.equals("~") || value.startsWith("~/")
                ? userHome() + value.substring(1) : value;
        try {
            return Path.of(expanded).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new ConfigException("invalid path '" + value + "' for " + key.title().toLowerCase(Locale.ROOT)
                    + " (from " + origin(key, sources) + ")");
        }
    }

    private static boolean bool(Key key, String value, Map<Key, ConfigSource> sources) {
        if (value == null) {
            return false;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "", "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> throw new ConfigException("invalid value '" + value + "' for " + key.property()
                    + " (from " + origin(key, sources) + "): use true or false");
        };
    }

    private static long positiveLong(Key key, String value, long fallback, Map<Key, ConfigSource> sources) {
        if (value == null) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value.replace("_", "").replace(",", ""));
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException("invalid value '" + value + "' for " + key.property() + " (from "
                + origin(key, sources) + "): use a whole number of pixels, e.g. " + fallback);
    }

    private static int concurrency(String value, Map<Key, ConfigSource> sources, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= 1 && n <= MAX_CONCURRENCY) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException("invalid concurrency '" + value + "' (from " + origin(Key.CONCURRENCY, sources)
                + "): use a whole number from 1 to " + MAX_CONCURRENCY);
    }

    private static String origin(Key key, Map<Key, ConfigSource> sources) {
        return switch (sources.getOrDefault(key, ConfigSource.DEFAULT)) {
            case DEFAULT -> "default";
            case CONFIG_FILE -> key.property() + " in the config file";
            case ENVIRONMENT -> key.envVar();
            case COMMAND_LINE -> key.flag();
            case PASSWORD_FILE -> "the password file";
        };
    }

    private static String trimToNull(String s) {
        if (s == null) {
            return null;
        }
        String t = s.trim();
        return t.isEmpty() ? null : t;
    }

    /** Flags keep an explicit empty value (e.g. {@code --db-password=}); null means not given. */
    private static String trimToNullKeepEmpty(String s) {
        return s == null ? null : s.trim();
    }

    /** A configuration value that cannot be used; the message names the value and its source. */
    public static final class ConfigException extends RuntimeException {
        public ConfigException(String message) {
            super(message);
        }
    }
}

package adreview.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import adreview.app.DeskConfig.Key;
import adreview.app.DeskConfig.Setting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Precedence defaults &lt; config file &lt; environment &lt; flags, and where each value came from. */
class DeskConfigTest {

    @TempDir
    Path home;

    private final Path defaultData = Path.of("/data/default");

    @AfterEach
    void clearHome() {
        System.clearProperty(DeskConfig.HOME_PROPERTY);
    }

    private static Properties file(String... keyValues) {
        Properties p = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            p.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return p;
    }

    private static Map<Key, String> flags(Object... keyValues) {
        Map<Key, String> m = new EnumMap<>(Key.class);
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((Key) keyValues[i], (String) keyValues[i + 1]);
        }
        return m;
    }

    @Test
    void defaultsMeanEmbeddedDatabaseAndTheDataFolder() {
        DeskConfig c = DeskConfig.resolve(Map.of(), new Properties(), null, Map.of(), defaultData);
        assertThat(c.embedded()).isTrue();
        assertThat(c.dbUrl()).isNull();
        assertThat(c.dataDir()).isEqualTo(defaultData);
        assertThat(c.embeddedDataDir()).isEqualTo(defaultData.resolve("pg"));
        assertThat(c.assetRoot()).isEqualTo(defaultData.resolve("assets"));
        assertThat(c.modelDir()).isEqualTo(Path.of("models").toAbsolutePath());
        assertThat(c.device()).isEqualTo("auto");
        assertThat(c.precision()).isEqualTo("auto");
        assertThat(c.migrate()).isFalse();
        assertThat(c.dbUser()).isEqualTo("postgres");
        for (Key key : Key.values()) {
            assertThat(c.sourceOf(key)).isEqualTo(ConfigSource.DEFAULT);
        }
    }

    @Test
    void eachLayerOverridesTheOneBelow() {
        Properties file = file("db.url", "jdbc:postgresql://file/db", "db.user", "file-user",
                "device", "cpu", "precision", "fp16", "model.dir", "/file/models");
        Map<String, String> env = Map.of("ADREVIEW_DB_URL", "jdbc:postgresql://env/db",
                "ADREVIEW_DEVICE", "gpu", "ADREVIEW_PRECISION", "int8");
        Map<Key, String> flags = flags(Key.DB_URL, "jdbc:postgresql://flag/db");

        DeskConfig c = DeskConfig.resolve(env, file, Path.of("/cfg/desk.properties"), flags, defaultData);
        assertThat(c.dbUrl()).isEqualTo("jdbc:postgresql://flag/db");
        assertThat(c.sourceOf(Key.DB_URL)).isEqualTo(ConfigSource.COMMAND_LINE);
        assertThat(c.device()).isEqualTo("gpu");
        assertThat(c.sourceOf(Key.DEVICE)).isEqualTo(ConfigSource.ENVIRONMENT);
        assertThat(c.precision()).isEqualTo("int8");
        assertThat(c.dbUser()).isEqualTo("file-user");
        assertThat(c.sourceOf(Key.DB_USER)).isEqualTo(ConfigSource.CONFIG_FILE);
        assertThat(c.modelDir()).isEqualTo(Path.of("/file/models"));
        assertThat(c.sourceOf(Key.ASSET_ROOT)).isEqualTo(ConfigSource.DEFAULT);
        assertThat(c.embedded()).isFalse();
        assertThat(c.configFile()).isEqualTo(Path.of("/cfg/desk.properties"));

        // Without the flag the environment wins; without env, the file.
        assertThat(DeskConfig.resolve(env, file, null, Map.of(), defaultData).dbUrl())
                .isEqualTo("jdbc:postgresql://env/db");
        assertThat(DeskConfig.resolve(Map.of(), file, null, Map.of(), defaultData).dbUrl())
                .isEqualTo("jdbc:postgresql://file/db");
    }

    @Test
    void blankEnvironmentValuesDoNotOverride() {
        DeskConfig c = DeskConfig.resolve(Map.of("ADREVIEW_DEVICE", "  "), file("device", "cpu"), null, Map.of(),
                defaultData);
        assertThat(c.device()).isEqualTo("cpu");
        assertThat(c.sourceOf(Key.DEVICE)).isEqualTo(ConfigSource.CONFIG_FILE);
    }

    @Test
    void assetRootFollowsAConfiguredDataFolderUnlessSetItself() {
        DeskConfig c = DeskConfig.resolve(Map.of(), new Properties(), null, flags(Key.DATA_DIR, "/tmp/x"), defaultData);
        assertThat(c.assetRoot()).isEqualTo(Path.of("/tmp/x/assets"));
        DeskConfig d = DeskConfig.resolve(Map.of("ADREVIEW_ASSET_ROOT", "/srv/pipeline/assets"), new Properties(), null,
                flags(Key.DATA_DIR, "/tmp/x"), defaultData);
        assertThat(d.assetRoot()).isEqualTo(Path.of("/srv/pipeline/assets"));
        assertThat(d.sourceOf(Key.ASSET_ROOT)).isEqualTo(ConfigSource.ENVIRONMENT);
    }

    @Test
    void migrateFlagAndEmptyPasswordFlag() {
        DeskConfig c = DeskConfig.resolve(Map.of("ADREVIEW_DB_PASSWORD", "env-secret"), new Properties(), null,
                flags(Key.MIGRATE, "true", Key.DB_PASSWORD, ""), defaultData);
        assertThat(c.migrate()).isTrue();
        assertThat(c.dbPassword()).isEmpty();
        assertThat(c.sourceOf(Key.DB_PASSWORD)).isEqualTo(ConfigSource.COMMAND_LINE);
    }

    @Test
    void settingsShowValuesWithTheirSourceAndHideThePassword() {
        DeskConfig c = DeskConfig.resolve(Map.of("ADREVIEW_DB_PASSWORD", "s3cret"), new Properties(), null,
                Map.of(), defaultData);
        Setting password = c.settings().stream().filter(s -> s.key() == Key.DB_PASSWORD).findFirst().orElseThrow();
        assertThat(password.value()).doesNotContain("s3cret");
        assertThat(password.source()).isEqualTo(ConfigSource.ENVIRONMENT);
        Setting url = c.settings().stream().filter(s -> s.key() == Key.DB_URL).findFirst().orElseThrow();
        assertThat(url.value()).contains("embedded");
        assertThat(c.settings()).hasSize(Key.values().length);
        assertThat(ConfigSource.ENVIRONMENT.label()).isEqualTo("environment");
    }

    @Test
    void badValuesNameTheValueAndItsSource() {
        assertThatThrownBy(() -> DeskConfig.resolve(Map.of("ADREVIEW_DEVICE", "tpu"), new Properties(), null,
                Map.of(), defaultData))
                .isInstanceOf(DeskConfig.ConfigException.class)
                .hasMessageContaining("'tpu'").hasMessageContaining("ADREVIEW_DEVICE");
        assertThatThrownBy(() -> DeskConfig.resolve(Map.of(), file("precision", "fp8"), null, Map.of(), defaultData))
                .hasMessageContaining("'fp8'").hasMessageContaining("precision in the config file");
        assertThat(DeskConfig.resolve(Map.of(), new Properties(), null, flags(Key.DEVICE, "CUDA:1"), defaultData)
                .device()).isEqualTo("cuda:1");
    }

    @Test
    void loadReadsTheUserConfigFileUnderAdreviewHome() throws Exception {
        System.setProperty(DeskConfig.HOME_PROPERTY, home.toString());
        Path cfg = Files.createDirectories(home.resolve("config")).resolve("desk.properties");
        Files.writeString(cfg, "precision=fp32\nasset.root=" + home.resolve("pipeline-assets") + "\n");
        DeskConfig c = DeskConfig.load(Map.of("ADREVIEW_PRECISION", "fp16"), Map.of());
        assertThat(c.configFile()).isEqualTo(cfg);
        assertThat(c.precision()).isEqualTo("fp16");
        assertThat(c.assetRoot()).isEqualTo(home.resolve("pipeline-assets"));
        assertThat(c.sourceOf(Key.ASSET_ROOT)).isEqualTo(ConfigSource.CONFIG_FILE);
        assertThat(c.dataDir()).isEqualTo(home.resolve("data"));
    }

    @Test
    void xdgFoldersAreHonouredWithoutAdreviewHome() {
        Map<String, String> env = Map.of("XDG_CONFIG_HOME", "/x/config", "XDG_DATA_HOME", "/x/data");
        assertThat(DeskConfig.defaultConfigFile(env, Path.of("/home/u")))
                .isEqualTo(Path.of("/x/config/ad-review-desk/desk.properties"));
        assertThat(DeskConfig.defaultDataDir(env, Path.of("/home/u"))).isEqualTo(Path.of("/x/data/ad-review-desk"));
        assertThat(DeskConfig.defaultConfigFile(Map.of(), Path.of("/home/u")))
                .isEqualTo(Path.of("/home/u/.config/ad-review-desk/desk.properties"));
        assertThat(DeskConfig.defaultDataDir(Map.of(), Path.of("/home/u")))
                .isEqualTo(Path.of("/home/u/.local/share/ad-review-desk"));
    }

    @Test
    void theRemoteBackendRowsLayerLikeEveryOtherAndTheKeyComesFromEnvironmentOrFileOnly() {
        DeskConfig local = DeskConfig.resolve(Map.of(), new Properties(), null, Map.of(), defaultData);
        assertThat(local.backend()).isEqualTo("local");
        assertThat(local.remote()).isFalse();
        assertThat(local.concurrency()).isEqualTo(1);
        assertThat(local.endpoint()).isNull();
        assertThat(local.apiKey()).isNull();

        Properties f = file("backend", "openai", "endpoint", "http://file:8000/v1/", "remote.model", "llava-file",
                "api.key", "sk-from-file");
        DeskConfig fromFile = DeskConfig.resolve(Map.of(), f, null, Map.of(), defaultData);
        assertThat(fromFile.remote()).isTrue();
        assertThat(fromFile.endpoint()).isEqualTo("http://file:8000/v1");
        assertThat(fromFile.remoteModel()).isEqualTo("llava-file");
        assertThat(fromFile.apiKey()).isEqualTo("sk-from-file");
        assertThat(fromFile.sourceOf(Key.API_KEY)).isEqualTo(ConfigSource.CONFIG_FILE);
        assertThat(fromFile.concurrency()).isEqualTo(4); // the remote default
        assertThat(fromFile.effectiveConcurrency()).isEqualTo(4);

        Map<String, String> env = Map.of("ADREVIEW_API_KEY", "sk-from-env", "ADREVIEW_ENDPOINT", "http://env:9000/v1",
                "ADREVIEW_CONCURRENCY", "6");
        DeskConfig layered = DeskConfig.resolve(env, f, null, flags(Key.ENDPOINT, "http://flag:8000/v1",
                Key.CONCURRENCY, "8", Key.API_KEY, "sk-from-a-flag", Key.REMOTE_MODEL, "llava-flag"), defaultData);
        assertThat(layered.endpoint()).isEqualTo("http://flag:8000/v1");
        assertThat(layered.sourceOf(Key.ENDPOINT)).isEqualTo(ConfigSource.COMMAND_LINE);
        assertThat(layered.concurrency()).isEqualTo(8);
        assertThat(layered.remoteModel()).isEqualTo("llava-flag");
        // A key never comes from the command line, even when a flag map carries one.
        assertThat(layered.apiKey()).isEqualTo("sk-from-env");
        assertThat(layered.sourceOf(Key.API_KEY)).isEqualTo(ConfigSource.ENVIRONMENT);
        assertThat(Key.API_KEY.flag()).isNull();
    }

    @Test
    void theKeyIsNeverShownOrPrinted() {
        DeskConfig c = DeskConfig.resolve(Map.of("ADREVIEW_API_KEY", "sk-very-secret", "ADREVIEW_DB_PASSWORD", "pw-secret"),
                file("backend", "openai", "endpoint", "http://gpu:8000/v1"), null, Map.of(), defaultData);
        Setting key = c.settings().stream().filter(s -> s.key() == Key.API_KEY).findFirst().orElseThrow();
        assertThat(key.value()).isEqualTo("••••");
        assertThat(key.source()).isEqualTo(ConfigSource.ENVIRONMENT);
        assertThat(c.toString()).doesNotContain("sk-very-secret").doesNotContain("pw-secret");
        assertThat(c.settings()).allSatisfy(s -> assertThat(s.value()).doesNotContain("sk-very-secret"));
        Setting backend = c.settings().stream().filter(s -> s.key() == Key.BACKEND).findFirst().orElseThrow();
        assertThat(backend.value()).startsWith("openai");
        assertThat(backend.source()).isEqualTo(ConfigSource.CONFIG_FILE);
    }

    @Test
    void theLocalBackendRunsOneAtATimeWhateverIsConfigured() {
        DeskConfig c = DeskConfig.resolve(Map.of("ADREVIEW_CONCURRENCY", "4"), new Properties(), null, Map.of(), defaultData);
        assertThat(c.concurrency()).isEqualTo(4);
        assertThat(c.effectiveConcurrency()).isEqualTo(1);
        Setting row = c.settings().stream().filter(s -> s.key() == Key.CONCURRENCY).findFirst().orElseThrow();
        assertThat(row.value()).isEqualTo("1 (the local model runs one at a time; 4 configured)");
    }

    @Test
    void badRemoteValuesNameTheValueAndItsSource() {
        assertThatThrownBy(() -> DeskConfig.resolve(Map.of("ADREVIEW_BACKEND", "vllm"), new Properties(), null, Map.of(), defaultData))
                .hasMessageContaining("invalid backend 'vllm' (from ADREVIEW_BACKEND)");
        assertThatThrownBy(() -> DeskConfig.resolve(Map.of(), file("endpoint", "http://user:pw@gpu/v1"), null, Map.of(), defaultData))
                .hasMessageContaining("(from endpoint in the config file)").hasMessageContaining("user info");
        assertThatThrownBy(() -> DeskConfig.resolve(Map.of(), file("concurrency", "many"), null, Map.of(), defaultData))
                .hasMessageContaining("invalid concurrency 'many' (from concurrency in the config file)");
    }

    @Test
    void theOpenaiBackendWithoutAServerUrlIsAModelThatSaysHowToSetOne() {
        DeskConfig c = DeskConfig.resolve(Map.of("ADREVIEW_BACKEND", "openai"), new Properties(), null, Map.of(), defaultData);
        adreview.review.ReviewModel m = ReviewWiring.model(c);
        assertThat(m.backend()).isEqualTo("openai");
        assertThat(m.unavailableReason()).contains("The openai backend has no server URL: set ADREVIEW_ENDPOINT, "
                + "endpoint in desk.properties or --endpoint (e.g. http://host:8000/v1)");
        assertThat(ReviewWiring.testConnection(c)).startsWith("Failed: The openai backend has no server URL");
        String nobody = "http://127.0.0.1:" + adreview.review.remote.LlamaServer.freePort() + "/v1";
        DeskConfig unreachable = DeskConfig.resolve(Map.of("ADREVIEW_BACKEND", "openai", "ADREVIEW_ENDPOINT", nobody),
                new Properties(), null, Map.of(), defaultData);
        assertThat(ReviewWiring.testConnection(unreachable)).startsWith("Failed: The inference server at 127.0.0.1:")
                .contains("refused the connection");
    }
}

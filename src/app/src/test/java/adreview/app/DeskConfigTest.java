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
}

package adreview.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** image_url → file rules: asset root, absolute paths, file: URLs, http(s) under /assets/, remote URLs. */
class AssetResolverTest {

    @TempDir
    Path root;

    private AssetLocation.LocalFile local(AssetLocation location) {
        assertThat(location).isInstanceOf(AssetLocation.LocalFile.class);
        return (AssetLocation.LocalFile) location;
    }

    @Test
    void assetsUrlsResolveAgainstTheAssetRoot() throws Exception {
        Path file = Files.createDirectories(root.resolve("tenant-a")).resolve("x.png");
        Files.write(file, new byte[] {1});
        AssetResolver resolver = new AssetResolver(root);
        AssetLocation.LocalFile found = local(resolver.resolve("/assets/tenant-a/x.png"));
        assertThat(found.path()).isEqualTo(file);
        assertThat(found.exists()).isTrue();
        assertThat(found.problem()).isNull();
        assertThat(resolver.requireFile("/assets/tenant-a/x.png")).isEqualTo(file);
        // Relative paths too.
        assertThat(local(resolver.resolve("tenant-a/x.png")).path()).isEqualTo(file);
    }

    @Test
    void anAssetRootHoldingAnAssetsFolderWorksToo() throws Exception {
        Path file = Files.createDirectories(root.resolve("assets/t")).resolve("y.png");
        Files.write(file, new byte[] {1});
        assertThat(local(new AssetResolver(root).resolve("/assets/t/y.png")).path()).isEqualTo(file);
    }

    @Test
    void missingFileIsReportedWithPathAndUrl() {
        AssetResolver resolver = new AssetResolver(root);
        AssetLocation.LocalFile missing = local(resolver.resolve("/assets/demo/nope.png"));
        assertThat(missing.exists()).isFalse();
        assertThat(missing.problem()).contains("image file missing").contains(root.resolve("demo/nope.png").toString())
                .contains("/assets/demo/nope.png");
        assertThatThrownBy(() -> resolver.requireFile("/assets/demo/nope.png"))
                .isInstanceOf(AssetUnavailableException.class).hasMessageContaining("nope.png");
    }

    @Test
    void absolutePathsAndFileUrls() throws Exception {
        Path file = Files.write(root.resolve("abs.png"), new byte[] {1});
        AssetResolver resolver = new AssetResolver(root.resolve("elsewhere"));
        assertThat(local(resolver.resolve(file.toString())).path()).isEqualTo(file);
        assertThat(local(resolver.resolve(file.toUri().toString())).path()).isEqualTo(file);
        assertThat(local(resolver.resolve("file:" + file)).path()).isEqualTo(file);
        assertThat(resolver.resolve("file:relative/x.png")).isInstanceOf(AssetLocation.Invalid.class);
    }

    @Test
    void httpUrlsUnderAssetsMapToTheRootOthersAreNotFetched() {
        AssetResolver resolver = new AssetResolver(root);
        assertThat(local(resolver.resolve("https://cdn.example.com/assets/t/z.png?v=2")).path())
                .isEqualTo(root.resolve("t/z.png"));
        assertThat(local(resolver.resolve("http://pipeline:8000/assets/t/z.png")).path())
                .isEqualTo(root.resolve("t/z.png"));
        AssetLocation remote = resolver.resolve("https://images.example.com/photos/z.png");
        assertThat(remote).isInstanceOf(AssetLocation.Remote.class);
        assertThat(remote.problem()).contains("not available offline").contains("https://images.example.com/photos/z.png");
        assertThat(resolver.resolve("s3://bucket/z.png")).isInstanceOf(AssetLocation.Remote.class);
        assertThatThrownBy(() -> resolver.requireFile("https://images.example.com/photos/z.png"))
                .isInstanceOf(AssetUnavailableException.class).hasMessageContaining("not available offline");
    }

    @Test
    void emptyAndEscapingUrlsAreInvalid() {
        AssetResolver resolver = new AssetResolver(root);
        assertThat(resolver.resolve(null)).isInstanceOf(AssetLocation.Invalid.class);
        assertThat(resolver.resolve("  ").problem()).contains("no image URL");
        assertThat(resolver.resolve("/assets/../../etc/passwd").problem()).contains("outside the asset root");
    }
}

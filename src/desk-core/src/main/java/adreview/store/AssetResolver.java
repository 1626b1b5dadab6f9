package adreview.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Maps an {@code image_assets.image_url} to a file on this machine. Rules:
 * {@code /assets/<rest>} → {@code <asset root>/<rest>}; absolute paths as they are; {@code file:}
 * URLs; {@code http(s)} URLs whose path starts with {@code /assets/} → the asset root like the
 * pipeline's own URLs; other remote URLs are reported as not available offline (never fetched);
 * relative paths resolve against the asset root.
 */
public final class AssetResolver {

    private static final String ASSETS_PREFIX = "/assets/";

    private final Path assetRoot;

    public AssetResolver(Path assetRoot) {
        this.assetRoot = assetRoot.toAbsolutePath().normalize();
    }

    /** The directory {@code /assets/} URLs resolve against. */
    public Path assetRoot() {
        return assetRoot;
    }

    /** Where the URL points; never throws. */
    public AssetLocation resolve(String url) {
        if (url == null || url.isBlank()) {
            return new AssetLocation.Invalid(url, "no image URL");
        }
        String u = url.strip();
        if (u.startsWith(ASSETS_PREFIX)) {
            return underRoot(url, u.substring(ASSETS_PREFIX.length()));
        }
        String lower = u.toLowerCase(Locale.ROOT);
        if (lower.startsWith("file:")) {
            try {
                return new AssetLocation.LocalFile(url, Path.of(new URI(u)).normalize());
            } catch (URISyntaxException | IllegalArgumentException e) {
                return new AssetLocation.Invalid(url, "not a valid file: URL (" + e.getMessage() + ")");
            }
        }
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            try {
                String path = new URI(u).getPath();
                if (path != null && path.startsWith(ASSETS_PREFIX)) {
                    return underRoot(url, path.substring(ASSETS_PREFIX.length()));
                }
                return new AssetLocation.Remote(url);
            } catch (URISyntaxException e) {
                return new AssetLocation.Invalid(url, "not a valid URL (" + e.getMessage() + ")");
            }
        }
        if (lower.matches("^[a-z][a-z0-9+.-]+://.*")) {
            return new AssetLocation.Remote(url);
        }
        try {
            Path path = Path.of(u);
            return path.isAbsolute()
                    ? new AssetLocation.LocalFile(url, path.normalize())
                    : underRoot(url, u);
        } catch (InvalidPathException e) {
            return new AssetLocation.Invalid(url, "not a valid path (" + e.getMessage() + ")");
        }
    }

    /**
     * The local file for the URL.
     *
     * @throws AssetUnavailableException naming the URL and file when there is no readable file
     */
    public Path requireFile(String url) {
        AssetLocation location = resolve(url);
        if (location instanceof AssetLocation.LocalFile local && local.exists()) {
            return local.path();
        }
        throw new AssetUnavailableException(location);
    }

    private AssetLocation underRoot(String url, String relative) {
        try {
            Path path = assetRoot.resolve(relative).normalize();
            if (!path.startsWith(assetRoot)) {
                return new AssetLocation.Invalid(url, "leads outside the asset root " + assetRoot);
            }
            // An asset root that holds an assets/ folder (a copy of the pipeline's web root) works too.
            if (!Files.exists(path)) {
                Path nested = assetRoot.resolve("assets").resolve(relative).normalize();
                if (nested.startsWith(assetRoot) && Files.isRegularFile(nested)) {
                    return new AssetLocation.LocalFile(url, nested);
                }
            }
            return new AssetLocation.LocalFile(url, path);
        } catch (InvalidPathException e) {
            return new AssetLocation.Invalid(url, "not a valid path (" + e.getMessage() + ")");
        }
    }
}

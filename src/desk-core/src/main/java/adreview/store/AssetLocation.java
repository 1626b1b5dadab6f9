package adreview.store;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where an {@code image_url} points on this machine, as {@link AssetResolver} found it. */
public sealed interface AssetLocation {

    /** The URL as stored. */
    String url();

    /** A readable explanation when there is no local file to read, else null. */
    String problem();

    /** A file on this machine; it may not exist. */
    record LocalFile(String url, Path path) implements AssetLocation {
        public boolean exists() {
            return Files.isRegularFile(path);
        }

        @Override
        public String problem() {
            return exists() ? null : "image file missing: " + path + " (image_url " + url + ")";
        }
    }

    /** A remote URL outside the asset root: the desk never downloads images. */
    record Remote(String url) implements AssetLocation {
        @Override
        public String problem() {
            return "remote image not available offline: " + url
                    + " (the desk reads images only from the asset root or local files)";
        }
    }

    /** No usable URL at all (empty, malformed, escaping the asset root). */
    record Invalid(String url, String reason) implements AssetLocation {
        @Override
        public String problem() {
            return "unusable image URL '" + (url == null ? "" : url) + "': " + reason;
        }
    }
}

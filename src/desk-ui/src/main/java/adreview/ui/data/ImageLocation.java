package adreview.ui.data;

import java.nio.file.Path;

/**
 * Where an image of a variant is: the URL stored in the database and the file it resolves to.
 *
 * @param url     the stored {@code image_url} (or render URL); {@code null} when the variant has none
 * @param file    the resolved file on disk; {@code null} when the URL cannot be resolved to a file
 * @param source  how the location was found, e.g. "img_asset_id", "overlaid_img_asset_id", "layout.render.url"
 * @param problem why there is no file, in words for the reviewer; {@code null} when {@code file} is set
 */
public record ImageLocation(String url, Path file, String source, String problem) {

    public static ImageLocation resolved(String url, Path file, String source) {
        return new ImageLocation(url, file, source, null);
    }

    public static ImageLocation unavailable(String url, String source, String problem) {
        return new ImageLocation(url, null, source, problem);
    }

    public boolean hasFile() {
        return file != null;
    }
}

package adreview.models.download;

/** Receives progress from the download's threads, one call at a time (about every 100 ms while bytes flow, plus phase changes). */
@FunctionalInterface
public interface DownloadListener {

    void progress(DownloadProgress progress);

    DownloadListener NONE = p -> { };
}

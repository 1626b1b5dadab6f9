package adreview.models.download;

/** Receives progress from the downloading thread (at most every 100 ms, plus phase changes). */
@FunctionalInterface
public interface DownloadListener {

    void progress(DownloadProgress progress);

    DownloadListener NONE = p -> { };
}

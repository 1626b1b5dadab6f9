package adreview.desk;

import adreview.models.ModelCatalog;
import adreview.models.ModelFolderInfo;
import adreview.models.download.DownloadCancellation;
import adreview.models.download.DownloadException;
import adreview.models.download.DownloadListener;
import adreview.models.download.DownloadRequest;
import adreview.models.download.DownloadResult;
import adreview.models.download.ModelDownloader;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

/**
 * The model folders of this machine, as the Models window sees them: listed with what is in each, and downloaded
 * (resumed, verified) from the hub. Part of the desk's facade ({@link DeskService#models()}); calls block.
 */
public final class ModelLibrary {

    private final ModelCatalog catalog;
    private final ModelDownloader downloader;

    public ModelLibrary(ModelCatalog catalog, ModelDownloader downloader) {
        this.catalog = catalog;
        this.downloader = downloader;
    }

    /** The folder model folders are listed from and downloaded into. */
    public Path modelsDir() {
        return catalog.modelsDir();
    }

    /** Model folders under {@link #modelsDir()} plus {@code added}, {@code inUse} marked. */
    public List<ModelFolderInfo> list(Collection<Path> added, Path inUse) {
        return catalog.list(added, inUse);
    }

    /** Where a hub repository is downloaded to. */
    public Path folderFor(String repoId) {
        return catalog.folderFor(repoId);
    }

    /**
     * Downloads (or resumes) a model folder; blocks until done, failed or cancelled.
     *
     * @throws DownloadException with its kind (cancelled, interrupted, disk space, ...) and one sentence
     */
    public DownloadResult download(DownloadRequest request, DownloadListener listener, DownloadCancellation cancellation)
            throws DownloadException {
        return downloader.download(request, listener, cancellation);
    }
}

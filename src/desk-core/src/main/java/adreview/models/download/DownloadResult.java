package adreview.models.download;

import adreview.models.ModelFolderReport;

import java.nio.file.Path;
import java.util.List;

/** A finished download: which files were fetched, which were already in place, and the folder's check. */
public record DownloadResult(Path folder, List<String> fetched, List<String> alreadyPresent, long bytesFetched,
                             ModelFolderReport report) {

    public DownloadResult {
        fetched = List.copyOf(fetched);
        alreadyPresent = List.copyOf(alreadyPresent);
    }
}

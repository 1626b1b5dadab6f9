package adreview.models.download;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/** What to download: a hub repository at a revision, into a model folder. */
public record DownloadRequest(String repoId, String revision, Path folder) {

    /** The repositories the desk offers by name. */
    public static final List<String> SUGGESTED_REPOS = List.of("llava-hf/llava-1.5-7b-hf", "llava-hf/llava-1.5-13b-hf");
    public static final String DEFAULT_REVISION = "main";

    private static final Pattern REPO_ID = Pattern.compile("[A-Za-z0-9][\\w.-]*(/[A-Za-z0-9][\\w.-]*)?");

    public DownloadRequest {
        repoId = repoId == null ? "" : repoId.strip();
        revision = revision == null || revision.isBlank() ? DEFAULT_REVISION : revision.strip();
    }

    /** Throws with a message naming the bad repository id; called before any network access. */
    public void validate() throws DownloadException {
        if (!REPO_ID.matcher(repoId).matches() || repoId.contains("..")) {
            throw new DownloadException(DownloadException.Kind.INVALID_REQUEST,
                    "'" + repoId + "' is not a hub repository id; expected owner/name, e.g. " + SUGGESTED_REPOS.get(0));
        }
        if (folder == null) {
            throw new DownloadException(DownloadException.Kind.INVALID_REQUEST, "no target folder given for " + repoId);
        }
    }
}

package adreview.models.download;

import adreview.models.ModelVerifier;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * What the hub listed for a downloaded folder, kept beside the files ({@value #FILE}): each file's size and the hash
 * it was checked against, or none. {@code models verify} reads it to say which files could only be checked by size
 * (unverified) and whether a file's size still matches what the hub listed.
 */
public final class DownloadManifest {

    public static final String FILE = ModelVerifier.MANIFEST;
    private static final ObjectMapper JSON = new ObjectMapper();

    private DownloadManifest() {
    }

    /** Writes the manifest of a finished download (atomically: a crash leaves the previous one or none). */
    static void write(Path folder, String repoId, String revision, List<HubFile> files) throws DownloadException {
        ObjectNode root = JSON.createObjectNode().put("repo", repoId).put("revision", revision);
        ArrayNode list = root.putArray("files");
        for (HubFile f : files) {
            ObjectNode n = list.addObject().put("name", f.name()).put("size", f.size());
            n.put("sha256", f.sha256());
            n.put("git_blob_id", f.gitBlobId());
        }
        Path target = folder.resolve(FILE);
        Path tmp = folder.resolve(FILE + ".tmp");
        try {
            JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), root);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new DownloadException(DownloadException.Kind.FAILED, "Cannot write " + target + ": "
                    + HubClient.oneLine(e));
        }
    }
}

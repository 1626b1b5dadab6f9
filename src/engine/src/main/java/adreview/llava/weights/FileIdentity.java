package adreview.llava.weights;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * What a weights file was when it was opened: inode (file key), size and modification time. A file rewritten,
 * truncated or replaced while the model loads (a download or copy still running) no longer matches.
 */
record FileIdentity(Object fileKey, long size, long modifiedMillis) {

    static FileIdentity of(Path path) throws IOException {
        BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
        return new FileIdentity(a.fileKey(), a.size(), a.lastModifiedTime().toMillis());
    }

    /** Throws {@link WeightsException} naming the file when it is no longer the one that was opened. */
    void requireUnchanged(Path path) {
        FileIdentity now;
        try {
            now = of(path);
        } catch (IOException e) {
            throw new WeightsException("weights file " + path + " disappeared while the model was loading: "
                    + "load the model again once the folder is complete", e);
        }
        if (!equals(now)) {
            throw changed(path, now);
        }
    }

    /** The error for a fault while reading {@code tensor}: the file shrank under the mapping. */
    WeightsException changedWhileReading(Path path, String tensor, Throwable cause) {
        FileIdentity now = null;
        try {
            now = of(path);
        } catch (IOException ignored) {
            // named as changed either way
        }
        WeightsException e = changed(path, now);
        e.addSuppressed(new IllegalStateException("fault while reading tensor " + tensor, cause));
        return e;
    }

    private WeightsException changed(Path path, FileIdentity now) {
        String how = now == null ? "disappeared"
                : now.size != size ? "changed size from " + size + " to " + now.size + " bytes"
                : !Objects.equals(now.fileKey, fileKey) ? "was replaced by another file"
                : "was rewritten";
        return new WeightsException("weights file " + path + " " + how + " while the model was loading (a download "
                + "or copy still running?): load the model again once the folder is complete");
    }
}

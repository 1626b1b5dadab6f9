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

    /**
     * Throws {@link WeightsException} naming the file and the tensor being read when the file is no longer the one
     * that was opened (shorter or longer, rewritten, or replaced by another file under the same name).
     */
    void requireUnchanged(Path path, String tensor) {
        FileIdentity now;
        try {
            now = of(path);
        } catch (IOException e) {
            throw new WeightsException("weights file " + path + " disappeared while " + what(tensor) + " was loading; "
                    + "let the download or copy finish, then load the model again", e);
        }
        if (!equals(now)) {
            throw changed(path, tensor, now);
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
        WeightsException e = changed(path, tensor, now);
        e.addSuppressed(new IllegalStateException("fault while reading tensor " + tensor, cause));
        return e;
    }

    private WeightsException changed(Path path, String tensor, FileIdentity now) {
        String how = now == null ? "it disappeared"
                : now.size != size ? "it was " + size + " bytes, now " + now.size
                : !Objects.equals(now.fileKey, fileKey) ? "another file replaced it"
                : "it was rewritten";
        return new WeightsException("weights file " + path + " changed while " + what(tensor) + " was loading (" + how
                + "); the load was stopped: let the download or copy finish, then load the model again");
    }

    private static String what(String tensor) {
        return tensor == null ? "its header" : "tensor " + tensor;
    }
}

package adreview.llava.weights;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;

/**
 * What a weights file was when its header was read: its size, modification time and file key (device and inode on
 * Linux, null where the file system has none). Another value later means the file was truncated, rewritten or
 * replaced: a mapping of it can no longer be trusted.
 */
record FileIdentity(long size, FileTime modified, Object key) {

    static FileIdentity of(Path path) throws IOException {
        BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
        return new FileIdentity(a.size(), a.lastModifiedTime(), a.fileKey());
    }
}

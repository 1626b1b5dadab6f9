package adreview.models.download;

/**
 * One file of a hub repository as the API lists it. {@code sha256} is the LFS object id (null for a file kept in
 * git itself); {@code gitBlobId} is git's blob id of a file kept in git ({@code sha1("blob <length>\0" + content)},
 * the listing's {@code blobId}; null for LFS files, whose blob id is that of the pointer, not of the content);
 * {@code size} is -1 when the hub gave none. A file with neither hash can be checked by size only: the desk
 * downloads it but calls it unverified.
 */
public record HubFile(String name, long size, String sha256, String gitBlobId) {

    /** A file listed without a git blob id (LFS, or a hub that gives none). */
    public HubFile(String name, long size, String sha256) {
        this(name, size, sha256, null);
    }

    public boolean isLfs() {
        return sha256 != null;
    }

    /** True when the hub listed a hash the desk can check the content against. */
    public boolean hasHash() {
        return sha256 != null || gitBlobId != null;
    }
}

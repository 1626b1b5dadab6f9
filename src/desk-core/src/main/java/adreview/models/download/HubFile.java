package adreview.models.download;

/**
 * One file of a hub repository as the API lists it. {@code sha256} is the LFS object id (null for a
 * file kept in git itself, which is checked by size only); {@code size} is -1 when the hub gave none.
 */
public record HubFile(String name, long size, String sha256) {

    public boolean isLfs() {
        return sha256 != null;
    }
}

package adreview.store;

/** An image cannot be read from this machine; the message names the URL and the file. */
public final class AssetUnavailableException extends RuntimeException {
    private final AssetLocation location;

    public AssetUnavailableException(AssetLocation location) {
        super(location.problem());
        this.location = location;
    }

    public AssetLocation location() {
        return location;
    }
}

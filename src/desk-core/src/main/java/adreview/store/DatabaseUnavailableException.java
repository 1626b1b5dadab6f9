package adreview.store;

/** The database cannot be reached (wrong URL, server down, bad credentials). */
public final class DatabaseUnavailableException extends StoreException {
    private final String url;

    public DatabaseUnavailableException(String url, String reason, Throwable cause) {
        super("cannot connect to database at " + url + ": " + reason, cause);
        this.url = url;
    }

    /** The JDBC URL that was tried. */
    public String url() {
        return url;
    }
}

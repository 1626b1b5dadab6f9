package adreview.store;

/** The database cannot be reached (wrong URL, server down, bad credentials). */
public final class DatabaseUnavailableException extends StoreException {
    private final String url;

    public DatabaseUnavailableException(String url, String reason, Throwable cause) {
        super("cannot connect to database at " + JdbcUrls.withoutPassword(url) + ": " + reason, cause);
        this.url = JdbcUrls.withoutPassword(url);
    }

    /** The JDBC URL that was tried, without any password. */
    public String url() {
        return url;
    }
}

package adreview.models.download;

/**
 * A download that could not finish, with a one-line message for the reviewer (no stack trace needed)
 * and a {@link Kind} that callers can act on (e.g. offer to resume after {@link Kind#CANCELLED}).
 */
public final class DownloadException extends Exception {

    public enum Kind {
        /** The hub could not be reached at all. */
        OFFLINE,
        /** HTTP 401/403: gated or private repository, token missing or without access. */
        ACCESS_DENIED,
        /** HTTP 404 on the listing: no such repository or revision. */
        NOT_FOUND,
        /** A file the listing names is not served (HTTP 404 on resolve). */
        MISSING_FILE,
        /** The repository lacks files the desk needs (e.g. no safetensors weights). */
        UNSUITABLE_REPO,
        /** Not enough free space for the files still needed. */
        DISK_SPACE,
        /** A file failed its SHA-256 or size check twice. */
        CHECKSUM,
        /** The connection kept breaking; the partial files are kept for a resume. */
        INTERRUPTED,
        /** The user cancelled; the partial files are kept for a resume. */
        CANCELLED,
        /** Bad input (repository id, folder). */
        INVALID_REQUEST,
        /** Anything else: an unexpected HTTP status, a local I/O error. */
        FAILED
    }

    private final Kind kind;

    public DownloadException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public DownloadException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** True when running the same download again continues from where this one stopped. */
    public boolean resumable() {
        return kind == Kind.CANCELLED || kind == Kind.INTERRUPTED || kind == Kind.OFFLINE;
    }
}

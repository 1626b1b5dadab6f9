package adreview.store;

import java.time.Duration;

/** The database stayed unreachable for the whole retry window of a write ({@link WriteRetry}); nothing was stored. */
public final class WriteGaveUpException extends StoreException {

    public WriteGaveUpException(String what, Duration window, String reason, Throwable cause) {
        super("could not store " + what + ": the database was unreachable for " + window.toSeconds() + " s ("
                + reason + ")", cause);
    }
}

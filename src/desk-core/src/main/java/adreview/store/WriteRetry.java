package adreview.store;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A write that must not be lost to a short database outage (a run's final transaction): while the
 * server cannot be reached it is tried again with backoff (0.25 s, doubling up to 4 s) until
 * {@code window} has passed since the first attempt began (an attempt under way, which may wait for
 * the pool's connection timeout, is not cut short), then given up with one
 * {@link WriteGaveUpException}. Other failures (constraints, bad SQL) are not retried. The work
 * must be safe to run again after a commit whose answer was lost (the callers check for their
 * own trace id first).
 */
public final class WriteRetry {

    private static final Logger LOG = LoggerFactory.getLogger(WriteRetry.class);
    private static final long FIRST_DELAY_MS = 250;
    private static final long MAX_DELAY_MS = 4_000;

    private final Database database;
    private final Duration window;

    public WriteRetry(Database database, Duration window) {
        this.database = database;
        this.window = window;
    }

    public Duration window() {
        return window;
    }

    /**
     * Runs {@code work} in one transaction, retried as described above.
     *
     * @param what for the messages, e.g. "the Stage 1 result of variant …"
     * @throws WriteGaveUpException when the database stayed unreachable for the whole window
     */
    public <T> T inTransaction(String what, SqlWork<T> work) {
        long started = System.nanoTime();
        boolean failing = false;
        long delay = FIRST_DELAY_MS;
        int attempts = 0;
        while (true) {
            attempts++;
            try {
                T result = database.inTransaction(work);
                if (attempts > 1) {
                    LOG.warn("stored {} after {} attempts", what, attempts);
                }
                return result;
            } catch (StoreException e) {
                if (!Database.isConnectionFailure(e)) {
                    throw e;
                }
                if (!failing) {
                    failing = true;
                    LOG.warn("database unreachable while storing {} ({}); retrying for up to {} s",
                            what, Database.reason(e), window.toSeconds());
                }
                long left = window.toNanos() - (System.nanoTime() - started);
                if (left <= 0) {
                    LOG.error("gave up storing {} after {} attempts", what, attempts, e);
                    throw new WriteGaveUpException(what, window, Database.reason(e), e);
                }
                sleep(Math.min(delay, left / 1_000_000 + 1), what, e);
                delay = Math.min(delay * 2, MAX_DELAY_MS);
            }
        }
    }

    private void sleep(long millis, String what, StoreException cause) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WriteGaveUpException(what, window, "interrupted while waiting for the database", cause);
        }
    }
}

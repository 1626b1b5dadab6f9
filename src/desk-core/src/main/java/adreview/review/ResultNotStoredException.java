package adreview.review;

/**
 * A run ended but its final write could not be stored: the database stayed unreachable through the
 * whole retry window. The message is one line; the run's claim stays open, so that once its
 * heartbeat expires (two minutes) the next desk process to open the database fails the variant
 * with an {@code interrupted} trace. The unsaved trace is in the log file.
 */
public final class ResultNotStoredException extends RuntimeException {
    public ResultNotStoredException(String message, Throwable cause) {
        super(message, cause);
    }
}

package adreview.ui.review;

/**
 * The background threads model work runs on. Jobs start in submission order, one at a time by default, so runs
 * queue against the one shared local model; a server backend runs {@link #setParallelism} of them at once.
 * {@link FxModelWorker} is the desk's implementation.
 */
public interface ModelWorker extends AutoCloseable {

    void submit(Runnable job);

    /** How many jobs may run at once (the configured concurrency; 1 for the local backend). */
    default void setParallelism(int n) {
    }

    /** Stops accepting work; a running job is left to finish (it has been asked to cancel by then). */
    @Override
    void close();
}

package adreview.ui.review;

/**
 * The one background thread all model work runs on. Jobs run one after another in submission order,
 * so runs queue against the one shared model. {@link FxModelWorker} is the desk's implementation.
 */
public interface ModelWorker extends AutoCloseable {

    void submit(Runnable job);

    /** Stops accepting work; a running job is left to finish (it has been asked to cancel by then). */
    @Override
    void close();
}

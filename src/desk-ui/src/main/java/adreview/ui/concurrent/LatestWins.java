package adreview.ui.concurrent;

/**
 * Keeps only the newest request of one kind: submitting a task cancels the one submitted before, so an answer for a
 * variant the reviewer has already left never reaches the screen. One instance per kind of request (the detail of
 * the selected variant, its measurement, the ad copy while typing); use it on the UI thread.
 */
public final class LatestWins {

    private BackgroundTask<?, ?> current;

    /** Cancels the previous task of this kind and submits {@code task}. */
    public <T, P> BackgroundTask<T, P> submit(BackgroundTask<T, P> task) {
        cancel();
        current = task;
        return task.execute();
    }

    /** Cancels the current task, if any (the selection was cleared). */
    public void cancel() {
        if (current != null) {
            current.cancel();
            current = null;
        }
    }
}

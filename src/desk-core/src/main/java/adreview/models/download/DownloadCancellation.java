package adreview.models.download;

import java.io.Closeable;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Cancels a running download from another thread. Cancelling closes the response stream that the
 * download thread is blocked on, so it stops at once; the {@code .part} files stay for a resume.
 */
public final class DownloadCancellation {

    private final AtomicBoolean cancelled = new AtomicBoolean();
    private volatile Closeable current;

    public void cancel() {
        cancelled.set(true);
        Closeable c = current;
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // The download thread sees the cancellation flag either way.
            }
        }
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    void attach(Closeable stream) {
        current = stream;
        if (cancelled.get()) {
            cancel();
        }
    }

    void detach() {
        current = null;
    }

    void throwIfCancelled() throws DownloadException {
        if (cancelled.get()) {
            throw new DownloadException(DownloadException.Kind.CANCELLED,
                    "Download cancelled; run it again to resume from the partial files.");
        }
    }
}

package adreview.models.download;

import java.time.Duration;
import java.util.ArrayDeque;

/** Transfer speed over a sliding window, so the figure follows the connection rather than the average since start. */
final class SpeedMeter {

    private record Sample(long nanos, long bytes) {
    }

    private final long windowNanos;
    private final ArrayDeque<Sample> samples = new ArrayDeque<>();
    private long total;

    SpeedMeter(Duration window) {
        this.windowNanos = window.toNanos();
    }

    void add(long nanos, long bytes) {
        total += bytes;
        samples.addLast(new Sample(nanos, total));
        while (samples.size() > 2 && nanos - samples.peekFirst().nanos() > windowNanos) {
            samples.removeFirst();
        }
    }

    /** Bytes per second over the window; 0 until there are two samples some time apart. */
    double bytesPerSecond() {
        if (samples.size() < 2) {
            return 0;
        }
        Sample first = samples.peekFirst();
        Sample last = samples.peekLast();
        long dt = last.nanos() - first.nanos();
        return dt <= 0 ? 0 : (last.bytes() - first.bytes()) * 1e9 / dt;
    }
}

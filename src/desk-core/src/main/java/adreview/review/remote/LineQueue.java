package adreview.review.remote;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The body of one response as a queue of lines, so that the run's own thread reads them: it forwards tokens to the
 * run's listener on that thread, and between two lines it checks the reviewer's cancel and the time-outs (a
 * blocking read could do neither). {@link #cancel()} closes the connection from the reading side.
 */
final class LineQueue implements Flow.Subscriber<String> {

    /** What the queue holds: a line, the end of the body, or why it broke. */
    sealed interface Item permits Line, End, Broken {
    }

    record Line(String text) implements Item {
    }

    record End() implements Item {
    }

    record Broken(Throwable error) implements Item {
    }

    private final BlockingQueue<Item> items = new LinkedBlockingQueue<>();
    private volatile Flow.Subscription subscription;
    private volatile boolean cancelled;

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (cancelled) {
            s.cancel();
        } else {
            s.request(Long.MAX_VALUE); // bounded by max_tokens: an answer is small
        }
    }

    @Override
    public void onNext(String line) {
        items.add(new Line(line));
    }

    @Override
    public void onError(Throwable error) {
        items.add(new Broken(error));
    }

    @Override
    public void onComplete() {
        items.add(new End());
    }

    /** The request itself failed (nothing to subscribe to: refused, timed out, reset before the headers). */
    void failed(Throwable error) {
        items.add(new Broken(error));
    }

    /** The next item, or null after {@code millis} without one. */
    Item poll(long millis) throws InterruptedException {
        return items.poll(millis, TimeUnit.MILLISECONDS);
    }

    /** Stops reading: the client closes the connection, and the server sees its client go. */
    void cancel() {
        cancelled = true;
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
    }
}

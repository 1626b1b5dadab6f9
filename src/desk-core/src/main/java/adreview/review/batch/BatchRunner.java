package adreview.review.batch;

import adreview.review.CancellationGroup;
import adreview.review.ResultNotStoredException;
import adreview.review.ReviewService;
import adreview.review.RunListener;
import adreview.review.RunOutcome;
import adreview.review.RunRequest;
import adreview.review.StageRefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs many stage runs with at most {@code concurrency} at a time, each through {@link ReviewService#run} with
 * its own claim and its own member of the batch's {@link CancellationGroup}. A refused, failed or unstored run is
 * one result among the others; none stops the batch. Once the group is cancelled, runs not yet started are not
 * started. The local backend runs with concurrency 1: its one shared model serialises calls anyway.
 */
public final class BatchRunner {

    private static final Logger LOG = LoggerFactory.getLogger(BatchRunner.class);

    /** Progress of a batch; called on the pool's threads. */
    public interface Listener {
        Listener NONE = new Listener() { };

        default void started(RunRequest request) {
        }

        default void finished(BatchResult result) {
        }
    }

    private final ReviewService service;
    private final int concurrency;

    public BatchRunner(ReviewService service, int concurrency) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, got " + concurrency);
        }
        this.service = Objects.requireNonNull(service, "service");
        this.concurrency = concurrency;
    }

    public int concurrency() {
        return concurrency;
    }

    /** Runs every request; the results come back in the requests' order. */
    public List<BatchResult> run(List<RunRequest> requests, CancellationGroup group, Listener listener) {
        Listener l = listener == null ? Listener.NONE : listener;
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(concurrency, Math.max(1, requests.size())), r -> {
            Thread t = new Thread(r, "batch-run-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<BatchResult>> futures = new ArrayList<>();
            for (RunRequest request : requests) {
                futures.add(pool.submit(() -> runOne(request, group, l)));
            }
            List<BatchResult> results = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                results.add(await(futures.get(i), requests.get(i)));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private BatchResult runOne(RunRequest request, CancellationGroup group, Listener l) {
        if (group.cancelled()) {
            return report(l, new BatchResult(request, BatchResult.Kind.NOT_STARTED, null,
                    "not started: " + group.reason(), 0));
        }
        l.started(request);
        long t0 = System.nanoTime();
        BatchResult result;
        try {
            RunOutcome o = service.run(request, RunListener.NONE, group.newMember());
            result = new BatchResult(request, BatchResult.kindOf(o), o, BatchResult.messageOf(o), millisSince(t0));
        } catch (StageRefusedException e) {
            result = new BatchResult(request, BatchResult.Kind.REFUSED, null, e.getMessage(), millisSince(t0));
        } catch (ResultNotStoredException e) {
            result = new BatchResult(request, BatchResult.Kind.NOT_STORED, null, e.getMessage(), millisSince(t0));
        } catch (RuntimeException e) {
            // The service ends every model failure as a failed run; this is a bug or the database before the claim.
            LOG.warn("batch run on variant {} failed before it started", request.variantId(), e);
            result = new BatchResult(request, BatchResult.Kind.REFUSED, null,
                    e.getMessage() == null ? e.toString() : e.getMessage(), millisSince(t0));
        }
        return report(l, result);
    }

    private static BatchResult report(Listener l, BatchResult r) {
        try {
            l.finished(r);
        } catch (RuntimeException e) {
            LOG.warn("a batch listener failed", e);
        }
        return r;
    }

    /** Waits for one run: each ends by itself (a cancelled run within a token or a poll), so an interrupt only waits on. */
    private static BatchResult await(Future<BatchResult> f, RunRequest request) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return f.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    return new BatchResult(request, BatchResult.Kind.REFUSED, null, String.valueOf(e.getCause()), 0);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static long millisSince(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}

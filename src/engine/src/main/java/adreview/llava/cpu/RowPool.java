package adreview.llava.cpu;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A small fixed pool for data-parallel loops over an index range (matrix rows, attention heads). The caller and
 * {@code threads - 1} daemon workers take chunks from one counter until the range is used up, "guided": each chunk is
 * what is left divided by twice the threads (at least the grain), so the first chunks are long contiguous runs of
 * rows (memory streams at full speed: fixed 64 KB chunks read int8 weights at about 60% of the rate of one half per
 * thread on the project's 2-core EPYC) and the last ones are small, so that on a shared machine a descheduled thread
 * does not hold the whole product up, and a worker that wakes late finds nothing left. Workers spin briefly between
 * jobs (a decode step hands out a new product every few microseconds) and then park.
 */
final class RowPool implements AutoCloseable {
    interface Body {
        void run(int from, int to);
    }

    /** How long an idle worker polls for the next job before parking. */
    private static final long SPIN_NANOS = 50_000;

    private final Thread[] workers;
    private volatile Job job;
    private volatile boolean closed;

    RowPool(int threads, String name) {
        workers = new Thread[Math.max(0, threads - 1)];
        for (int i = 0; i < workers.length; i++) {
            Thread t = new Thread(this::loop, name + "-" + (i + 1));
            t.setDaemon(true);
            workers[i] = t;
            t.start();
        }
    }

    int threads() {
        return workers.length + 1;
    }

    /** Runs {@code body} over [0, n) in chunks of {@code grain}, this thread included; returns when all are done. */
    void run(int n, int grain, Body body) {
        if (workers.length == 0 || n <= grain) {
            body.run(0, n);
            return;
        }
        Job j = new Job(body, n, Math.max(1, grain), workers.length + 1);
        job = j;
        for (Thread w : workers) {
            LockSupport.unpark(w);
        }
        j.work();
        for (int spins = 0; j.done.get() < n; spins++) {
            if (spins < 20_000) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
        if (j.failure != null) {
            throw new IllegalStateException("a decode worker failed: " + j.failure, j.failure);
        }
    }

    private void loop() {
        Job seen = null;
        long idleSince = System.nanoTime();
        while (!closed) {
            Job j = job;
            if (j != seen) {
                seen = j;
                j.work();
                idleSince = System.nanoTime();
            } else if (System.nanoTime() - idleSince < SPIN_NANOS) {
                Thread.onSpinWait();
            } else {
                LockSupport.park(this);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Thread w : workers) {
            LockSupport.unpark(w);
        }
    }

    /** One loop: its own counters, so a worker that read an older job can never take a newer job's chunks. */
    private static final class Job {
        final Body body;
        final int n;
        final int grain;
        final int threads;
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger done = new AtomicInteger();
        volatile Throwable failure;

        Job(Body body, int n, int grain, int threads) {
            this.body = body;
            this.n = n;
            this.grain = grain;
            this.threads = threads;
        }

        void work() {
            while (true) {
                int from = next.get();
                if (from >= n) {
                    return;
                }
                int to = Math.min(n, from + Math.max(grain, (n - from) / (2 * threads)));
                if (!next.compareAndSet(from, to)) {
                    continue;
                }
                try {
                    body.run(from, to);
                } catch (Throwable t) {
                    failure = t;
                } finally {
                    done.addAndGet(to - from);
                }
            }
        }
    }
}

package adreview.llava.cpu;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A small fixed pool for data-parallel loops over an index range (matrix rows, attention heads). The caller and
 * {@code threads - 1} daemon workers take chunks from one counter until the range is used up: chunks rather than one
 * share per thread, because on a shared machine a descheduled thread would otherwise hold the whole product up, and a
 * worker that wakes late simply finds nothing left. Workers spin briefly between jobs (a decode step hands out a new
 * product every few microseconds) and then park.
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
        Job j = new Job(body, n, Math.max(1, grain));
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
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger done = new AtomicInteger();
        volatile Throwable failure;

        Job(Body body, int n, int grain) {
            this.body = body;
            this.n = n;
            this.grain = grain;
        }

        void work() {
            for (int from; (from = next.getAndAdd(grain)) < n; ) {
                int to = Math.min(n, from + grain);
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

package adreview.llava.cpu;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicIntegerArray;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The decode pool hands every index of a range to exactly one thread, job after job, in chunks of at least the
 * grain, and reports a failure.
 */
class RowPoolTest {

    @Test
    void everyIndexRunsOnceInEveryJob() {
        try (RowPool pool = new RowPool(3, "test-pool")) {
            assertThat(pool.threads()).isEqualTo(3);
            for (int job = 0; job < 500; job++) {
                int n = 1 + job % 97;
                AtomicIntegerArray seen = new AtomicIntegerArray(n);
                int grain = 1 + job % 5;
                pool.run(n, grain, (from, to) -> {
                    assertThat(to - from).isGreaterThanOrEqualTo(Math.min(grain, n - from));
                    for (int i = from; i < to; i++) {
                        seen.incrementAndGet(i);
                    }
                });
                for (int i = 0; i < n; i++) {
                    assertThat(seen.get(i)).as("job %d index %d", job, i).isEqualTo(1);
                }
            }
        }
    }

    @Test
    void aFailingChunkFailsTheRunAfterTheOthersFinish() {
        try (RowPool pool = new RowPool(2, "test-pool")) {
            assertThatThrownBy(() -> pool.run(100, 10, (from, to) -> {
                if (from <= 50 && 50 < to) {
                    throw new IllegalArgumentException("chunk with 50");
                }
            })).isInstanceOf(IllegalStateException.class).hasRootCauseMessage("chunk with 50");
            int[] count = new int[1];
            pool.run(10, 100, (from, to) -> count[0] += to - from);
            assertThat(count[0]).as("the pool still works").isEqualTo(10);
        }
    }
}

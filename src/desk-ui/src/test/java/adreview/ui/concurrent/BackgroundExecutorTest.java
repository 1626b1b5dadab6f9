package adreview.ui.concurrent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class BackgroundExecutorTest {

    @Test
    void workRunsOffTheUiThreadAndCallbacksRunOnIt() throws Exception {
        LinkedBlockingQueue<Runnable> uiQueue = new LinkedBlockingQueue<>();
        try (BackgroundExecutor executor = new BackgroundExecutor(2, uiQueue::add)) {
            Thread ui = Thread.currentThread();
            AtomicReference<Thread> worker = new AtomicReference<>();
            List<String> seen = new ArrayList<>();
            executor.task("answer", () -> {
                worker.set(Thread.currentThread());
                return 42;
            }).onSuccess(v -> seen.add("ok " + v + " on ui=" + (Thread.currentThread() == ui))).execute();
            executor.task("fails", () -> {
                throw new IllegalStateException("database unreachable");
            }).onFailure(e -> seen.add("failed: " + e.getMessage())).execute();

            assertThat(executor.pending()).isEqualTo(2);
            for (int i = 0; i < 2; i++) {
                uiQueue.poll(10, TimeUnit.SECONDS).run();
            }
            assertThat(seen).containsExactlyInAnyOrder("ok 42 on ui=true", "failed: database unreachable");
            assertThat(worker.get()).isNotSameAs(ui);
            assertThat(worker.get().isDaemon()).isTrue();
            assertThat(executor.pending()).isZero();
        }
    }
}

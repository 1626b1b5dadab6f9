package adreview.ui.concurrent;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class TaskExecutorTest {

    @Test
    void workRunsOffTheUiThreadOnItsLaneAndCallbacksRunOnTheUiThread() throws Exception {
        try (TestUiThread ui = new TestUiThread()) {
            Thread test = Thread.currentThread();
            AtomicReference<Thread> io = new AtomicReference<>();
            AtomicReference<Thread> model = new AtomicReference<>();
            List<String> seen = new ArrayList<>();
            ui.executor().io("answer", c -> {
                io.set(Thread.currentThread());
                return 42;
            }).onSuccess(v -> seen.add("ok " + v + " on ui=" + (Thread.currentThread() == test))).execute();
            ui.executor().<String, Void>task(TaskExecutor.Lane.MODEL, "model", c -> {
                model.set(Thread.currentThread());
                throw new IllegalStateException("database unreachable");
            }).onFailure(e -> seen.add("failed: " + e.getMessage())).execute();

            ui.drain();

            assertThat(seen).containsExactlyInAnyOrder("ok 42 on ui=true", "failed: database unreachable");
            assertThat(io.get().getName()).startsWith("desk-io");
            assertThat(model.get().getName()).startsWith("desk-model");
            assertThat(io.get().isDaemon()).isTrue();
            assertThat(ui.executor().pending()).isZero();
        }
    }

    @Test
    void progressIsCoalescedToTheNewestValueAndArrivesBeforeTheResult() throws Exception {
        try (TestUiThread ui = new TestUiThread()) {
            List<Integer> progress = new ArrayList<>();
            List<String> order = new ArrayList<>();
            ui.executor().<String, Integer>task(TaskExecutor.Lane.MODEL, "tokens", c -> {
                for (int i = 1; i <= 500; i++) {
                    c.progress(i);
                }
                return "done";
            }).onProgress(p -> {
                progress.add(p);
                order.add("progress");
            }).onSuccess(v -> order.add(v)).execute();

            ui.drain();

            assertThat(progress).isNotEmpty().hasSizeLessThan(500); // coalesced, not one UI turn per token
            assertThat(progress.get(progress.size() - 1)).isEqualTo(500);
            assertThat(order.get(order.size() - 1)).isEqualTo("done");
        }
    }

    @Test
    void theModelLaneRunsTasksOneAfterAnotherInOrder() throws Exception {
        try (TestUiThread ui = new TestUiThread()) {
            List<Integer> ran = java.util.Collections.synchronizedList(new ArrayList<>());
            for (int i = 0; i < 5; i++) {
                int n = i;
                ui.executor().<Void, Void>task(TaskExecutor.Lane.MODEL, "run " + n, c -> {
                    ran.add(n);
                    Thread.sleep(5);
                    return null;
                }).execute();
            }
            ui.drain();
            assertThat(ran).containsExactly(0, 1, 2, 3, 4);
        }
    }

    @Test
    void latestWinsDropsTheAnswerOfAnEarlierRequest() throws Exception {
        try (TestUiThread ui = new TestUiThread()) {
            LatestWins detail = new LatestWins();
            CountDownLatch slow = new CountDownLatch(1);
            List<String> shown = new ArrayList<>();
            List<String> cancelled = new ArrayList<>();
            detail.submit(ui.executor().io("variant A", c -> {
                slow.await(5, TimeUnit.SECONDS);
                return "A";
            }).onSuccess(shown::add).onCancelled(() -> cancelled.add("A")));
            detail.submit(ui.executor().io("variant B", c -> "B").onSuccess(shown::add));
            slow.countDown();

            ui.drain();

            assertThat(shown).containsExactly("B");
            assertThat(cancelled).containsExactly("A");
        }
    }
}

package adreview.ui.review;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RunQueueViewModelTest {

    private final UiQueue ui = new UiQueue();
    private final PlainModelWorker worker = new PlainModelWorker();
    private final ScriptedRunner runner = new ScriptedRunner();
    private final RunQueueViewModel queue = new RunQueueViewModel(runner, worker, ui);

    @AfterEach
    void stopWorker() {
        runner.paced = false;
        runner.permits.release(10_000);
        worker.close();
    }

    private static VariantRef variant(String label) {
        return VariantRef.of(UUID.nameUUIDFromBytes(label.getBytes()), label);
    }

    @Test
    void aRunShowsEachPhaseInTurnAndStreamsTheAnswer() throws Exception {
        RunItem item = queue.enqueue(StageKind.STAGE1, List.of(variant("v1")), RunOptions.pipeline()).get(0);
        assertThat(queue.runningProperty().get()).isTrue();

        ui.drainUntil(() -> item.phase() instanceof RunPhase.LoadingModel);
        assertThat(queue.currentProperty().get()).isSameAs(item);
        assertThat(queue.phaseTextProperty().get()).contains("Loading the model… 50 %");
        assertThat(queue.progressProperty().get()).isEqualTo(0.5);

        runner.permits.release();
        ui.drainUntil(() -> item.phase() instanceof RunPhase.PreparingImage);
        assertThat(queue.phaseTextProperty().get()).endsWith("Preparing the image…");

        runner.permits.release();
        ui.drainUntil(() -> item.phase() instanceof RunPhase.ReadingPrompt);
        assertThat(queue.phaseTextProperty().get()).endsWith("Reading the prompt…");

        runner.permits.release();
        ui.drainUntil(() -> item.phase() instanceof RunPhase.Writing w && w.count() == 1);
        assertThat(queue.phaseTextProperty().get()).endsWith("Writing token 1 of at most 512");
        assertThat(queue.answerTextProperty().get()).isEqualTo("t1 ");

        runner.permits.release();
        ui.drainUntil(() -> item.phase() instanceof RunPhase.Writing w && w.count() == 2);
        assertThat(queue.answerTextProperty().get()).isEqualTo("t1 t2 ");

        runner.permits.release(2);
        ui.drainUntil(item::isFinished);
        assertThat(item.outcome()).isInstanceOf(RunOutcome.Done.class);
        assertThat(item.phase()).isEqualTo(new RunPhase.Done(1234));
        assertThat(item.answerText()).isEqualTo("t1 t2 t3 ");
        assertThat(item.firstTokenMillis()).isGreaterThanOrEqualTo(0);
        assertThat(queue.currentProperty().get()).isNull();
        assertThat(queue.runningProperty().get()).isFalse();
        assertThat(queue.lastFinishedProperty().get()).isSameAs(item);
    }

    @Test
    void manyTokensBetweenTwoUiTurnsBecomeOneUiUpdate() throws Exception {
        runner.tokens = 300;
        runner.paced = false;
        // Hold the worker at the end: the last step after token 300 waits for a permit we do not give yet.
        ScriptedRunner gate = runner;
        RunItem item = queue.enqueue(StageKind.STAGE1, List.of(variant("v1")), RunOptions.pipeline()).get(0);
        // Nobody drains while the worker writes all 300 tokens, so every token after the first posted nothing new.
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (gate.tokensWritten.get() < 300 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        ui.drainUntil(item::isFinished);
        assertThat(item.answerText()).startsWith("t1 t2 t3 ").endsWith("t299 t300 ");
        // started + at most a few coalesced updates + finished, instead of 300+ posts
        assertThat(ui.executedCount()).isLessThan(10);
    }

    @Test
    void cancelStopsTheRunWithinOneTokenAndRecordsNothingAsDone() throws Exception {
        runner.tokens = 512;
        RunItem item = queue.enqueue(StageKind.STAGE1, List.of(variant("v1")), RunOptions.pipeline()).get(0);
        runner.permits.release(3 + 4); // load, prepare, prefill, then tokens 1-4 written and token 5 written
        ui.drainUntil(() -> item.phase() instanceof RunPhase.Writing w && w.count() == 5);

        assertThat(queue.cancelCurrent()).isTrue();
        assertThat(queue.phaseTextProperty().get()).startsWith("Cancelling");
        runner.permits.release(1); // lets the runner go on to its next token check
        ui.drainUntil(item::isFinished);

        assertThat(item.outcome()).isInstanceOf(RunOutcome.Cancelled.class);
        assertThat(item.phase()).isInstanceOf(RunPhase.Cancelled.class);
        assertThat(runner.tokensWritten.get()).isEqualTo(5);
        assertThat(queue.runningProperty().get()).isFalse();
    }

    @Test
    void requestsQueueInOrderAndAWaitingOneCanBeCancelledBeforeItStarts() throws Exception {
        List<RunItem> items = new ArrayList<>();
        items.addAll(queue.enqueue(StageKind.STAGE1, List.of(variant("a")), RunOptions.pipeline()));
        items.addAll(queue.enqueue(StageKind.STAGE2, List.of(variant("b")), RunOptions.pipeline()));
        items.addAll(queue.enqueue(StageKind.STAGE1, List.of(variant("c")), RunOptions.rejudge("kim", "copy edited")));
        ui.drainUntil(() -> queue.currentProperty().get() == items.get(0));

        assertThat(items.get(1).phase()).isEqualTo(new RunPhase.Queued(2));
        assertThat(items.get(2).phase()).isEqualTo(new RunPhase.Queued(3));
        assertThat(queue.queuedCountProperty().get()).isEqualTo(2);

        queue.cancel(items.get(1));
        assertThat(items.get(1).phase()).isInstanceOf(RunPhase.Cancelled.class);
        assertThat(items.get(2).phase()).isEqualTo(new RunPhase.Queued(2));

        runner.paced = false;
        runner.permits.release(100);
        ui.drainUntil(() -> items.get(2).isFinished());

        assertThat(runner.started).extracting(r -> r.variant().label()).containsExactly("a", "c");
        assertThat(runner.started.get(1).options().rejudge()).isTrue();
        assertThat(runner.started.get(1).options().reviewer()).isEqualTo("kim");
        assertThat(items.get(0).outcome()).isInstanceOf(RunOutcome.Done.class);
        assertThat(items.get(2).outcome()).isInstanceOf(RunOutcome.Done.class);
    }

    @Test
    void oneFailureDoesNotStopABatch() throws Exception {
        runner.paced = false;
        runner.failingLabels.add("v2");
        List<RunItem> items = queue.enqueue(StageKind.STAGE1,
                List.of(variant("v1"), variant("v2"), variant("v3"), variant("v4")), RunOptions.pipeline());
        assertThat(queue.batchSummaryProperty().get()).isEqualTo("Batch Stage 1: 0 of 4 finished");

        ui.drainUntil(() -> items.stream().allMatch(RunItem::isFinished));

        assertThat(runner.started).hasSize(4);
        assertThat(items.get(1).outcome()).isInstanceOf(RunOutcome.Failed.class);
        assertThat(items.get(1).phase().describe()).isEqualTo("Failed: image file missing for variant v2");
        assertThat(items.get(3).outcome()).isInstanceOf(RunOutcome.Done.class);
        assertThat(queue.batchSummaryProperty().get()).isEqualTo("Batch Stage 1: 4 of 4 finished · 3 done · 1 failed");
        assertThat(items.get(0).batch()).isSameAs(items.get(3).batch());
    }

    @Test
    void cancelAllDropsTheWaitingAndStopsTheRunning() throws Exception {
        runner.tokens = 512;
        List<RunItem> items = queue.enqueue(StageKind.STAGE1,
                List.of(variant("v1"), variant("v2"), variant("v3")), RunOptions.pipeline());
        runner.permits.release(4);
        ui.drainUntil(() -> items.get(0).phase() instanceof RunPhase.Writing);

        queue.cancelAll();
        runner.permits.release(1);
        ui.drainUntil(() -> items.stream().allMatch(RunItem::isFinished));

        assertThat(items).allSatisfy(i -> assertThat(i.outcome()).isInstanceOf(RunOutcome.Cancelled.class));
        assertThat(runner.started).hasSize(1);
        assertThat(queue.batchSummaryProperty().get()).endsWith("3 of 3 finished · 3 cancelled");
    }

    @Test
    void phaseLinesSayWhatIsHappening() {
        assertThat(new RunPhase.LoadingModel(0.42, null).describe()).isEqualTo("Loading the model… 42 %");
        assertThat(new RunPhase.LoadingModel(-1, "reading config").describe()).isEqualTo("Loading the model… (reading config)");
        assertThat(new RunPhase.LoadingModel(-1, null).progress()).isEqualTo(-1);
        assertThat(new RunPhase.Writing(37, 512).describe()).isEqualTo("Writing token 37 of at most 512");
        assertThat(new RunPhase.Writing(256, 512).progress()).isEqualTo(0.5);
        assertThat(new RunPhase.Queued(1).describe()).isEqualTo("Queued: next");
        assertThat(new RunPhase.Done(2345).describe()).isEqualTo("Done in 2.3 s");
    }

    private static VariantRef at(String label, String step, String status) {
        return new VariantRef(UUID.nameUUIDFromBytes(label.getBytes()), label, null, null, null, step, status);
    }

    @Test
    void aBatchRunsTheEligibleVariantsAndListsTheRefusedOnesWithTheirStates() throws Exception {
        runner.paced = false;
        List<RunItem> queued = queue.enqueue(StageKind.STAGE1, List.of(at("ok1", "img_gen", "done"),
                at("past", "ocr_eval", "done"), at("ok2", "vlm_analyze", "failed"), at("busy", "yolo_detect", "running")),
                RunOptions.pipeline());
        assertThat(queued).extracting(i -> i.request().variant().label()).containsExactly("ok1", "ok2");
        ui.drainUntil(() -> queued.stream().allMatch(RunItem::isFinished));
        assertThat(runner.started).extracting(r -> r.variant().label()).containsExactly("ok1", "ok2");
        Batch batch = queued.get(0).batch();
        assertThat(batch.done()).isEqualTo(2);
        assertThat(batch.refused()).isEqualTo(2);
        assertThat(batch.refusedStates()).containsExactly("past (ocr_eval/done)", "busy (yolo_detect/running)");
        assertThat(queue.batchSummaryProperty().get())
                .isEqualTo("Batch Stage 1: 4 of 4 finished · 2 done · 2 refused (past (ocr_eval/done), busy (yolo_detect/running))");
        // A re-judge of the same selection runs them all: it changes no state.
        List<RunItem> rejudged = queue.enqueue(StageKind.STAGE1, List.of(at("past", "ocr_eval", "done"),
                at("busy", "yolo_detect", "running")), RunOptions.rejudge("qa", null));
        assertThat(rejudged).hasSize(2);
        ui.drainUntil(() -> rejudged.stream().allMatch(RunItem::isFinished));
    }

    @Test
    void closingTheDeskStopsTheRunningItemAsFailedAndDropsTheQueue() throws Exception {
        List<RunItem> items = queue.enqueue(StageKind.STAGE2, List.of(variant("a"), variant("b")), RunOptions.pipeline());
        runner.permits.release(4); // load, prepare, prompt, first token
        ui.drainUntil(() -> items.get(0).phase() instanceof RunPhase.Writing);
        RunItem stopped = queue.stopAll("the desk was closed during the run");
        assertThat(stopped).isSameAs(items.get(0));
        assertThat(stopped.cancellation().effect()).isEqualTo(adreview.review.Cancellation.Effect.FAIL);
        assertThat(stopped.cancellation().reason()).isEqualTo("the desk was closed during the run");
        assertThat(items.get(1).isFinished()).isTrue(); // the queued one is dropped at once
        runner.permits.release(10);
        ui.drainUntil(stopped::isFinished);
        assertThat(runner.started).hasSize(1);
        // Esc, by contrast, asks to put the variant back.
        runner.permits.drainPermits();
        List<RunItem> next = queue.enqueue(StageKind.STAGE2, List.of(variant("c")), RunOptions.pipeline());
        ui.drainUntil(() -> queue.currentProperty().get() == next.get(0));
        queue.cancelCurrent();
        assertThat(next.get(0).cancellation().effect()).isEqualTo(adreview.review.Cancellation.Effect.RESTORE);
        runner.permits.release(10);
        ui.drainUntil(next.get(0)::isFinished);
    }

    @Test
    void aParallelWorkerRunsSeveralAtOnceAndStoppingTheDeskStopsEveryOne() throws Exception {
        worker.setParallelism(2); // a server backend with concurrency 2
        runner.tokens = 50;
        List<RunItem> items = queue.enqueue(StageKind.STAGE1, List.of(variant("a"), variant("b"), variant("c")),
                RunOptions.pipeline());
        ui.drainUntil(() -> queue.running().size() == 2);
        assertThat(queue.running()).containsExactlyInAnyOrder(items.get(0), items.get(1));
        assertThat(items.subList(0, 2)).contains(queue.currentProperty().get());
        assertThat(items.get(2).phase()).isEqualTo(new RunPhase.Queued(3));
        assertThat(queue.queuedCountProperty().get()).isEqualTo(1);

        queue.stopAll("the desk was closed during the run");
        assertThat(items.get(0).cancellation().effect()).isEqualTo(adreview.review.Cancellation.Effect.FAIL);
        assertThat(items.get(1).cancellation().effect()).isEqualTo(adreview.review.Cancellation.Effect.FAIL);
        assertThat(items.get(2).isFinished()).isTrue(); // the queued one is dropped at once
        runner.permits.release(1000);
        ui.drainUntil(() -> items.stream().allMatch(RunItem::isFinished));
        assertThat(items.get(0).awaitWorkEnded(5_000)).isTrue();
        assertThat(items.get(1).awaitWorkEnded(5_000)).isTrue();
        assertThat(queue.running()).isEmpty();
        assertThat(queue.currentProperty().get()).isNull();
        assertThat(queue.runningProperty().get()).isFalse();
        assertThat(runner.started).hasSize(2);
    }

    @Test
    void whenTheShownRunEndsThePanelMovesOnToOneStillRunning() throws Exception {
        worker.setParallelism(2);
        runner.tokens = 500;
        List<RunItem> items = queue.enqueue(StageKind.STAGE1, List.of(variant("x"), variant("y")), RunOptions.pipeline());
        ui.drainUntil(() -> queue.running().size() == 2);
        RunItem shown = queue.currentProperty().get();
        RunItem other = shown == items.get(0) ? items.get(1) : items.get(0);
        queue.cancel(shown);
        // One step at a time, shared by both runs: the cancelled one notices at its first token, the other writes on.
        while (!shown.isFinished()) {
            runner.permits.release();
            ui.drainUntil(() -> runner.permits.availablePermits() == 0 || shown.isFinished());
        }
        assertThat(other.isFinished()).isFalse();
        assertThat(queue.currentProperty().get()).isSameAs(other);
        queue.cancelAll();
        runner.permits.release(1000);
        ui.drainUntil(other::isFinished);
        assertThat(queue.currentProperty().get()).isNull();
    }
}

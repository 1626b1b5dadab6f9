package adreview.ui.review;

import adreview.desk.ListedVariant;
import adreview.review.Cancellation;
import adreview.review.RunOutcome;
import adreview.review.RunPhase;
import adreview.review.RunRequest;
import adreview.review.prompt.Prompt;
import adreview.review.structured.TokenVocabulary;
import adreview.ui.concurrent.TaskExecutor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The run queue against the real review service and database, with a model the test paces: phases in turn,
 * streaming, coalescing, cancel, order, batches with refusals and failures, closing the desk.
 */
class RunQueueViewModelTest {

    static PacedModel model;
    static ReviewWorld world;

    private final UiQueue ui = new UiQueue();
    private TaskExecutor executor;
    private RunQueueViewModel queue;

    @BeforeAll
    static void start() {
        model = new PacedModel(TokenVocabulary.load(adreview.llava.Fixtures.tinyModel()));
        world = new ReviewWorld(model);
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    @BeforeEach
    void newQueue() {
        model.paced = true;
        model.permits.drainPermits();
        model.tokensWritten.set(0);
        model.images.clear();
        executor = new TaskExecutor(2, ui);
        queue = new RunQueueViewModel(executor);
        queue.connect(world.service);
    }

    @AfterEach
    void finish() throws Exception {
        model.unpace();
        ui.drainUntil(() -> !queue.runningProperty().get());
        executor.close();
    }

    private static Function<ListedVariant, RunRequest> pipeline(Prompt.Stage stage) {
        return v -> RunRequest.pipeline(stage, v.row().variantId());
    }

    private static ListedVariant eligible(Prompt.Stage stage, String image) {
        UUID id = stage == Prompt.Stage.STAGE1 ? world.variant(image, "img_gen", "done")
                : world.variant(image, "overlay", "done");
        return world.listed(id);
    }

    @Test
    void aRunShowsEachPhaseInTurnStreamsTheAnswerAndStoresItsTrace() throws Exception {
        ListedVariant v = eligible(Prompt.Stage.STAGE1, "ad_landscape.png");
        RunItem item = queue.enqueue(Prompt.Stage.STAGE1, false, List.of(v), pipeline(Prompt.Stage.STAGE1)).get(0);
        assertThat(queue.runningProperty().get()).isTrue();

        ui.drainUntil(() -> item.state() instanceof RunState.Working w && w.phase() == RunPhase.LOADING_MODEL);
        assertThat(queue.currentProperty().get()).isSameAs(item);
        assertThat(queue.phaseTextProperty().get()).contains("Loading the model… 50 %").contains("shard 1 of 2");
        assertThat(queue.progressProperty().get()).isEqualTo(0.5);

        model.permits.release(); // loaded; the service measures, prepares the image, the model reads the prompt
        ui.drainUntil(() -> item.state() instanceof RunState.Working w && w.phase() == RunPhase.READING_PROMPT);
        assertThat(queue.phaseTextProperty().get()).endsWith("Reading the prompt…");
        assertThat(world.state(v.row().variantId())).isEqualTo("vlm_analyze/running");

        model.permits.release(); // the first token
        ui.drainUntil(() -> item.state() instanceof RunState.Writing w && w.count() == 1);
        assertThat(queue.phaseTextProperty().get()).endsWith("Writing token 1 of at most 512");
        String first = queue.answerTextProperty().get();
        assertThat(first).isNotEmpty();

        model.permits.release();
        ui.drainUntil(() -> item.state() instanceof RunState.Writing w && w.count() == 2);
        assertThat(queue.answerTextProperty().get()).startsWith(first).hasSizeGreaterThan(first.length());

        model.unpace();
        ui.drainUntil(item::isFinished);
        assertThat(item.outcome()).isInstanceOf(RunOutcome.Done.class);
        assertThat(item.state()).isInstanceOf(RunState.Done.class);
        assertThat(item.answerText().strip()).startsWith("{");
        assertThat(item.firstTokenMillis()).isGreaterThanOrEqualTo(0);
        assertThat(queue.currentProperty().get()).isNull();
        assertThat(queue.lastFinishedProperty().get()).isSameAs(item);
        assertThat(world.state(v.row().variantId())).isEqualTo("vlm_analyze/done");
        assertThat(world.db.count("vlm_traces", "job_variants_id = ?", v.row().variantId())).isEqualTo(1);
    }

    @Test
    void manyTokensBetweenTwoUiTurnsBecomeOneUiUpdate() throws Exception {
        ListedVariant v = eligible(Prompt.Stage.STAGE2, "ad_landscape.png");
        model.unpace();
        RunItem item = queue.enqueue(Prompt.Stage.STAGE2, false, List.of(v), pipeline(Prompt.Stage.STAGE2)).get(0);
        // Nobody drains while the model writes its whole answer: the posts coalesce.
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!(executor.pending() == 0) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        ui.drainUntil(item::isFinished);
        assertThat(model.tokensWritten.get()).isGreaterThan(20);
        assertThat(ui.executedCount()).isLessThan(12); // started, a few coalesced updates, finished
    }

    @Test
    void escStopsTheRunWithinOneTokenPutsTheVariantBackAndKeepsTheCallInTheHistory() throws Exception {
        ListedVariant v = eligible(Prompt.Stage.STAGE1, "ad_portrait.png");
        RunItem item = queue.enqueue(Prompt.Stage.STAGE1, false, List.of(v), pipeline(Prompt.Stage.STAGE1)).get(0);
        model.permits.release(2 + 4); // loaded, prompt read, then four tokens written
        ui.drainUntil(() -> item.state() instanceof RunState.Writing w && w.count() == 5);

        assertThat(queue.cancelCurrent()).isTrue();
        assertThat(queue.phaseTextProperty().get()).startsWith("Cancelling");
        model.permits.release(1);
        ui.drainUntil(item::isFinished);

        assertThat(item.outcome()).isInstanceOf(RunOutcome.Cancelled.class);
        assertThat(item.state()).isInstanceOf(RunState.Cancelled.class);
        assertThat(model.tokensWritten.get()).isEqualTo(5);
        assertThat(world.state(v.row().variantId())).isEqualTo("img_gen/done");
        assertThat(((RunOutcome.Cancelled) item.outcome()).trace()).isNotNull(); // never lose a trace
    }

    @Test
    void requestsQueueInOrderAndAWaitingOneCanBeCancelledBeforeItStarts() throws Exception {
        ListedVariant a = eligible(Prompt.Stage.STAGE1, "ad_landscape.png");
        ListedVariant b = eligible(Prompt.Stage.STAGE2, "ad_portrait.png");
        ListedVariant c = world.listed(world.variant("ad_rgba.png", "ocr_eval", "done"));
        List<RunItem> items = new ArrayList<>();
        items.addAll(queue.enqueue(Prompt.Stage.STAGE1, false, List.of(a), pipeline(Prompt.Stage.STAGE1)));
        items.addAll(queue.enqueue(Prompt.Stage.STAGE2, false, List.of(b), pipeline(Prompt.Stage.STAGE2)));
        items.addAll(queue.enqueue(Prompt.Stage.STAGE1, true, List.of(c),
                x -> RunRequest.rejudge(Prompt.Stage.STAGE1, x.row().variantId(), "kim", "copy edited")));
        ui.drainUntil(() -> queue.currentProperty().get() == items.get(0));

        assertThat(items.get(1).state()).isEqualTo(new RunState.Queued(2));
        assertThat(items.get(2).state()).isEqualTo(new RunState.Queued(3));
        assertThat(queue.queuedCountProperty().get()).isEqualTo(2);

        queue.cancel(items.get(1));
        assertThat(items.get(1).state()).isInstanceOf(RunState.Cancelled.class);
        assertThat(items.get(2).state()).isEqualTo(new RunState.Queued(2));

        model.unpace();
        ui.drainUntil(() -> items.get(2).isFinished());

        assertThat(model.images).extracting(p -> p.getFileName().toString()).containsExactly("ad_landscape.png", "ad_rgba.png");
        assertThat(items.get(0).outcome()).isInstanceOf(RunOutcome.Done.class);
        assertThat(items.get(2).outcome()).isInstanceOf(RunOutcome.Done.class);
        assertThat(((RunOutcome.Done) items.get(2).outcome()).trace().request().path("reviewer").asText()).isEqualTo("kim");
        assertThat(world.state(c.row().variantId())).isEqualTo("ocr_eval/done"); // a re-judge changes no state
        assertThat(world.state(b.row().variantId())).isEqualTo("overlay/done");
    }

    @Test
    void oneFailureDoesNotStopABatch() throws Exception {
        List<ListedVariant> batch = List.of(eligible(Prompt.Stage.STAGE1, "ad_landscape.png"),
                eligible(Prompt.Stage.STAGE1, "fail.png"), eligible(Prompt.Stage.STAGE1, "ad_rgba.png"),
                eligible(Prompt.Stage.STAGE1, "ad_gray.png"));
        model.unpace();
        List<RunItem> items = queue.enqueue(Prompt.Stage.STAGE1, false, batch, pipeline(Prompt.Stage.STAGE1));
        assertThat(queue.batchSummaryProperty().get()).isEqualTo("Batch Stage 1: 0 of 4 finished");

        ui.drainUntil(() -> items.stream().allMatch(RunItem::isFinished));

        assertThat(items.get(1).outcome()).isInstanceOf(RunOutcome.Failed.class);
        assertThat(items.get(1).state().describe()).isEqualTo("Failed: the engine failed on fail.png");
        assertThat(world.state(batch.get(1).row().variantId())).isEqualTo("vlm_analyze/failed");
        assertThat(items.get(3).outcome()).isInstanceOf(RunOutcome.Done.class);
        assertThat(queue.batchSummaryProperty().get()).isEqualTo("Batch Stage 1: 4 of 4 finished · 3 done · 1 failed");
        assertThat(items.get(0).batch()).isSameAs(items.get(3).batch());
    }

    @Test
    void cancelAllDropsTheWaitingAndStopsTheRunning() throws Exception {
        List<ListedVariant> batch = List.of(eligible(Prompt.Stage.STAGE1, "ad_landscape.png"),
                eligible(Prompt.Stage.STAGE1, "ad_portrait.png"), eligible(Prompt.Stage.STAGE1, "ad_rgba.png"));
        List<RunItem> items = queue.enqueue(Prompt.Stage.STAGE1, false, batch, pipeline(Prompt.Stage.STAGE1));
        model.permits.release(3);
        ui.drainUntil(() -> items.get(0).state() instanceof RunState.Writing);

        queue.cancelAll();
        model.permits.release(1);
        ui.drainUntil(() -> items.stream().allMatch(RunItem::isFinished));

        assertThat(items).allSatisfy(i -> assertThat(i.state()).isInstanceOf(RunState.Cancelled.class));
        assertThat(model.images).hasSize(1);
        assertThat(queue.batchSummaryProperty().get()).endsWith("3 of 3 finished · 3 cancelled");
        assertThat(batch).allSatisfy(v -> assertThat(world.state(v.row().variantId())).isEqualTo("img_gen/done"));
    }

    @Test
    void aBatchRunsTheEligibleVariantsAndListsTheRefusedOnesWithTheirStates() throws Exception {
        ListedVariant ok1 = eligible(Prompt.Stage.STAGE1, "ad_landscape.png");
        ListedVariant past = world.listed(world.variant("ad_portrait.png", "ocr_eval", "done"));
        ListedVariant ok2 = world.listed(world.variant("ad_rgba.png", "vlm_analyze", "failed"));
        ListedVariant busy = world.listed(world.variant("ad_gray.png", "yolo_detect", "running"));
        model.unpace();
        List<RunItem> queued = queue.enqueue(Prompt.Stage.STAGE1, false, List.of(ok1, past, ok2, busy),
                pipeline(Prompt.Stage.STAGE1));
        assertThat(queued).extracting(RunItem::variant).containsExactly(ok1, ok2);
        ui.drainUntil(() -> queued.stream().allMatch(RunItem::isFinished));
        Batch batch = queued.get(0).batch();
        assertThat(batch.done()).isEqualTo(2);
        assertThat(batch.refused()).isEqualTo(2);
        assertThat(batch.refusedStates()).hasSize(2).anySatisfy(s -> assertThat(s).endsWith("(ocr_eval/done)"))
                .anySatisfy(s -> assertThat(s).endsWith("(yolo_detect/running)"));
        assertThat(world.state(past.row().variantId())).isEqualTo("ocr_eval/done");
        assertThat(world.state(busy.row().variantId())).isEqualTo("yolo_detect/running");
        // A re-judge of the same selection runs them all: it changes no state.
        List<RunItem> rejudged = queue.enqueue(Prompt.Stage.STAGE1, true, List.of(past, busy),
                v -> RunRequest.rejudge(Prompt.Stage.STAGE1, v.row().variantId(), "qa", null));
        assertThat(rejudged).hasSize(2);
        ui.drainUntil(() -> rejudged.stream().allMatch(RunItem::isFinished));
        assertThat(rejudged).allSatisfy(i -> assertThat(i.outcome()).isInstanceOf(RunOutcome.Done.class));
        assertThat(world.state(busy.row().variantId())).isEqualTo("yolo_detect/running");
    }

    @Test
    void closingTheDeskStopsTheRunningItemAsFailedAndDropsTheQueue() throws Exception {
        ListedVariant a = eligible(Prompt.Stage.STAGE2, "ad_landscape.png");
        ListedVariant b = eligible(Prompt.Stage.STAGE2, "ad_portrait.png");
        List<RunItem> items = queue.enqueue(Prompt.Stage.STAGE2, false, List.of(a, b), pipeline(Prompt.Stage.STAGE2));
        model.permits.release(3); // loaded, prompt read, first token
        ui.drainUntil(() -> items.get(0).state() instanceof RunState.Writing);
        List<RunItem> stopping = queue.stopAll("the desk was closed during the run");
        assertThat(stopping).containsExactly(items.get(0));
        RunItem stopped = stopping.get(0);
        assertThat(stopped.cancellation().effect()).isEqualTo(Cancellation.Effect.FAIL);
        assertThat(items.get(1).isFinished()).isTrue(); // the queued one is dropped at once
        model.permits.release(10);
        ui.drainUntil(stopped::isFinished);
        assertThat(world.state(a.row().variantId())).isEqualTo("vlm_judge/failed");
        assertThat(world.state(b.row().variantId())).isEqualTo("overlay/done");
        assertThat(world.db.query("SELECT response->>'error' FROM vlm_traces WHERE job_variants_id = ?", a.row().variantId()))
                .contains("the desk was closed during the run");
    }

    @Test
    void aParallelLaneRunsSeveralAtOnceAndStoppingTheDeskStopsEveryOne() throws Exception {
        executor.setModelParallelism(2); // a server backend with concurrency 2
        List<ListedVariant> batch = List.of(eligible(Prompt.Stage.STAGE1, "ad_landscape.png"),
                eligible(Prompt.Stage.STAGE1, "ad_portrait.png"), eligible(Prompt.Stage.STAGE1, "ad_rgba.png"));
        List<RunItem> items = queue.enqueue(Prompt.Stage.STAGE1, false, batch, pipeline(Prompt.Stage.STAGE1));
        ui.drainUntil(() -> queue.running().size() == 2);
        assertThat(queue.running()).containsExactlyInAnyOrder(items.get(0), items.get(1));
        assertThat(items.subList(0, 2)).contains(queue.currentProperty().get());
        assertThat(items.get(2).state()).isEqualTo(new RunState.Queued(3));
        assertThat(queue.queuedCountProperty().get()).isEqualTo(1);
        // One step at a time, shared by both runs, until both write (each: loaded, prompt read, first token).
        java.util.function.BooleanSupplier bothWriting = () -> items.get(0).state() instanceof RunState.Writing
                && items.get(1).state() instanceof RunState.Writing;
        for (int steps = 0; !bothWriting.getAsBoolean() && steps < 200; steps++) {
            model.permits.release();
            ui.drainUntil(() -> model.permits.availablePermits() == 0 || bothWriting.getAsBoolean());
            ui.drainUntilQuiet(java.time.Duration.ofMillis(100));
        }
        assertThat(bothWriting.getAsBoolean()).isTrue();

        queue.stopAll("the desk was closed during the run");
        assertThat(items.get(0).cancellation().effect()).isEqualTo(Cancellation.Effect.FAIL);
        assertThat(items.get(1).cancellation().effect()).isEqualTo(Cancellation.Effect.FAIL);
        assertThat(items.get(2).isFinished()).isTrue(); // the queued one is dropped at once
        model.unpace();
        ui.drainUntil(() -> items.stream().allMatch(RunItem::isFinished));
        assertThat(items.get(0).awaitWorkEnded(5_000)).isTrue();
        assertThat(items.get(1).awaitWorkEnded(5_000)).isTrue();
        assertThat(queue.running()).isEmpty();
        assertThat(queue.currentProperty().get()).isNull();
        assertThat(queue.runningProperty().get()).isFalse();
        // Both stopped runs are recorded as failed with a trace; the dropped one never touched its variant.
        for (int i = 0; i < 2; i++) {
            UUID id = batch.get(i).row().variantId();
            assertThat(world.state(id)).isEqualTo("vlm_analyze/failed");
            assertThat(world.db.count("vlm_traces", "job_variants_id = ?", id)).isEqualTo(1);
        }
        assertThat(world.state(batch.get(2).row().variantId())).isEqualTo("img_gen/done");
    }

    @Test
    void whenTheShownRunEndsThePanelMovesOnToOneStillRunning() throws Exception {
        executor.setModelParallelism(2);
        List<ListedVariant> pair = List.of(eligible(Prompt.Stage.STAGE1, "ad_landscape.png"),
                eligible(Prompt.Stage.STAGE1, "ad_portrait.png"));
        List<RunItem> items = queue.enqueue(Prompt.Stage.STAGE1, false, pair, pipeline(Prompt.Stage.STAGE1));
        ui.drainUntil(() -> queue.running().size() == 2);
        RunItem shown = queue.currentProperty().get();
        RunItem other = shown == items.get(0) ? items.get(1) : items.get(0);
        queue.cancel(shown);
        // One step at a time, shared by both runs: the cancelled one notices at its next step, the other goes on.
        while (!shown.isFinished()) {
            model.permits.release();
            ui.drainUntil(() -> model.permits.availablePermits() == 0 || shown.isFinished());
        }
        assertThat(other.isFinished()).isFalse();
        assertThat(queue.currentProperty().get()).isSameAs(other);
        queue.cancelAll();
        model.unpace();
        ui.drainUntil(other::isFinished);
        assertThat(queue.currentProperty().get()).isNull();
    }
}

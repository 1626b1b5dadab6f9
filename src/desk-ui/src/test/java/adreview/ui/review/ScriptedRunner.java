package adreview.ui.review;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * A {@link StageRunner} that behaves like the engine as the queue sees it (load, prepare, prefill, tokens that
 * check the cancel flag before each one) but is paced by the test: after every step it waits for a permit.
 * The queue's state machine is what is under test here, not the model.
 */
final class ScriptedRunner implements StageRunner {

    final Semaphore permits = new Semaphore(0);
    final List<RunRequest> started = new CopyOnWriteArrayList<>();
    final AtomicInteger tokensWritten = new AtomicInteger();
    final Set<String> failingLabels = ConcurrentHashMap.newKeySet();
    volatile int tokens = 3;
    volatile boolean paced = true;
    /** When set, the tokens' text (one piece per token) instead of "t1 t2 …"; the answer returned is {@code answer}. */
    volatile List<String> script;
    volatile StageAnswer answer;
    /** Called after a successful run, as the review service would store a trace. */
    volatile java.util.function.Consumer<RunRequest> onDone = r -> { };

    @Override
    public RunOutcome run(RunRequest request, ProgressSink progress, BooleanSupplier cancelled) throws Exception {
        started.add(request);
        progress.loadingModel(0.5, "shard 1 of 2");
        step();
        progress.preparingImage();
        step();
        if (failingLabels.contains(request.variant().label())) {
            throw new IllegalStateException("image file missing for variant " + request.variant().label());
        }
        progress.readingPrompt();
        step();
        List<String> pieces = script;
        int n = pieces == null ? tokens : pieces.size();
        for (int i = 1; i <= n; i++) {
            if (cancelled.getAsBoolean()) {
                return new RunOutcome.Cancelled();
            }
            progress.token(i, 512, pieces == null ? "t" + i + " " : pieces.get(i - 1));
            tokensWritten.incrementAndGet();
            step();
        }
        onDone.accept(request);
        StageAnswer a = answer;
        return new RunOutcome.Done(a != null ? a : new StageAnswer.Stage1Answer(true, true, 0.8, "fits", List.of(), List.of(),
                new StageAnswer.FontAdvice("bold", "large", "light")), null, 1234);
    }

    private void step() throws InterruptedException {
        if (paced) {
            permits.acquire();
        }
    }
}

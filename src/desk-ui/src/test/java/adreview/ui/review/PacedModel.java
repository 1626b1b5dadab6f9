package adreview.ui.review;

import adreview.llava.generate.TokenConstraint;
import adreview.review.ReviewModel;
import adreview.review.RunListener;
import adreview.review.RunPhase;
import adreview.review.structured.TokenVocabulary;

import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * A model the test paces, over the real tokenizer's vocabulary: it loads (half way, "shard 1 of 2"), then writes
 * random tokens that the real schema constraint allows, and after each step waits for a permit from the test. The
 * queue and the review side are under test here, with the real review service and database around them; the
 * model's numerics are not. An image whose file name contains "fail" makes it fail as a broken engine would.
 */
final class PacedModel implements ReviewModel {

    // Fair: with two runs in the model at once, each released permit goes to the run that waited longest, so a
    // test stepping one permit at a time moves both runs alternately instead of letting one barge to its end.
    final Semaphore permits = new Semaphore(0, true);
    final AtomicInteger tokensWritten = new AtomicInteger();
    final List<Path> images = new CopyOnWriteArrayList<>();
    volatile boolean paced = true;
    private final TokenVocabulary vocab;

    PacedModel(TokenVocabulary vocab) {
        this.vocab = vocab;
    }

    @Override
    public ModelInfo info() {
        return new ModelInfo("paced", "fp32", "cpu", "pad");
    }

    @Override
    public TokenVocabulary vocabulary() {
        return vocab;
    }

    @Override
    public void prepare(RunListener listener) {
        listener.phase(RunPhase.LOADING_MODEL, 0.5, "shard 1 of 2");
        step();
    }

    @Override
    public Generation generate(Path image, String prompt, TokenConstraint constraint, int maxNewTokens,
                               RunListener listener, BooleanSupplier cancelled) {
        images.add(image);
        step();
        if (image.getFileName().toString().contains("fail")) {
            throw new ModelException("the engine failed on " + image.getFileName(), "", null);
        }
        Random r = new Random(prompt.hashCode());
        int[] ids = new int[maxNewTokens];
        int n = 0;
        while (n < maxNewTokens && (constraint == null || !constraint.isComplete())) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("cancelled at token " + n);
            }
            BitSet allowed = constraint.allowedNext();
            int k = r.nextInt(allowed.cardinality());
            int pick = allowed.nextSetBit(0);
            for (int i = 0; i < k; i++) {
                pick = allowed.nextSetBit(pick + 1);
            }
            constraint.accept(pick);
            ids[n++] = pick;
            tokensWritten.incrementAndGet();
            listener.token(n, maxNewTokens, vocab.decode(ids, n));
            step();
        }
        return new Generation(vocab.decode(ids, n).strip(), n, "constraint_complete");
    }

    private void step() {
        if (paced) {
            try {
                permits.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted");
            }
        }
    }

    /** Lets the model run freely from now on. */
    void unpace() {
        paced = false;
        permits.release(100_000);
    }
}

package adreview.review;

import adreview.llava.generate.TokenConstraint;
import adreview.review.structured.TokenVocabulary;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * A stand-in language model for the service tests while the engine's generation is not merged:
 * uniformly random logits over the real Llama vocabulary (the tiny fixture model's words are random
 * too), greedy choice among the tokens the constraint allows, the image decoded with ImageIO so a
 * corrupt file fails like it would in the engine. The review logic under test (states, traces,
 * transactions, cancellation) is the same whichever model writes the tokens.
 */
public final class RandomLogitsModel implements ReviewModel {

    private final TokenVocabulary vocab;
    private final long seed;
    final AtomicInteger calls = new AtomicInteger();

    public RandomLogitsModel(TokenVocabulary vocab, long seed) {
        this.vocab = vocab;
        this.seed = seed;
    }

    @Override
    public ModelInfo info() {
        return new ModelInfo("random-logits", "fp32", "cpu", "clip_slow");
    }

    @Override
    public TokenVocabulary vocabulary() {
        return vocab;
    }

    @Override
    public synchronized Generation generate(Path image, String prompt, TokenConstraint constraint, int maxNewTokens,
                                            RunListener listener, BooleanSupplier cancelled) {
        calls.incrementAndGet();
        listener.phase(RunPhase.PREPARING_IMAGE, -1, null);
        BufferedImage img;
        try {
            img = ImageIO.read(image.toFile());
        } catch (IOException e) {
            throw new ModelException("Cannot read image " + image + ": " + e.getMessage(), "", e);
        }
        if (img == null) {
            throw new ModelException("Cannot decode image " + image + ": not a PNG/JPEG image", "", null);
        }
        Random r = new Random(seed ^ prompt.hashCode());
        StringBuilder free = new StringBuilder();
        int n = 0;
        int[] ids = new int[maxNewTokens];
        while (n < maxNewTokens) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("cancelled at token " + n);
            }
            int pick;
            if (constraint != null) {
                if (constraint.isComplete()) {
                    break;
                }
                BitSet allowed = constraint.allowedNext();
                int k = r.nextInt(allowed.cardinality());
                pick = allowed.nextSetBit(0);
                for (int i = 0; i < k; i++) {
                    pick = allowed.nextSetBit(pick + 1);
                }
                constraint.accept(pick);
            } else {
                do {
                    pick = 3 + r.nextInt(vocab.size() - 3);
                } while (vocab.bytes(pick) == null);
                if (n == 40) {
                    break; // free text: a short ramble, no JSON
                }
            }
            ids[n++] = pick;
            listener.token(n, maxNewTokens, vocab.decode(ids, n));
        }
        return new Generation(vocab.decode(ids, n).strip(), n, constraint != null ? "constraint_complete" : "max_tokens");
    }
}

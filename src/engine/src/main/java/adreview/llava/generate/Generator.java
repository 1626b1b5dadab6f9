package adreview.llava.generate;

import adreview.llava.Generation;
import adreview.llava.GenerationException;
import adreview.llava.GenerationRequest;
import adreview.llava.GenerationTimings;
import adreview.llava.LlavaModel;
import adreview.llava.MemoryProbe;
import adreview.llava.StopReason;
import adreview.llava.TokenListener;
import adreview.llava.image.ClipImageProcessor;
import adreview.llava.net.KvCache;
import adreview.llava.net.LlavaNetwork;
import adreview.llava.net.Logits;
import adreview.llava.text.LlavaTokenizer;
import adreview.llava.text.StreamingDecoder;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;

import java.util.Arrays;
import java.util.BitSet;
import java.util.function.BooleanSupplier;

/**
 * One greedy generation. Every step runs inside its own {@link NDScope}, so its temporaries are freed when the step
 * ends; the KV cache is allocated once for prompt + max new tokens and written in place. The next token is the
 * logits' argmax, found where the logits are (on a GPU one number comes back per token); the whole row comes to the
 * host only when the token constraint forbids that argmax and must choose among the ids it allows.
 */
public final class Generator {
    private final LlavaNetwork network;
    private final LlavaTokenizer tokenizer;
    private final ClipImageProcessor imageProcessor;

    public Generator(LlavaNetwork network, LlavaTokenizer tokenizer, ClipImageProcessor imageProcessor) {
        this.network = network;
        this.tokenizer = tokenizer;
        this.imageProcessor = imageProcessor;
    }

    public Generation generate(GenerationRequest request) throws GenerationException {
        long t0 = System.nanoTime();
        float[] pixels;
        try {
            pixels = imageProcessor.process(request.image(), request.imageMode());
        } catch (RuntimeException e) {
            throw new GenerationException("the image could not be prepared: " + e.getMessage(), e);
        }
        long[] ids = promptIds(request.prompt());
        double preprocessMs = (System.nanoTime() - t0) / 1e6;
        return run(ids, pixels, request.maxNewTokens(), request.constraint(), request.listener(), request.cancelled(),
                preprocessMs);
    }

    /** BOS + the prompt template's ids with the one {@code <image>} id expanded to the image's feature count. */
    public long[] promptIds(String prompt) throws GenerationException {
        long[] raw = tokenizer.encode(LlavaModel.promptText(prompt), true);
        int image = tokenizer.imageTokenId();
        int at = -1;
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == image) {
                if (at >= 0) {
                    throw new GenerationException("the prompt contains the text <image>, which is reserved for the"
                            + " picture; remove it from the prompt");
                }
                at = i;
            }
        }
        int n = network.config().imageSeqLength();
        long[] ids = new long[raw.length - 1 + n];
        System.arraycopy(raw, 0, ids, 0, at);
        Arrays.fill(ids, at, at + n, image);
        System.arraycopy(raw, at + 1, ids, at + n, raw.length - at - 1);
        return ids;
    }

    /**
     * Generates from prompt ids (image ids already expanded) and normalised pixels [3, S, S]. Public for the
     * benchmark, which feeds synthetic prompts.
     */
    public Generation run(long[] ids, float[] pixels, int maxNewTokens, TokenConstraint constraint,
                          TokenListener listener, BooleanSupplier cancelled, double preprocessMs)
            throws GenerationException {
        int capacity = ids.length + maxNewTokens;
        if (capacity > network.language().maxPositions()) {
            throw new GenerationException("prompt of " + ids.length + " tokens plus " + maxNewTokens
                    + " new tokens exceeds the model's " + network.language().maxPositions() + " positions;"
                    + " shorten the prompt or lower max new tokens");
        }
        int imageStart = indexOf(ids, network.config().imageTokenIndex());
        int eos = tokenizer.eosTokenId();
        int[] chosen = new int[maxNewTokens];
        int count = 0;
        StopReason reason = StopReason.MAX_NEW_TOKENS;
        StreamingDecoder stream = tokenizer.streamingDecoder();
        StringBuilder text = new StringBuilder();
        double visionMs;
        double prefillMs;
        long decodeStart;
        NDManager manager = network.manager();
        MemoryProbe memory = new MemoryProbe(network.device());
        long kvBytes;
        try (NDManager generation = manager.newSubManager(); KvCache cache = network.newCache(capacity)) {
            int id;
            long t1 = System.nanoTime();
            try (NDScope scope = new NDScope()) {
                NDArray features = null;
                if (imageStart >= 0) {
                    NDArray px = generation.create(pixels, new Shape(3, pixels.length / 3 / side(pixels), side(pixels)));
                    features = network.imageFeatures(px);
                    features.toFloatArray(); // synchronise so the vision time is measured, not deferred
                }
                long t2 = System.nanoTime();
                visionMs = (t2 - t1) / 1e6;
                NDArray embeds = network.promptEmbeddings(generation.create(ids), features, imageStart);
                NDArray hidden = network.language().forward(embeds, cache);
                Logits first = network.language().lastLogits(hidden);
                requireFinite(first.toFloatArray(), 0); // once per run: the whole row, to catch damaged weights early
                id = pick(first, constraint);
                prefillMs = (System.nanoTime() - t2) / 1e6;
            }
            kvBytes = cache.bytes();
            memory.sample();
            decodeStart = System.nanoTime();
            while (true) {
                if (cancelled != null && cancelled.getAsBoolean()) {
                    reason = StopReason.CANCELLED;
                    break;
                }
                if (constraint != null) {
                    constraint.accept(id);
                }
                chosen[count++] = id;
                text.append(stream.accept(id));
                if (listener != null) {
                    listener.onToken(count - 1, id, text.toString());
                }
                if (id == eos) {
                    reason = StopReason.EOS;
                    break;
                }
                if (constraint != null && constraint.isComplete()) {
                    reason = StopReason.CONSTRAINT_COMPLETE;
                    break;
                }
                if (count == maxNewTokens) {
                    reason = StopReason.MAX_NEW_TOKENS;
                    break;
                }
                try (NDScope scope = new NDScope()) {
                    Logits next = network.language().decode(id, cache);
                    id = pick(next, constraint);
                    // Per token only the chosen logit is checked: argmax on a device picks a NaN when there is one.
                    requireFinite(next.valueAt(id), count);
                }
                if (count % MemoryProbe.EVERY_TOKENS == 0) {
                    memory.sample();
                }
            }
            memory.sample();
        } catch (EngineException e) {
            throw new GenerationException("the engine failed during generation: " + firstLine(e.getMessage()), e);
        }
        double decodeMs = (System.nanoTime() - decodeStart) / 1e6;
        int[] tokenIds = Arrays.copyOf(chosen, count);
        long[] asLong = new long[count];
        for (int i = 0; i < count; i++) {
            asLong[i] = tokenIds[i];
        }
        String finalText = tokenizer.decode(asLong);
        return new Generation(finalText, tokenIds, reason,
                new GenerationTimings(preprocessMs, visionMs, prefillMs, decodeMs, ids.length, count),
                memory.report(network.residentWeightBytes(), kvBytes));
    }

    /**
     * Stops the run when the logits hold NaN or an infinity: weights full of NaN, or an overflow in a low precision,
     * would otherwise pick token 0 (argMax over NaN) again and again and end as a "done" answer of garbage.
     *
     * @param step how many tokens were generated before these logits (0: the prompt)
     */
    static void requireFinite(float[] logits, int step) throws GenerationException {
        for (float v : logits) {
            if (!Float.isFinite(v)) {
                throw new GenerationException("the model produced NaN/Inf " + (step == 0 ? "reading the prompt"
                        : "after " + step + " tokens") + "; its weights may be damaged (run `models verify`) or the"
                        + " precision too low for them (try --precision fp32)");
            }
        }
    }

    static void requireFinite(float chosen, int step) throws GenerationException {
        requireFinite(new float[] {chosen}, step);
    }

    /** The index of the highest value (the first of equal ones): greedy decoding's choice. */
    public static int argMax(float[] values) {
        return Logits.argMax(values);
    }

    /**
     * Greedy choice: the highest logit, among the constraint's allowed ids when there is a constraint. The argmax is
     * taken where the logits are; only when the constraint forbids it are all logits brought to the host. That is
     * the same choice as masking first: if the overall first highest id is allowed, no allowed id before it is as high.
     */
    static int pick(Logits logits, TokenConstraint constraint) throws GenerationException {
        BitSet allowed = constraint == null ? null : constraint.allowedNext();
        int top = logits.argMax();
        if (allowed == null || allowed.get(top)) {
            return top;
        }
        return pick(logits.toFloatArray(), allowed);
    }

    /** The highest logit among the allowed ids. */
    static int pick(float[] logits, BitSet allowed) throws GenerationException {
        if (allowed == null) {
            return argMax(logits);
        }
        int best = -1;
        for (int i = allowed.nextSetBit(0); i >= 0 && i < logits.length; i = allowed.nextSetBit(i + 1)) {
            if (best < 0 || logits[i] > logits[best]) {
                best = i;
            }
        }
        if (best < 0) {
            throw new GenerationException("the output constraint allows no token of the model's vocabulary");
        }
        return best;
    }

    private static int side(float[] pixels) {
        return (int) Math.round(Math.sqrt(pixels.length / 3.0));
    }

    private static int indexOf(long[] ids, int token) {
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == token) {
                return i;
            }
        }
        return -1;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}

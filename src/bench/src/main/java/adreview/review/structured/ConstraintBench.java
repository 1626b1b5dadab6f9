package adreview.review.structured;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * Measures what constrained decoding adds per generated token: {@code allowedNext()} + {@code accept}
 * over realistic Stage 1 and Stage 2 answers, tokenized longest-match with the model's vocabulary.
 * "Cold" starts each answer with an empty mask cache (first answer after start-up), "warm" reuses
 * the cache (every later answer). Call {@link #run(Path, int)} from a bench command or {@link #main}.
 */
public final class ConstraintBench {

    static final String STAGE1_ANSWER = " {\n  \"is_valid\": true,\n  \"image_quality_ok\": true,\n  \"relevance_score\": 0.85,\n"
            + "  \"analysis\": \"The image shows a steaming cup of coffee on a wooden table next to a croissant, which matches the ad copy "
            + "\\\"Start your morning right\\\" well. The lighting is warm and natural, the subject is sharp and centred, and there is "
            + "empty space in the upper third that suits a text overlay.\",\n"
            + "  \"issues\": [\"The background is slightly cluttered on the left side\", \"The cup handle is cut off at the edge\"],\n"
            + "  \"recommendations\": [\"Crop the left side to remove the clutter\", \"Place the headline in the empty upper third\", "
            + "\"Use a warm accent colour for the call to action\"],\n"
            + "  \"font_recommendation\": {\"style\": \"sans-serif\", \"size\": \"large\", \"color\": \"light\"}\n}";

    static final String STAGE2_ANSWER = " {\n  \"on_brief\": true,\n  \"occlusion\": false,\n  \"contrast_ok\": true,\n"
            + "  \"cta_present\": true,\n  \"analysis\": \"The headline sits in the empty upper third and does not cover the product. "
            + "White text on the dark wooden background is easy to read, and \\\"Order now\\\" is a clear call to action.\",\n"
            + "  \"issues\": [\"The small print at the bottom is hard to read\"]\n}";

    /** Mean microseconds per token, cold and warm, for one shape. */
    public record Result(String shape, int tokens, double coldMicros, long prewarmMillis, double afterPrewarmMicros,
                         double warmMicros, double warmMedianMicros, double warmP99Micros, int cachedMasks) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%-26s %4d tokens | cold %7.1f µs/token | prewarm %5d ms, then %6.1f µs/token"
                            + " | warm mean %6.2f, median %5.2f, p99 %6.2f µs/token (masks cached %d)", shape, tokens, coldMicros,
                    prewarmMillis, afterPrewarmMicros, warmMicros, warmMedianMicros, warmP99Micros, cachedMasks);
        }
    }

    public static List<Result> run(Path modelDir, int warmRepeats) {
        TokenVocabulary vocab = TokenVocabulary.load(modelDir);
        List<Result> out = new ArrayList<>();
        out.add(measure(AnswerShapes.stage1(), vocab, STAGE1_ANSWER, warmRepeats));
        out.add(measure(AnswerShapes.stage2(), vocab, STAGE2_ANSWER, warmRepeats));
        return out;
    }

    static Result measure(JsonShape shape, TokenVocabulary vocab, String answer, int warmRepeats) {
        CompiledSchema schema = new CompiledSchema(shape, vocab);
        int[] ids = tokenizeLongestMatch(vocab, answer);
        long t0 = System.nanoTime();
        feed(schema, ids);
        double cold = (System.nanoTime() - t0) / 1e3 / ids.length;
        CompiledSchema prewarmed = new CompiledSchema(shape, vocab);
        long p0 = System.nanoTime();
        prewarmed.prewarm(3);
        long prewarmMillis = (System.nanoTime() - p0) / 1_000_000;
        long p1 = System.nanoTime();
        feed(prewarmed, ids);
        double afterPrewarm = (System.nanoTime() - p1) / 1e3 / ids.length;
        for (int i = 0; i < 20; i++) {
            feed(schema, ids); // JIT warm-up
        }
        long total = 0;
        long[] times = new long[warmRepeats * ids.length];
        int n = 0;
        for (int r = 0; r < warmRepeats; r++) {
            SchemaConstraint c = schema.newConstraint(512);
            for (int id : ids) {
                long s = System.nanoTime();
                BitSet allowed = c.allowedNext();
                if (!allowed.get(id)) {
                    throw new IllegalStateException("bench answer rejected at token " + id + " after " + c.text());
                }
                c.accept(id);
                long d = System.nanoTime() - s;
                total += d;
                times[n++] = d;
            }
        }
        java.util.Arrays.sort(times);
        return new Result(shape.id(), ids.length, cold, prewarmMillis, afterPrewarm, total / 1e3 / times.length, times[times.length / 2] / 1e3,
                times[(int) (times.length * 0.99)] / 1e3, schema.cachedMasks());
    }

    private static void feed(CompiledSchema schema, int[] ids) {
        SchemaConstraint c = schema.newConstraint(512);
        for (int id : ids) {
            if (!c.allowedNext().get(id)) {
                throw new IllegalStateException("bench answer rejected at token " + id + " after " + c.text());
            }
            c.accept(id);
        }
        if (!c.isComplete()) {
            throw new IllegalStateException("bench answer incomplete: " + c.text());
        }
    }

    /** Greedy longest-match tokenization: close to what BPE gives, good enough for timing. */
    static int[] tokenizeLongestMatch(TokenVocabulary vocab, String text) {
        TokenTrie trie = TokenTrie.build(vocab);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        List<Integer> ids = new ArrayList<>();
        int pos = 0;
        while (pos < bytes.length) {
            int node = 0;
            int bestId = -1;
            int bestEnd = pos;
            for (int i = pos; i < bytes.length; i++) {
                int b = bytes[i] & 0xFF;
                int c = trie.firstChild[node];
                while (c != -1 && trie.label[c] != b) {
                    c = trie.nextSibling[c];
                }
                if (c == -1) {
                    break;
                }
                node = c;
                if (trie.tokenStart[c] < trie.tokenStart[c + 1]) {
                    bestId = trie.tokens[trie.tokenStart[c + 1] - 1]; // prefer the piece over the byte token
                    bestEnd = i + 1;
                }
            }
            ids.add(bestId);
            pos = bestEnd;
        }
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }

    public static void main(String[] args) {
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/fixtures/llava-tiny");
        for (Result r : run(dir, 200)) {
            System.out.println(r);
        }
    }
}

package adreview.review.structured;

import java.util.BitSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One answer shape bound to one vocabulary: the automaton, the token trie and a cache of token
 * masks shared by all generations. Most states differ only in how many bytes a string already
 * holds; {@link SchemaAutomaton#cacheKey} folds that away, so the inside of a string, a list, a
 * key, each has one cached mask (the adaptive mask cache idea of XGrammar, with the full automaton
 * state as key). A walk happens once per distinct key, then a mask costs one hash lookup.
 * Thread-safe; build one per (tokenizer, shape) and keep it.
 */
public final class CompiledSchema {

    private final JsonShape shape;
    private final SchemaAutomaton automaton;
    private final TokenVocabulary vocab;
    private final TokenTrie trie;
    private final ConcurrentHashMap<Long, Mask> cache = new ConcurrentHashMap<>();

    /**
     * A state's mask, and the same tokens grouped by the fewest bytes still needed after each
     * ({@code byNeed[i]} holds the tokens needing {@code minNeed + i}), so that a tight budget near
     * the end of an answer is an OR of a few cached groups instead of a new walk.
     */
    record Mask(BitSet allowed, int worstMinCompletion, int minNeed, BitSet[] byNeed) {
        BitSet within(int budget) {
            BitSet out = new BitSet();
            for (int i = 0; i < byNeed.length && minNeed + i <= budget; i++) {
                if (byNeed[i] != null) {
                    out.or(byNeed[i]);
                }
            }
            return out;
        }
    }

    public CompiledSchema(JsonShape shape, TokenVocabulary vocab) {
        this.shape = shape;
        this.automaton = shape.compile();
        this.vocab = vocab;
        this.trie = TokenTrie.build(vocab);
    }

    public JsonShape shape() {
        return shape;
    }

    public TokenVocabulary vocabulary() {
        return vocab;
    }

    SchemaAutomaton automaton() {
        return automaton;
    }

    /** Fewest tokens any complete answer needs (one byte token per byte). */
    public int minTokens() {
        return automaton.minCompletion(automaton.start());
    }

    /**
     * Fills the mask cache before the first real answer (the model's load time is a good moment):
     * decodes a few answers with pseudo-random choices, which visits the states an answer goes
     * through (keys, values, string bodies, escapes, multi-byte characters, lists). Returns the
     * number of cached masks.
     */
    public int prewarm(int answers) {
        for (int a = 0; a < answers; a++) {
            java.util.Random r = new java.util.Random(a);
            SchemaConstraint c = newConstraint(4096);
            while (!c.isComplete()) {
                BitSet allowed = c.allowedNext();
                int k = r.nextInt(allowed.cardinality());
                int pick = allowed.nextSetBit(0);
                for (int i = 0; i < k; i++) {
                    pick = allowed.nextSetBit(pick + 1);
                }
                c.accept(pick);
            }
        }
        return cache.size();
    }

    /** A new constraint for one generation of at most {@code maxNewTokens} tokens. */
    public SchemaConstraint newConstraint(int maxNewTokens) {
        return new SchemaConstraint(this, maxNewTokens);
    }

    private final java.util.concurrent.atomic.AtomicLong tightWalks = new java.util.concurrent.atomic.AtomicLong();

    /** How often a budget near its end cut a cached mask down. */
    long tightWalks() {
        return tightWalks.get();
    }

    int cachedMasks() {
        return cache.size();
    }

    /**
     * Tokens allowed from {@code state} when at most {@code budget} more bytes may follow each
     * token (every token is at least one byte, so bytes bound tokens). Uses the cache unless the
     * budget is so tight that it removes tokens the cached mask allows.
     */
    BitSet allowed(long state, int budget) {
        long key = automaton.cacheKey(state, trie.maxTokenBytes + 1);
        Mask m = cache.get(key);
        if (m == null) {
            m = walk(state, Integer.MAX_VALUE);
            cache.putIfAbsent(key, m);
        }
        if (m.worstMinCompletion() <= budget) {
            return m.allowed();
        }
        tightWalks.incrementAndGet();
        return m.within(budget);
    }

    /** The mask by a fresh walk under {@code budget} (tests compare the cached path against it). */
    BitSet allowedByWalk(long state, int budget) {
        return walk(state, budget).allowed();
    }

    private Mask walk(long state, int budget) {
        BitSet mask = new BitSet(vocab.size());
        int[] need = new int[vocab.size()];
        int[] worst = {0};
        walk(0, state, budget, mask, worst, need);
        int min = Integer.MAX_VALUE;
        for (int id = mask.nextSetBit(0); id >= 0; id = mask.nextSetBit(id + 1)) {
            min = Math.min(min, need[id]);
        }
        if (min == Integer.MAX_VALUE) {
            min = 0;
        }
        BitSet[] groups = new BitSet[worst[0] - min + 1];
        for (int id = mask.nextSetBit(0); id >= 0; id = mask.nextSetBit(id + 1)) {
            int g = need[id] - min;
            if (groups[g] == null) {
                groups[g] = new BitSet();
            }
            groups[g].set(id);
        }
        return new Mask(mask, worst[0], min, groups);
    }

    private void walk(int node, long state, int budget, BitSet mask, int[] worst, int[] needOf) {
        final TokenTrie t = trie;
        for (int c = t.firstChild[node]; c != -1; c = t.nextSibling[c]) {
            long next = automaton.step(state, t.label[c]);
            if (next == SchemaAutomaton.REJECT) {
                continue;
            }
            int from = t.tokenStart[c];
            int to = t.tokenStart[c + 1];
            if (from < to) {
                int need = automaton.minCompletion(next);
                if (need <= budget) {
                    for (int i = from; i < to; i++) {
                        mask.set(t.tokens[i]);
                        needOf[t.tokens[i]] = need;
                    }
                    if (need > worst[0]) {
                        worst[0] = need;
                    }
                }
            }
            if (t.firstChild[c] != -1) {
                walk(c, next, budget, mask, worst, needOf);
            }
        }
    }
}

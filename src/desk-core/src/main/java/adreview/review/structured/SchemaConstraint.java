package adreview.review.structured;

import adreview.llava.generate.TokenConstraint;

import java.util.BitSet;

/**
 * Keeps one generation inside a {@link JsonShape}: every allowed token keeps the text a prefix of a
 * conforming JSON object that can still be finished within the token budget, and EOS is allowed
 * only once the object is closed. Greedy decoding under this constraint always yields an answer that
 * parses. One instance per generation; not thread-safe.
 */
public final class SchemaConstraint implements TokenConstraint {

    private final CompiledSchema schema;
    private final SchemaAutomaton automaton;
    private final int maxNewTokens;
    private final BitSet eosOnly;
    private final java.io.ByteArrayOutputStream text = new java.io.ByteArrayOutputStream();
    private long state;
    private int consumed;

    SchemaConstraint(CompiledSchema schema, int maxNewTokens) {
        this.schema = schema;
        this.automaton = schema.automaton();
        this.state = automaton.start();
        if (maxNewTokens < automaton.minCompletion(state)) {
            throw new IllegalArgumentException("A " + schema.shape().id() + " answer needs at least "
                    + automaton.minCompletion(state) + " tokens; max new tokens is " + maxNewTokens);
        }
        this.maxNewTokens = maxNewTokens;
        this.eosOnly = new BitSet();
        eosOnly.set(schema.vocabulary().eosId());
    }

    @Override
    public BitSet allowedNext() {
        if (automaton.isComplete(state)) {
            return (BitSet) eosOnly.clone();
        }
        // Bytes left after the next token: each later token carries at least one byte.
        int budget = maxNewTokens - consumed - 1;
        return (BitSet) schema.allowed(state, budget).clone();
    }

    @Override
    public void accept(int tokenId) {
        if (automaton.isComplete(state)) {
            if (tokenId == schema.vocabulary().eosId()) {
                return;
            }
            throw new IllegalStateException("Token " + tokenId + " after the complete " + schema.shape().id() + " answer");
        }
        byte[] bytes = schema.vocabulary().bytes(tokenId);
        if (bytes == null) {
            throw new IllegalStateException("Special token " + tokenId + " is not allowed inside a " + schema.shape().id() + " answer");
        }
        long s = state;
        for (byte b : bytes) {
            s = automaton.step(s, b & 0xFF);
            if (s == SchemaAutomaton.REJECT) {
                throw new IllegalStateException("Token " + tokenId + " does not fit the " + schema.shape().id()
                        + " schema after: " + text());
            }
        }
        state = s;
        consumed++;
        text.writeBytes(bytes);
    }

    @Override
    public boolean isComplete() {
        return automaton.isComplete(state);
    }

    long state() {
        return state;
    }

    int budgetForNext() {
        return maxNewTokens - consumed - 1;
    }

    /** The answer text so far. */
    public String text() {
        return text.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    public int tokensAccepted() {
        return consumed;
    }
}

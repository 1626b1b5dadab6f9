package adreview.llava.generate;

import java.util.BitSet;

/**
 * Restricts which token ids greedy decoding may choose at each step (structured output).
 * The generator asks {@link #allowedNext()} before choosing a token, picks the highest-scoring
 * allowed id, and reports the choice with {@link #accept(int)}. A constraint is stateful and
 * serves one generation.
 */
public interface TokenConstraint {

    /** The token ids allowed at the next step; {@code null} means no restriction. Never empty. */
    BitSet allowedNext();

    /** Advances the constraint with the token the generator chose (always one of {@link #allowedNext()}). */
    void accept(int tokenId);

    /** True once the output is complete; the generator then stops with reason CONSTRAINT_COMPLETE. */
    boolean isComplete();
}

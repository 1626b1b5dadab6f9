package adreview.review.report;

import java.util.UUID;

/**
 * One variant of a comparison: each side's latest verdict and the current decision; null where there
 * is none.
 *
 * @param a        valid / invalid (pass / fail) of side A
 * @param b        the same of side B
 * @param reviewer accept, fix or reject
 */
public record ComparedVariant(UUID variantId, String tenant, String a, String b, String reviewer) {

    /** The two sides both have a verdict and say different things. */
    public boolean sidesDisagree() {
        return a != null && b != null && !a.equals(b);
    }

    /** The sides differ, or one of them contradicts the reviewer: worth opening. */
    public boolean worthALook(Pairing pairing) {
        return sidesDisagree() || reviewer != null && (a != null && !pairing.agrees(a, reviewer)
                || b != null && !pairing.agrees(b, reviewer));
    }
}

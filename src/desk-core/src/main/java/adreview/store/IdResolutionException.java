package adreview.store;

import java.util.List;
import java.util.UUID;

/**
 * A typed id that names no single row: not an id at all, too short a prefix, no row, or several rows. The message
 * is one sentence on one line, so that the CLI can print it as its one error line; an ambiguous prefix names its
 * candidates in it (whole ids with a few words each), and also carries them as values ({@link #candidates()}).
 */
public final class IdResolutionException extends StoreException {

    /** What was wrong with the id. */
    public enum Problem {
        /** Not hex digits with hyphens where a UUID has them, or more digits than a UUID. */
        MALFORMED,
        /** Fewer than {@link IdPrefix#MIN_DIGITS} hex digits. */
        TOO_SHORT,
        /** No row has an id that starts so. */
        NOT_FOUND,
        /** More than one row has. */
        AMBIGUOUS
    }

    /** One row an ambiguous prefix matched: its whole id and a few words that tell it apart (tenant, step/status). */
    public record Candidate(UUID id, String detail) {

        /** "3f0c1a52-… (acme, img_gen/done)", or the id alone without a detail. */
        String shown() {
            return detail == null || detail.isBlank() ? id.toString() : id + " (" + detail + ")";
        }
    }

    private final Problem problem;
    private final List<Candidate> candidates;
    private final int matches;

    IdResolutionException(Problem problem, String message) {
        this(problem, message, List.of(), 0);
    }

    IdResolutionException(Problem problem, String message, List<Candidate> candidates, int matches) {
        super(message);
        this.problem = problem;
        this.candidates = List.copyOf(candidates);
        this.matches = matches;
    }

    public Problem problem() {
        return problem;
    }

    /** The first rows an ambiguous prefix matched, in id order; empty for the other problems. */
    public List<Candidate> candidates() {
        return candidates;
    }

    /** How many rows an ambiguous prefix matched in all (0 for the other problems). */
    public int matches() {
        return matches;
    }
}

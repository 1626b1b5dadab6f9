package adreview.review.report;

import adreview.review.prompt.Prompt;

import java.util.List;

/**
 * Two runs of the model (prompt versions or models) on the same variants: each against the reviewers,
 * and against each other.
 *
 * @param aVsReviewers side A's latest verdicts against the current decisions
 * @param bVsReviewers side B's the same way
 * @param aVsB         A (rows) against B (columns), labels yes/no ({@link Pairing#SIDES})
 * @param variants     every compared variant, those worth a look first
 */
public record RunComparison(Prompt.Stage stage, RunSide a, RunSide b, Agreement aVsReviewers, Agreement bVsReviewers,
                            Agreement aVsB, List<ComparedVariant> variants) {

    public RunComparison {
        variants = List.copyOf(variants);
    }

    /** Variants where the sides disagree with each other or with the reviewer. */
    public List<ComparedVariant> worthALook() {
        Pairing p = Pairing.forStage(stage);
        return variants.stream().filter(v -> v.worthALook(p)).toList();
    }
}

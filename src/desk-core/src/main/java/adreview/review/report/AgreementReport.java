package adreview.review.report;

import java.util.List;

/**
 * One agreement report: the pairs of the model's verdict and the reviewers' decision on the same
 * variants, as the filter selects them.
 *
 * @param overall  every pair: one per variant (its latest verdict against its current decision)
 * @param groups   per group when grouped (empty for {@link GroupBy#NONE}), largest first
 * @param criteria Stage 2: each criterion against the decision's comment tags (empty for Stage 1)
 * @param measured each model boolean against the measured checks stored in the same trace
 * @param timeline pairs per day of the decision, oldest first
 */
public record AgreementReport(ReportFilter filter, GroupBy groupBy, Agreement overall, List<GroupAgreement> groups,
                              List<CriterionAgreement> criteria, List<CriterionAgreement> measured,
                              List<DayAgreement> timeline, Coverage coverage) {

    public AgreementReport {
        groups = List.copyOf(groups);
        criteria = List.copyOf(criteria);
        measured = List.copyOf(measured);
        timeline = List.copyOf(timeline);
    }

    /** The pairing rule of the report's stage. */
    public Pairing pairing() {
        return Pairing.forStage(filter.stage());
    }
}

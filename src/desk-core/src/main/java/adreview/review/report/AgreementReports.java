package adreview.review.report;

import adreview.store.Database;
import adreview.store.report.AgreementRepository;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Agreement reports and run comparisons on the desk's database. The database counts
 * ({@link AgreementRepository}); this class turns the counted cells into tables with their agreement
 * and kappa ({@link Pairing#tally}) and puts the parts of a report together.
 */
public final class AgreementReports implements AgreementQueries {

    private final AgreementRepository repository;

    /**
     * @param zone the time zone of the report's days: the date filters and the timeline
     */
    public AgreementReports(Database database, ZoneId zone) {
        this.repository = new AgreementRepository(database, zone);
    }

    /** Days in the system's time zone. */
    public AgreementReports(Database database) {
        this(database, ZoneId.systemDefault());
    }

    @Override
    public AgreementReport report(ReportFilter filter, GroupBy groupBy) {
        Pairing pairing = Pairing.forStage(filter.stage());
        List<AgreementRepository.Count> counts = repository.reportCounts(filter, GroupBy.NONE, true);
        Agreement overall = pairing.tally(cells(counts, AgreementRepository.MATRIX, null));
        List<GroupAgreement> groups = groupBy == GroupBy.NONE ? List.of() : groups(filter, groupBy, pairing);
        List<CriterionAgreement> criteria = flags(counts, AgreementRepository.CRITERION, CriterionAgreement.REVIEWER_TAGS);
        List<CriterionAgreement> measured = flags(counts, AgreementRepository.MEASURED, CriterionAgreement.MEASURED);
        return new AgreementReport(filter, groupBy, overall, groups, criteria, measured, timeline(counts), coverage(counts));
    }

    /** The grouped run: one matrix per group key, the largest groups first (then by name). */
    private List<GroupAgreement> groups(ReportFilter filter, GroupBy groupBy, Pairing pairing) {
        Map<String, List<MatrixCell>> byKey = new TreeMap<>();
        for (AgreementRepository.Count c : repository.reportCounts(filter, groupBy, false)) {
            byKey.computeIfAbsent(c.key(), k -> new ArrayList<>()).add(new MatrixCell(c.a(), c.b(), c.n()));
        }
        List<GroupAgreement> groups = new ArrayList<>();
        byKey.forEach((key, cells) -> groups.add(new GroupAgreement(key, pairing.tally(cells))));
        groups.sort(Comparator.comparingLong((GroupAgreement g) -> -g.agreement().total()).thenComparing(GroupAgreement::group));
        return groups;
    }

    private static List<MatrixCell> cells(List<AgreementRepository.Count> counts, String part, String key) {
        return counts.stream().filter(c -> c.part().equals(part) && (key == null || key.equals(c.key())))
                .map(c -> new MatrixCell(c.a(), c.b(), c.n())).toList();
    }

    /** Per criterion, in the order the SQL lists them (first appearance), each a problem/ok table. */
    private static List<CriterionAgreement> flags(List<AgreementRepository.Count> counts, String part, String against) {
        Map<String, List<MatrixCell>> byCriterion = new LinkedHashMap<>();
        counts.stream().filter(c -> c.part().equals(part)).forEach(c ->
                byCriterion.computeIfAbsent(c.key(), k -> new ArrayList<>()).add(new MatrixCell(c.a(), c.b(), c.n())));
        List<CriterionAgreement> out = new ArrayList<>();
        byCriterion.forEach((criterion, cells) ->
                out.add(new CriterionAgreement(criterion, against, Pairing.FLAGS.tally(cells))));
        out.sort(Comparator.comparing(CriterionAgreement::criterion));
        return out;
    }

    private static List<DayAgreement> timeline(List<AgreementRepository.Count> counts) {
        Map<String, long[]> byDay = new TreeMap<>();
        counts.stream().filter(c -> c.part().equals(AgreementRepository.DAY)).forEach(c -> {
            long[] totals = byDay.computeIfAbsent(c.key(), k -> new long[2]);
            totals[0] += c.n();
            if ("agree".equals(c.b())) {
                totals[1] += c.n();
            }
        });
        List<DayAgreement> days = new ArrayList<>();
        byDay.forEach((day, totals) -> days.add(new DayAgreement(AgreementRepository.day(day), totals[0], totals[1])));
        return days;
    }

    private static Coverage coverage(List<AgreementRepository.Count> counts) {
        long decided = 0;
        long judged = 0;
        for (AgreementRepository.Count c : counts) {
            if (c.part().equals(AgreementRepository.COVERAGE)) {
                if (c.key().equals("decided_without_verdict")) {
                    decided = c.n();
                } else {
                    judged = c.n();
                }
            }
        }
        return new Coverage(decided, judged);
    }

    @Override
    public List<DisagreeingVariant> disagreements(ReportFilter filter, int limit) {
        if (limit < 1) {
            return List.of();
        }
        return repository.disagreements(filter, limit);
    }

    @Override
    public ReportChoices choices() {
        return repository.choices();
    }

    /**
     * The variants a comparison runs on: the request's own, else the most recently decided ones under its
     * filter (with {@code withTraces}, only those with a stored verdict of either side), at most its limit.
     */
    public List<UUID> comparisonVariants(ComparisonRequest request, boolean withTraces) {
        if (!request.variants().isEmpty()) {
            return request.variants();
        }
        return repository.decidedVariants(request, withTraces);
    }

    @Override
    public RunComparison compare(ComparisonRequest request) {
        return compareOn(request, comparisonVariants(request, true));
    }

    /** The comparison of the request's sides on exactly {@code ids} (none: an empty comparison). */
    public RunComparison compareOn(ComparisonRequest request, List<UUID> ids) {
        var stage = request.filter().stage();
        Pairing pairing = Pairing.forStage(stage);
        List<AgreementRepository.Count> counts = ids.isEmpty() ? List.of()
                : repository.comparisonCounts(stage, request.a(), request.b(), ids);
        List<ComparedVariant> variants = ids.isEmpty() ? List.of()
                : repository.comparedVariants(stage, request.a(), request.b(), ids);
        List<ComparedVariant> ordered = new ArrayList<>(variants);
        // Those worth a look first; otherwise the database's order (tenant, id).
        ordered.sort(Comparator.comparing((ComparedVariant v) -> !v.worthALook(pairing)));
        return new RunComparison(stage, request.a(), request.b(),
                pairing.tally(cells(counts, "a", null)), pairing.tally(cells(counts, "b", null)),
                Pairing.SIDES.tally(cells(counts, "ab", null)), ordered);
    }
}

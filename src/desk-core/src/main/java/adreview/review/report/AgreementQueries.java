package adreview.review.report;

import java.util.List;

/**
 * What the desk's Report view asks (implemented by {@link AgreementReports}): every method reads the
 * database, so call it off the UI thread.
 */
public interface AgreementQueries {

    /** The report the filter selects, split by {@code groupBy}. */
    AgreementReport report(ReportFilter filter, GroupBy groupBy);

    /** The pairs of the (ungrouped) report that disagree, most recently decided first, at most {@code limit}. */
    List<DisagreeingVariant> disagreements(ReportFilter filter, int limit);

    /** Tenants, reviewers, prompt versions and models present, for the filters. */
    ReportChoices choices();

    /**
     * Compares the stored traces (pipeline runs and re-judges) of two sides on the request's variants; without
     * a list, on the most recently decided variants that have a verdict of either side.
     */
    RunComparison compare(ComparisonRequest request);
}

package adreview.review.report;

import java.util.List;

/** The values the filters can take in this database, sorted: for the Report view's choice boxes. */
public record ReportChoices(List<String> tenants, List<String> reviewers, List<String> promptVersions,
                            List<String> models) {

    public static final ReportChoices NONE = new ReportChoices(List.of(), List.of(), List.of(), List.of());

    public ReportChoices {
        tenants = List.copyOf(tenants);
        reviewers = List.copyOf(reviewers);
        promptVersions = List.copyOf(promptVersions);
        models = List.copyOf(models);
    }
}

package adreview.review.report;

import adreview.review.prompt.Prompt;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Which pairs of (model verdict, reviewer decision) a report counts; null fields do not filter.
 *
 * @param from            first day of the decisions counted (inclusive, in the report's time zone)
 * @param to              last day (inclusive)
 * @param tenant          {@code jobs.tenant_id}
 * @param reviewer        only this reviewer's decisions: their latest decision on each variant counts
 * @param stage           Stage 1 (analyze traces, {@code is_valid}) or Stage 2 (judge traces)
 * @param promptVersion   only traces with this {@code request.prompt_version} ({@code unversioned} for
 *                        traces that record none); the latest such trace of a variant counts
 * @param model           only traces of this model folder name ({@code request.model.folder})
 * @param precision       only traces with this precision ({@code request.model.precision})
 * @param backend         only traces of this backend ({@code request.backend}; traces without one are {@code local})
 * @param includeRejudges false (the default): only pipeline results count, a re-judge
 *                        ({@code request.rejudge = true}) never is the model's verdict; true: re-judges too
 */
public record ReportFilter(LocalDate from, LocalDate to, String tenant, String reviewer, Prompt.Stage stage,
                           String promptVersion, String model, String precision, String backend,
                           boolean includeRejudges) {

    public ReportFilter {
        Objects.requireNonNull(stage, "stage");
        tenant = blankToNull(tenant);
        reviewer = blankToNull(reviewer);
        promptVersion = blankToNull(promptVersion);
        model = blankToNull(model);
        precision = blankToNull(precision);
        backend = blankToNull(backend);
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("The date range ends (" + to + ") before it starts (" + from + ")");
        }
    }

    /** Everything of one stage: pipeline verdicts against current decisions. */
    public static ReportFilter of(Prompt.Stage stage) {
        return new ReportFilter(null, null, null, null, stage, null, null, null, null, false);
    }

    public ReportFilter withDates(LocalDate first, LocalDate last) {
        return new ReportFilter(first, last, tenant, reviewer, stage, promptVersion, model, precision, backend, includeRejudges);
    }

    public ReportFilter withTenant(String value) {
        return new ReportFilter(from, to, value, reviewer, stage, promptVersion, model, precision, backend, includeRejudges);
    }

    public ReportFilter withReviewer(String value) {
        return new ReportFilter(from, to, tenant, value, stage, promptVersion, model, precision, backend, includeRejudges);
    }

    public ReportFilter withStage(Prompt.Stage value) {
        return new ReportFilter(from, to, tenant, reviewer, value, promptVersion, model, precision, backend, includeRejudges);
    }

    public ReportFilter withPromptVersion(String value) {
        return new ReportFilter(from, to, tenant, reviewer, stage, value, model, precision, backend, includeRejudges);
    }

    public ReportFilter withModel(String folder, String modelPrecision, String modelBackend) {
        return new ReportFilter(from, to, tenant, reviewer, stage, promptVersion, folder, modelPrecision, modelBackend, includeRejudges);
    }

    public ReportFilter withRejudges(boolean include) {
        return new ReportFilter(from, to, tenant, reviewer, stage, promptVersion, model, precision, backend, include);
    }

    /** 1 or 2, as the CLI and the JSON write it. */
    public int stageNumber() {
        return stage == Prompt.Stage.STAGE1 ? 1 : 2;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

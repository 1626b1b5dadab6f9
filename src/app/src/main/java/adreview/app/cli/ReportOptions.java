package adreview.app.cli;

import adreview.review.prompt.Prompt;
import adreview.review.report.ReportFilter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The filters {@code report} and {@code report compare} share (a picocli mixin). */
public final class ReportOptions {

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First day of the decisions counted (local time).")
    String from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last day of the decisions counted (inclusive).")
    String to;

    @Option(names = "--tenant", paramLabel = "TENANT", description = "Only this tenant's variants (jobs.tenant_id).")
    String tenant;

    @Option(names = "--reviewer", paramLabel = "NAME", description = "Only this reviewer's decisions (their latest per variant).")
    String reviewer;

    @Option(names = "--stage", paramLabel = "1|2", description = "1: is_valid (default); 2: the finished ad's judgement.")
    int stage = 1;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Option(names = "--csv", description = "Print CSV.")
    boolean csv;

    ReportFilter filter(CommandSpec spec) {
        if (stage != 1 && stage != 2) {
            throw new ParameterException(spec.commandLine(), "--stage must be 1 or 2, got " + stage);
        }
        if (json && csv) {
            throw new ParameterException(spec.commandLine(), "--json and --csv: choose one");
        }
        try {
            return ReportFilter.of(stage == 1 ? Prompt.Stage.STAGE1 : Prompt.Stage.STAGE2)
                    .withDates(date(spec, "--from", from), date(spec, "--to", to))
                    .withTenant(tenant).withReviewer(reviewer);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private static LocalDate date(CommandSpec spec, String option, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new ParameterException(spec.commandLine(), option + " '" + text + "' is not a date: use YYYY-MM-DD");
        }
    }
}

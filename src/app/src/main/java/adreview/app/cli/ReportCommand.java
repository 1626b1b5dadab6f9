package adreview.app.cli;

import adreview.app.DeskContext;
import adreview.app.Main;
import adreview.review.report.AgreementReport;
import adreview.review.report.AgreementReports;
import adreview.review.report.DisagreeingVariant;
import adreview.review.report.GroupBy;
import adreview.review.report.ReportCsv;
import adreview.review.report.ReportFilter;
import adreview.review.report.ReportJson;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code report}: does the model agree with the reviewers? The latest pipeline verdict of each variant
 * against its current decision: confusion matrix, agreement, Cohen's kappa with a 95 % interval,
 * optionally grouped; or, with {@code --disagreements}, the variants where they disagree. Text, JSON or
 * CSV (columns in the README).
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Agreement of the model's verdicts with the reviewers' decisions (counts, matrix, kappa).",
        subcommands = ReportCompareCommand.class)
public final class ReportCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Mixin
    ReportOptions options;

    @Option(names = "--group-by", paramLabel = "prompt|model|tenant|reviewer", description = "One row per group as well.")
    String groupBy;

    @Option(names = "--prompt-version", paramLabel = "VERSION",
            description = "Only traces of this prompt version (e.g. stage1-v2; 'unversioned' for traces without one).")
    String promptVersion;

    @Option(names = "--model", paramLabel = "FOLDER", description = "Only traces of this model folder name (request.model.folder).")
    String model;

    @Option(names = "--model-precision", paramLabel = "PRECISION", description = "Only traces with this precision (int8, fp16, fp32).")
    String precision;

    @Option(names = "--trace-backend", paramLabel = "NAME", description = "Only traces answered by this backend (traces without one are 'local').")
    String backend;

    @Option(names = "--include-rejudges", description = "Let re-judges count as the model's verdict (default: pipeline runs only).")
    boolean includeRejudges;

    @Option(names = "--disagreements", description = "List the variants where model and reviewer disagree instead.")
    boolean disagreements;

    @Option(names = "--limit", paramLabel = "N", description = "At most N disagreements (default ${DEFAULT-VALUE}).")
    int limit = 200;

    /** The parent's database options, for {@link ReportCompareCommand}. */
    Main main() {
        return main;
    }

    @Override
    public Integer call() {
        ReportFilter filter = options.filter(spec).withPromptVersion(promptVersion)
                .withModel(model, precision, backend).withRejudges(includeRejudges);
        GroupBy group;
        try {
            group = GroupBy.parse(groupBy);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        try (DeskContext context = main.openContext()) {
            AgreementReports reports = new AgreementReports(context.database());
            if (disagreements) {
                List<DisagreeingVariant> list = reports.disagreements(filter, limit);
                out.print(options.json ? CliJson.pretty(ReportJson.disagreements(list)) + "\n"
                        : options.csv ? ReportCsv.disagreements(list) : ReportText.disagreements(list));
            } else {
                AgreementReport report = reports.report(filter, group);
                out.print(options.json ? CliJson.pretty(ReportJson.report(report)) + "\n"
                        : options.csv ? ReportCsv.report(report) : ReportText.report(report));
            }
        }
        out.flush();
        return 0;
    }
}
